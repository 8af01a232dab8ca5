import type { StockroomDatabase } from './collections';

/**
 * The per-device sequence must never repeat, even with two windows open. A Web Lock serialises
 * writers across windows of this origin; a promise chain does it inside one window (and in Node
 * tests, which have no Web Locks).
 *
 * Asking for the Web Lock is a round trip to the browser process, which a tech would pay on every
 * scan. So a window keeps the lock for a moment after its last write and writes again under it;
 * another window waiting for it gets it once this one has been idle that long.
 */
const LOCK_NAME = 'stockroom-ledger-writer';
const KEEP_LOCK_IDLE_MS = 1_000;
let chain: Promise<unknown> = Promise.resolve();
let held: { release(): void; idle?: ReturnType<typeof setTimeout> } | undefined;

function acquire(locks: LockManager): Promise<void> {
  if (held) {
    clearTimeout(held.idle);
    return Promise.resolve();
  }
  return new Promise<void>((granted, refused) => {
    locks
      .request(
        LOCK_NAME,
        () =>
          new Promise<void>((release) => {
            held = { release };
            granted();
          }),
      )
      .catch(refused);
  });
}

function releaseWhenIdle(): void {
  const lease = held;
  if (!lease) return;
  clearTimeout(lease.idle);
  lease.idle = setTimeout(() => {
    if (held === lease) held = undefined;
    lease.release();
  }, KEEP_LOCK_IDLE_MS);
}

export function withLedgerLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run = locks
    ? async () => {
        await acquire(locks);
        try {
          return await work();
        } finally {
          releaseWhenIdle();
        }
      }
    : work;
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
