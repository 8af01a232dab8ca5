import { expect, test, type Page } from '@playwright/test';
import { openHarness } from './ledger-store/harness-page';
import type { LedgerHarness } from './ledger-store/harness-entry';

/**
 * Issue 18: an event and the balance it changes commit in one IndexedDB transaction, on the real
 * store (RxDB 17 on Dexie on Chromium), and RxDB's collections, other windows and the replication
 * still see every write.
 */

declare global {
  var ledgerHarness: LedgerHarness;
}

/** Opens the store in the page, with the test people, and records `quantity` received of lot L1. */
async function openAndReceive(page: Page, name: string, layout: 'ledger' | 'plain', quantity = 0) {
  return page.evaluate(
    async ({ name, layout, quantity }) => {
      const h = globalThis.ledgerHarness;
      const db = await h.open(name, layout);
      (globalThis as unknown as { db: unknown }).db = db;
      await h.addTestUsers(db, 'FAC-DEMO');
      if (quantity === 0) return true;
      const result = await h.recordEvents(db, WRITER(), [RECEIVE(quantity)]);
      return result.ok;
    },
    { name, layout, quantity },
  );
}

test.beforeEach(async ({ page }) => {
  // Before any page script: what each test writes with, and every read-write transaction's
  // database, recorded as IndexedDB opens it.
  await page.addInitScript(() => {
    const g = globalThis as unknown as Record<string, unknown>;
    g['WRITER'] = () => ({
      facilityId: 'FAC-DEMO',
      deviceId: 'web-test',
      actorId: 'USR-TECH',
      now: () => new Date('2026-11-23T10:00:00Z'),
      today: '2026-11-23',
    });
    g['RECEIVE'] = (quantity: number) => ({
      type: 'receive',
      itemId: 'ITM-1',
      lotCode: 'L1',
      expiry: '2027-06-30',
      locationId: 'LOC-A1',
      quantity,
    });
    const txs: string[] = [];
    g['readWriteTransactions'] = txs;
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
      if (args[1] === 'readwrite') txs.push(this.name);
      return open.apply(this, args);
    } as typeof open;
  });
  await openHarness(page);
});

declare const WRITER: () => Parameters<LedgerHarness['recordEvents']>[1];
declare const RECEIVE: (q: number) => Parameters<LedgerHarness['recordEvents']>[2][number];

test('the event and its balance are stored in one database, and queries see both', async ({
  page,
}) => {
  await openAndReceive(page, 'onetx', 'ledger');
  const seen = await page.evaluate(async () => {
    const h = globalThis.ledgerHarness;
    const db = (globalThis as unknown as { db: Awaited<ReturnType<LedgerHarness['open']>> }).db;
    const events: string[][] = [];
    const onHand: (number | undefined)[] = [];
    const subs = [
      db.stock_events.find().$.subscribe((docs) => events.push(docs.map((d) => d.type))),
      db.balances.findOne('LOC-A1|ITM-1|L1').$.subscribe((b) => onHand.push(b?.onHand)),
    ];
    const all = (globalThis as unknown as { readWriteTransactions: string[] })
      .readWriteTransactions;
    const before = all.length;
    const result = await h.recordEvents(db, WRITER(), [RECEIVE(50)]);
    const txs = all.slice(before);
    await new Promise((r) => setTimeout(r, 200));
    subs.forEach((s) => s.unsubscribe());
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    return { ok: result.ok, events, onHand, txs, names };
  });
  expect(seen.ok).toBe(true);
  expect(seen.events.at(-1)).toEqual(['receive']);
  expect(seen.onHand.at(-1)).toBe(50);
  // The write itself: one read-write transaction in the ledger's database (then the checkpoint,
  // a local document elsewhere).
  expect(seen.txs[0]).toBe('rxdb-dexie-onetx--0.0--ledger');
  expect(seen.txs.filter((n) => n.endsWith('--ledger'))).toHaveLength(1);
  expect(seen.names).toContain('rxdb-dexie-onetx--0.0--ledger');
  expect(seen.names.filter((n) => /--(stock_events|balances)$/.test(n))).toEqual([]);
});

