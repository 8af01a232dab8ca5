import { afterEach, describe, expect, it } from 'vitest';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { DIGEST_PAGE, readEventsInPages } from '../../renderer/store/ledger-digest-read';
import { ledgerDigestOf } from '../../renderer/store/ledger-digest-keeper';
import type { StockEvent } from '../../shared/model';
import { openTestStore } from './store-test-db';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

async function store() {
  const db = await openTestStore();
  dbs.push(db);
  return db;
}

let seq = 0;
function issued(occurredAt: string): StockEvent {
  seq += 1;
  return {
    id: `evt-${String(seq).padStart(6, '0')}`,
    facilityId: 'FAC-DEMO',
    deviceId: 'web-test',
    deviceSeq: seq,
    actorId: 'USR-TECH',
    occurredAt,
    type: 'issue',
    itemId: 'ITM-1',
    lotCode: 'L1',
    expiry: '2027-06-30',
    locationId: 'LOC-A1',
    quantity: 1,
  } as StockEvent;
}

/**
 * A ledger shaped to hit every page boundary case: a run of equal instants longer than a page, runs
 * that straddle page ends, single events, and events before the first day wanted.
 */
function awkwardLedger(): { events: StockEvent[]; wanted: Set<string> } {
  const events: StockEvent[] = [];
  for (let i = 0; i < 40; i++) events.push(issued(`2026-07-0${1 + (i % 9)}T08:00:00Z`));
  events.push(...Array.from({ length: DIGEST_PAGE + 37 }, () => issued('2026-08-01T09:00:00Z')));
  for (let i = 0; i < DIGEST_PAGE * 2; i++) {
    const minute = String(Math.floor(i / 7) % 60).padStart(2, '0');
    const hour = String(10 + Math.floor(i / 420)).padStart(2, '0');
    events.push(issued(`2026-08-02T${hour}:${minute}:00Z`));
  }
  events.push(issued('2026-08-03T00:00:00Z'));
  const wanted = new Set(events.filter((e) => e.occurredAt >= '2026-08-01').map((e) => e.id));
  return { events, wanted };
}

describe("the dashboard's paged read of the ledger", () => {
  it('hands over every event from the first day on, and none before, across every kind of page end', async () => {
    const db = await store();
    const { events, wanted } = awkwardLedger();
    await db.stock_events.bulkInsert(events);
    const seen = new Set<string>();
    let pages = 0;
    const complete = await readEventsInPages(db, '2026-08-01', {
      fold: (page) => {
        pages += 1;
        for (const event of page) seen.add(event.id);
      },
      abandoned: () => false,
      pause: () => Promise.resolve(),
    });
    expect(complete).toBe(true);
    expect(seen).toEqual(wanted);
    // Paged, not one read of everything: no page was larger than a page, except the one instant.
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(wanted.size / DIGEST_PAGE));
  });

  it('stops at the next pause once abandoned, handing nothing more over', async () => {
    const db = await store();
    await db.stock_events.bulkInsert(awkwardLedger().events);
    const seen = new Set<string>();
    const complete = await readEventsInPages(db, '2026-08-01', {
      fold: (page) => page.forEach((event) => seen.add(event.id)),
      abandoned: () => seen.size > 0,
      pause: () => Promise.resolve(),
    });
    expect(complete).toBe(false);
    // The first page ended inside the long run at one instant, so that instant came whole, and
    // nothing after it.
    expect(seen.size).toBe(DIGEST_PAGE + 37);
  });

  it('keeps a digest that holds each event once, including one written while it reads', async () => {
    const db = await store();
    const { events, wanted } = awkwardLedger();
    await db.stock_events.bulkInsert(events);
    const keeper = ledgerDigestOf(db, '2026-08-03');
    // Written after the keeper listens, before its paged read has finished.
    const late = issued('2026-08-03T12:00:00Z');
    await db.stock_events.insert(late);
    await new Promise<void>((resolve) => {
      const done = () => {
        if (!keeper.current().digest) return;
        stop();
        resolve();
      };
      const stop = keeper.subscribe(done);
      done();
    });
    const digest = keeper.current().digest!;
    // 120 days back from 2026-08-03 reach into April: the July events are held too.
    const held = new Set([...events, late].map((e) => e.id));
    expect(digest.ids).toEqual(held);
    expect(held.size).toBeGreaterThan(wanted.size + 1);
  });

  it('links the events a reversal reaches, from before the digest too, read or written later', async () => {
    const db = await store();
    const old = { ...issued('2026-01-10T09:00:00Z'), type: 'receive' as const, quantity: 5 };
    const reversal = (id: string, reverses: string, occurredAt: string): StockEvent =>
      ({ ...issued(occurredAt), id, type: 'reversal', quantity: 0, reverses }) as StockEvent;
    // Read in the first pages: a reversal of a receipt from long before the digest.
    const read = reversal('evt-rev-read', old.id, '2026-07-20T09:00:00Z');
    await db.stock_events.bulkInsert([old, read]);
    const keeper = ledgerDigestOf(db, '2026-08-03');
    const ready = () =>
      new Promise<void>((resolve) => {
        const done = () => {
          if (!keeper.current().digest?.linked.has(old.id)) return;
          stop();
          resolve();
        };
        const stop = keeper.subscribe(done);
        done();
      });
    await ready();
    const digest = keeper.current().digest!;
    expect(digest.ids.has(old.id)).toBe(false);
    expect([...digest.linked.keys()].sort()).toEqual([old.id, read.id].sort());
    // Written later: a reversal of that reversal brings both links with it.
    const later = reversal('evt-rev-later', read.id, '2026-08-02T09:00:00Z');
    await db.stock_events.insert(later);
    await new Promise<void>((resolve) => {
      const done = () => {
        if (!digest.linked.has(later.id)) return;
        stop();
        resolve();
      };
      const stop = keeper.subscribe(done);
      done();
    });
    expect([...digest.reversalsOf.get(read.id)!]).toEqual([later.id]);
  });
});
