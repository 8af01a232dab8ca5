import { useEffect } from 'react';

/** Without the stream (or between its reconnects) screens still refresh this often. */
const FALLBACK_MS = 60_000;
/** A screen reloads at most this often, however busy the centre is. */
const SETTLE_MS = 500;

type Listener = () => void;
const listeners = new Set<Listener>();
let source: EventSource | undefined;

function connect(): void {
  if (source || typeof EventSource === 'undefined') return;
  // Same origin: the session cookie goes with it; the endpoint checks it like any admin read.
  source = new EventSource('/v1/admin/stream');
  source.onmessage = () => {
    for (const listener of listeners) listener();
  };
}

function disconnect(): void {
  source?.close();
  source = undefined;
}

/**
 * Calls `reload` within a second of any change at the centre (the endpoint's stream, fed by
 * PostgreSQL notifications from every endpoint process), and every minute regardless.
 */
export function useLive(reload: () => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        reload();
      }, SETTLE_MS);
    };
    listeners.add(listener);
    connect();
    const fallback = setInterval(reload, FALLBACK_MS);
    return () => {
      listeners.delete(listener);
      clearInterval(fallback);
      if (timer) clearTimeout(timer);
      if (listeners.size === 0) disconnect();
    };
  }, [reload]);
}