test('a failure after the event rows were put leaves neither event nor balance', async ({
  page,
}) => {
  await openAndReceive(page, 'atomic', 'ledger', 50);
  const after = await page.evaluate(async () => {
    const h = globalThis.ledgerHarness;
    const db = (globalThis as unknown as { db: Awaited<ReturnType<LedgerHarness['open']>> }).db;
    const pair = h.ledgerPair(db.token)!;
    const { dexieDb } = await pair.stock_events.internals;
    let eventsPutFirst = false;
    // The balances put fails inside the joint transaction, after the events put was issued.
    const fail = () => {
      eventsPutFirst = true;
      throw new Error('injected balances failure');
    };
    dexieDb.table('balances').hook('updating', fail);
    dexieDb.table('balances').hook('creating', fail);
    let refused = '';
    try {
      await h.recordEvents(db, WRITER(), [
        {
          type: 'issue',
          itemId: 'ITM-1',
          lotCode: 'L1',
          locationId: 'LOC-A1',
          toLocationId: 'DEP-ICU',
          quantity: 5,
        },
      ]);
    } catch (error) {
      refused = String(error);
    }
    dexieDb.table('balances').hook('updating').unsubscribe(fail);
    dexieDb.table('balances').hook('creating').unsubscribe(fail);
    const raw = new h.Dexie('rxdb-dexie-atomic--0.0--ledger');
    await raw.open();
    const rows = {
      events: (await raw.table('stock_events').toArray()).map((e: { type: string }) => e.type),
      onHand: (await raw.table('balances').get('LOC-A1|ITM-1|L1'))?.onHand,
    };
    raw.close();
    const viaRx = {
      events: (await db.stock_events.find().exec()).length,
      onHand: (await db.balances.findOne('LOC-A1|ITM-1|L1').exec())?.onHand,
    };
    // And the next write goes through, numbered as if the failed one never happened.
    const next = await h.recordEvents(db, WRITER(), [RECEIVE(1)]);
    return { eventsPutFirst, refused, rows, viaRx, next };
  });
  expect(after.eventsPutFirst).toBe(true);
  expect(after.refused).toContain('nothing of it was stored');
  expect(after.rows).toEqual({ events: ['receive'], onHand: 50 });
  expect(after.viaRx).toEqual({ events: 1, onHand: 50 });
  expect(after.next.ok).toBe(true);
  expect(after.next.ok && after.next.events[0]?.deviceSeq).toBe(2);
});

test("another window's store and the replication's push see the joint write", async ({
  page,
  context,
}) => {
  await openAndReceive(page, 'shared', 'ledger');
  const other = await context.newPage();
  await openHarness(other);
  await other.evaluate(async () => {
    const h = globalThis.ledgerHarness;
    const db = await h.open('shared', 'ledger');
    const g = globalThis as unknown as Record<string, unknown>;
    g['heard'] = [];
    db.balances
      .findOne('LOC-A1|ITM-1|L1')
      .$.subscribe((b) => (g['heard'] as unknown[]).push(b?.onHand));
    g['pushed'] = [];
    const replication = h.replicateRxCollection({
      collection: db.stock_events,
      replicationIdentifier: 'ledger-test-push',
      live: true,
      push: {
        handler: async (rows) => {
          (g['pushed'] as unknown[]).push(
            ...rows.map((r) => (r.newDocumentState as unknown as { id: string }).id),
          );
          return [];
        },
      },
    });
    await replication.awaitInitialReplication();
  });
  const recorded = await page.evaluate(async () => {
    const h = globalThis.ledgerHarness;
    const db = (globalThis as unknown as { db: Awaited<ReturnType<LedgerHarness['open']>> }).db;
    const result = await h.recordEvents(db, WRITER(), [RECEIVE(30)]);
    return result.ok ? result.events[0]!.id : '';
  });
  await expect
    .poll(() => other.evaluate(() => (globalThis as unknown as { heard: unknown[] }).heard.at(-1)))
    .toBe(30);
  await expect
    .poll(() => other.evaluate(() => (globalThis as unknown as { pushed: string[] }).pushed))
    .toContain(recorded);
});

test('a store written in the old layout keeps its events and balances, and start-up repairs a write cut short', async ({
  page,
}) => {
  await openAndReceive(page, 'upgrade', 'plain', 40);
  // The old layout's crash window: an event stored, the window closed before its balance.
  await page.evaluate(async () => {
    const db = (globalThis as unknown as { db: Awaited<ReturnType<LedgerHarness['open']>> }).db;
    await db.stock_events.insert({
      ...RECEIVE(2),
      id: 'evt-cut-short',
      facilityId: 'FAC-DEMO',
      deviceId: 'web-test',
      deviceSeq: 2,
      actorId: 'USR-TECH',
      occurredAt: '2026-11-23T10:00:00.000Z',
    } as never);
    await db.close();
  });
  await page.reload();
  await page.waitForFunction(() => 'ledgerHarness' in globalThis);
  const upgraded = await page.evaluate(async () => {
    const h = globalThis.ledgerHarness;
    const db = await h.open('upgrade', 'ledger');
    const repaired = await h.catchUpBalances(db, 'web-test');
    const events = await db.stock_events.count().exec();
    const onHand = (await db.balances.findOne('LOC-A1|ITM-1|L1').exec())?.onHand;
    const next = await h.recordEvents(db, WRITER(), [RECEIVE(1)]);
    const after = (await db.balances.findOne('LOC-A1|ITM-1|L1').exec())?.onHand;
    let names: string[] = [];
    for (let i = 0; i < 50; i++) {
      names = (await indexedDB.databases()).map((d) => d.name ?? '');
      if (!names.some((n) => /--(stock_events|balances)$/.test(n))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      repaired,
      events,
      onHand,
      seq: next.ok ? next.events[0]?.deviceSeq : -1,
      after,
      names,
    };
  });
  expect(upgraded.repaired).toBeGreaterThanOrEqual(1);
  expect(upgraded.events).toBe(2);
  expect(upgraded.onHand).toBe(42);
  expect(upgraded.seq).toBe(3);
  expect(upgraded.after).toBe(43);
  expect(upgraded.names.filter((n) => /--(stock_events|balances)$/.test(n))).toEqual([]);
  expect(upgraded.names).toContain('rxdb-dexie-upgrade--0.0--ledger');
});
