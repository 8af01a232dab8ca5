import type { StockEvent } from '../../shared/model';
import type { StockroomDatabase } from './collections';

/**
 * Events per page of the dashboard's first read. A page is read and folded in a few milliseconds,
 * so a keyboard-wedge badge scan arriving meanwhile is never held long enough to split.
 */
export const DIGEST_PAGE = 1_000;

/** Resolves when the window has a moment with nothing to draw or handle, or after `timeoutMs`. */
export function whenIdle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    // Node (the unit tests' RxDB) has no idle callbacks; a macrotask turn is the same promise there.
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

export interface PagedRead {
  /**
   * One page of events, in occurredAt order; an event may come twice across pages. The next page
   * waits for a promise answered (the events a page's reversals name, looked up).
   */
  fold(events: readonly StockEvent[]): void | Promise<void>;
  /** True once the read is no longer wanted (a newer read began, the window closes). */
  abandoned(): boolean;
  /** Waited between pages, so the screen and the scanner go first. */
  pause(): Promise<void>;
}

function page(db: StockroomDatabase, selector: Record<string, unknown>, limit?: number) {
  return db.stock_events
    .find({
      selector: { occurredAt: selector },
      sort: [{ occurredAt: 'asc' }],
      ...(limit ? { limit } : {}),
    })
    .exec()
    .then((docs) => docs.map((d) => d.toJSON() as unknown as StockEvent));
}

/**
 * Reads the stock events that occurred at or after `from` (an ISO date or instant) through the
 * occurredAt index, a page at a time, so the cost of reading months of ledger is spread over idle
 * moments instead of standing between start-up and the first screen. Pages are keyed on
 * occurredAt; a page ending inside a run of equal instants starts the next page at that instant
 * again, so an event can be handed over twice (the digest keeps each id once) but never missed.
 * Answers false when abandoned before the end.
 */
export async function readEventsInPages(
  db: StockroomDatabase,
  from: string,
  read: PagedRead,
): Promise<boolean> {
  let selector: Record<string, string> = { $gte: from };
  for (;;) {
    await read.pause();
    if (read.abandoned()) return false;
    const events = await page(db, selector, DIGEST_PAGE);
    if (read.abandoned()) return false;
    await read.fold(events);
    const first = events[0]?.occurredAt;
    const last = events.at(-1)?.occurredAt;
    if (events.length < DIGEST_PAGE || first === undefined || last === undefined) return true;
    if (first !== last) {
      selector = { $gte: last };
      continue;
    }
    // A whole page at one instant (a bulk import stamped alike): take that instant whole, move past.
    await read.fold(await page(db, { $eq: last }));
    selector = { $gt: last };
  }
}
