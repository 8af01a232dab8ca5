import { Subject } from 'rxjs';

/**
 * Node 20 has no EventSource: this reads server-sent events from fetch's body stream and emits
 * each `data:` payload, parsed as JSON. Closing aborts the request.
 */
export function openEventStream(
  url: string,
  token: string,
): { events: Subject<unknown>; opened: Promise<number>; close(): void } {
  const events = new Subject<unknown>();
  const abort = new AbortController();
  const opened = fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
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
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart())
            .join('\n');
          if (data) events.next(JSON.parse(data));
          end = buffer.indexOf('\n\n');
        }
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
