import type { StockroomDatabase } from './collections';

/**
 * The per-device sequence must never repeat, even with two windows open. Web Locks serialise
 * writers across windows of this origin; a promise chain does it inside one window (and in Node
 * tests, which have no Web Locks).
 */
let chain: Promise<unknown> = Promise.resolve();

export function withLedgerLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run = locks ? () => locks.request('stockroom-ledger-writer', work) : work;
  const next = chain.then(run, run);
  chain = next.catch(() => undefined);
  return next;
}

/** The highest sequence number this device has used; 0 before its first event. */
export async function lastDeviceSeq(db: StockroomDatabase, deviceId: string): Promise<number> {
  const last = await db.stock_events
    .findOne({ selector: { deviceId }, sort: [{ deviceId: 'desc' }, { deviceSeq: 'desc' }] })
    .exec();
  return last?.deviceSeq ?? 0;
}
