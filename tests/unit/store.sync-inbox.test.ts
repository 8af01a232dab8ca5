import { firstValueFrom, filter } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncInbox } from '../../renderer/replication/inbox';
import type { StockroomDatabase } from '../../renderer/store/collections';
import type { SyncErrorDoc } from '../../renderer/store/local-schemas';
import {
  INBOX_CAPACITY,
  inbox$,
  readInbox,
  unresolvedNewestFirst,
  withEntry,
} from '../../renderer/store/sync-inbox';
import { openTestStore } from './store-test-db';

const entry = (n: number, resolved = false): SyncErrorDoc => ({
  id: `e-${n}`,
  at: new Date(Date.UTC(2026, 11, 4, 0, 0, n)).toISOString(),
  kind: 'rejected',
  collectionName: 'stock_events',
  message: `entry ${n}`,
  resolved,
});

describe('the sync errors inbox, kept as one local document', () => {
  let db: StockroomDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("two writers in one window never lose each other's lines, and a success resolves only its own", async () => {
    db = await openTestStore();
    const clock = () => new Date('2026-12-04T03:00:00Z');
    const first = new SyncInbox(db, clock);
    const second = new SyncInbox(db, clock);
    for (let n = 0; n < 20; n += 1) {
      (n % 2 ? first : second).post({
        id: `recall-${n}`,
        kind: 'integrity',
        collectionName: 'recall_notices',
        message: `flag ${n}`,
      });
    }
    first.problem({
      code: 'REFUSED',
      retry: 'person',
      collection: 'stock_events',
      message: 'The centre refused stock events.',
    });
    await Promise.all([first.settled(), second.settled()]);
    expect((await readInbox(db)).map((e) => e.id).sort()).toHaveLength(21);

    first.cleared('stock_events');
    await first.settled();
    const entries = await readInbox(db);
    expect(entries.find((e) => e.id === 'sync-stock_events')?.resolved).toBe(true);
    expect(unresolvedNewestFirst(entries)).toHaveLength(20);
  });

  it('a screen watching the inbox sees a new line without reloading', async () => {
    db = await openTestStore();
    const seen = firstValueFrom(inbox$(db).pipe(filter((entries) => entries.length === 1)));
    const inbox = new SyncInbox(db, () => new Date('2026-12-04T03:00:00Z'));
    inbox.post({ id: 'x', kind: 'conflict', collectionName: 'items', message: 'Look at item X.' });
    expect((await seen)[0]).toMatchObject({ id: 'x', message: 'Look at item X.', resolved: false });
  });

  it('never grows past its capacity: resolved lines go first, then the oldest', () => {
    let entries: SyncErrorDoc[] = [entry(0), entry(1, true)];
    for (let n = 2; n < INBOX_CAPACITY + 1; n += 1) entries = withEntry(entries, entry(n));
    expect(entries).toHaveLength(INBOX_CAPACITY);
    expect(entries.some((e) => e.id === 'e-1')).toBe(false);
    expect(entries[0]?.id).toBe('e-0');
    entries = withEntry(entries, entry(INBOX_CAPACITY + 5));
    expect(entries.some((e) => e.id === 'e-0')).toBe(false);
    // Posting the same line again replaces it rather than adding a second.
    expect(withEntry(entries, { ...entry(5), message: 'new words' })).toHaveLength(INBOX_CAPACITY);
  });
});
