import { Subject } from 'rxjs';
import { takeSseFrames } from '../../../renderer/replication/sse-frames';

/**
 * Node 20 has no EventSource: this reads server-sent events from fetch's body stream and emits
 * each `data:` payload, parsed as JSON. Closing aborts the request.
 */
export function openEventStream(
  url: string,
  token: string | null,
  headers: Record<string, string> = {},
): { events: Subject<unknown>; opened: Promise<number>; close(): void } {
  const events = new Subject<unknown>();
  const abort = new AbortController();
  const opened = fetch(url, {
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      accept: 'text/event-stream',
      ...headers,
    },
    signal: abort.signal,
  }).then(
    (response) => {
      if (response.ok && response.body) void pump(response.body);
      return response.status;
    },
    // Closed before the server answered: nothing to read.
    () => 0,
  );
  async function pump(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        const frames = takeSseFrames(buffer + decoder.decode(chunk, { stream: true }));
        buffer = frames.rest;
        for (const data of frames.payloads) events.next(JSON.parse(data));
      }
    } catch {
      // Aborted by close() or the server ended the stream.
    }
  }
  return {
    events,
    opened,
    close: () => abort.abort(),
  };
}
