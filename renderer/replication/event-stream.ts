import type { CollectionName } from '../../shared/model';
import { backoffDelay, type BackoffPolicy, type Random, type Sleeper } from './backoff';
import type { EndpointClient } from './endpoint-client';
import { takeSseFrames } from './sse-frames';
import { SyncFailure, type SyncProblem } from './sync-problem';

export interface StreamHooks {
  /** The server said something changed (or we just connected): pull from the checkpoint. */
  resync(): void;
  connected(): void;
  failed(problem: SyncProblem): void;
}

/** Longer than the endpoint's 15 s keep-alive: silence this long means the connection is dead. */
const IDLE_MS = 45_000;

/**
 * The live stream as a browser's EventSource would read it, but over fetch, because EventSource
 * cannot send the Authorization header. It reconnects with backoff for as long as replication
 * runs; the endpoint says RESYNC on every connect, so nothing missed while away stays missed.
 */
export function followStream(
  client: EndpointClient,
  collection: CollectionName,
  hooks: StreamHooks,
  options: { stop: AbortSignal; sleeper: Sleeper; backoff: BackoffPolicy; random: Random },
): Promise<void> {
  const { stop, sleeper, backoff, random } = options;
  return (async () => {
    let attempt = 0;
    while (!stop.aborted) {
      const connection = new AbortController();
      const abortConnection = () => connection.abort();
      stop.addEventListener('abort', abortConnection);
      try {
        const response = await client.openStream(collection, connection.signal);
        if (!response.body) throw new Error('stream without body');
        attempt = 0;
        hooks.connected();
        await readEvents(response.body, connection, hooks);
      } catch (error) {
        if (stop.aborted) break;
        if (error instanceof SyncFailure) hooks.failed(error.problem);
      } finally {
        stop.removeEventListener('abort', abortConnection);
        connection.abort();
      }
      if (stop.aborted) break;
      await sleeper.sleep(backoffDelay(backoff, attempt, random), stop);
      attempt += 1;
    }
  })();
}

async function readEvents(
  body: ReadableStream<Uint8Array>,
  connection: AbortController,
  hooks: StreamHooks,
): Promise<void> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  let idle = setTimeout(() => connection.abort(), IDLE_MS);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      clearTimeout(idle);
      idle = setTimeout(() => connection.abort(), IDLE_MS);
      const frames = takeSseFrames(buffer + decoder.decode(value, { stream: true }));
      buffer = frames.rest;
      // The endpoint only ever says RESYNC; anything else is read the same way, as a nudge.
      if (frames.payloads.length > 0) hooks.resync();
    }
  } finally {
    clearTimeout(idle);
    reader.releaseLock();
  }
}
