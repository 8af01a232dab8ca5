import type { FastifyBaseLogger } from 'fastify';
import type { SyncApp } from '../context';
import type { SyncDatabase } from '../db/connect';

/** After the drain, how long closing the database may take before the process exits regardless. */
export const CLOSE_GRACE_MS = 2_000;

export interface ShutdownParts {
  app: SyncApp;
  database: SyncDatabase;
  worker: { stop(): Promise<void> };
  drainMs: number;
  log: FastifyBaseLogger;
}

function after(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}

/**
 * Stops taking requests, ends live streams (the server's preClose), lets requests in flight finish
 * for at most `drainMs` (then their sockets are closed), and closes the database. A request stuck
 * on the database keeps its pool client, so the database close itself is bounded too: the whole
 * shutdown never takes more than drainMs + CLOSE_GRACE_MS. Resolves to whether it ended cleanly.
 */
export async function boundedShutdown(parts: ShutdownParts): Promise<boolean> {
  const { app, database, worker, drainMs, log } = parts;
  const drained = await Promise.race([
    Promise.all([worker.stop(), app.close()]).then(() => 'drained' as const),
    after(drainMs + CLOSE_GRACE_MS / 2),
  ]);
  if (drained === 'timeout') log.warn({ drainMs }, 'requests still running after the drain time');
  const closed = await Promise.race([
    database.close().then(() => 'closed' as const),
    after(CLOSE_GRACE_MS / 2),
  ]);
  if (closed === 'timeout') log.warn('the database did not close in time (a query is stuck)');
  return drained === 'drained' && closed === 'closed';
}
