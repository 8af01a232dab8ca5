import { openEventStream } from '../../integration/sync-helpers/sse';

/**
 * A stockroom PC reduced to what the endpoint sees of it: a live stream, and on every RESYNC a
 * pull from its checkpoint until a page comes back empty — the load RxDB's replication puts on the
 * endpoint, without holding 200 databases in the bench process.
 */
export interface LightClient {
  opened: Promise<number>;
  /** Resolves at the next RESYNC the stream delivers after this call. */
  nextResync(): Promise<number>;
  close(): void;
}

export function lightClient(url: string, token: string, limit = 200): LightClient {
  const stream = openEventStream(`${url}/v1/replication/stock_events/stream`, token);
  let seq = 0;
  let pulling = false;
  let again = false;
  let waiters: ((at: number) => void)[] = [];
  const pull = async () => {
    if (pulling) {
      again = true;
      return;
    }
    pulling = true;
    try {
      do {
        again = false;
        for (;;) {
          const response = await fetch(
            `${url}/v1/replication/stock_events/pull?checkpoint=${seq}&limit=${limit}`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          if (!response.ok) break;
          const page = (await response.json()) as {
            documents: unknown[];
            checkpoint: { seq: number };
          };
          seq = page.checkpoint.seq;
          if (page.documents.length < limit) break;
        }
      } while (again);
    } catch {
      // The bench is closing: the stream and its pulls end together.
    } finally {
      pulling = false;
    }
  };
  stream.events.subscribe(() => {
    const at = performance.now();
    for (const resolve of waiters) resolve(at);
    waiters = [];
    void pull();
  });
  return {
    opened: stream.opened,
    nextResync: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => stream.close(),
  };
}
