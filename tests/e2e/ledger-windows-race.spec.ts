import { expect, test, type Page } from '@playwright/test';
import { openHarness } from './ledger-store/harness-page';
import type { LedgerHarness } from './ledger-store/harness-entry';

/**
 * Two windows of one PC write one ledger. Each plans from its own RxDB cache, which hears the
 * other window's writes over a broadcast channel that the ledger lock's hand-over does not wait
 * for. A write planned from a stale cache must never store: not a balance computed from an older
 * one, not a device sequence number already used.
 */

declare global {
  var ledgerHarness: LedgerHarness;
}

type Draft = Parameters<LedgerHarness['recordEvents']>[2][number];

const receive = (quantity: number, lotCode = 'L1'): Draft => ({
  type: 'receive',
  itemId: 'ITM-1',
  lotCode,
  expiry: '2027-06-30',
  locationId: 'LOC-A1',
  quantity,
});

const issue = (quantity: number): Draft => ({
  type: 'issue',
  itemId: 'ITM-1',
  lotCode: 'L1',
  locationId: 'LOC-A1',
  toLocationId: 'DEP-ICU',
  quantity,
});

/** Opens store `name` in the page, as a window of one PC does, with the test people. */
async function openWindow(page: Page, name: string): Promise<void> {
  await openHarness(page);
  await page.evaluate(async (name) => {
    const h = globalThis.ledgerHarness;
    const db = await h.open(name, 'ledger');
    (globalThis as unknown as { db: unknown }).db = db;
    await h.addTestUsers(db, 'FAC-DEMO');
  }, name);
}

/**
 * Records each write in turn, each as soon as the one before is saved, with a pause of up to
 * `pauseMs` between them; answers 'ok' or what the writer said.
 */
function record(page: Page, writes: Draft[][], pauseMs = 0) {
  return page.evaluate(
    async ({ writes, pauseMs }) => {
      const h = globalThis.ledgerHarness;
      const db = (globalThis as unknown as { db: Awaited<ReturnType<LedgerHarness['open']>> }).db;
      const context = {
        facilityId: 'FAC-DEMO',
        deviceId: 'web-test',
        actorId: 'USR-TECH',
        now: () => new Date('2026-11-23T10:00:00Z'),
        today: '2026-11-23',
      };
      const outcomes: string[] = [];
      for (const drafts of writes) {
        outcomes.push(
          await h.recordEvents(db, context, drafts).then(
            (r) => (r.ok ? 'ok' : r.problems.map((p) => `${p.code}: ${p.message}`).join('; ')),
            (e: unknown) => String(e),
          ),
        );
        if (pauseMs > 0) await new Promise((r) => setTimeout(r, Math.random() * pauseMs));
      }
      return outcomes;
    },
    { writes, pauseMs },
  );
}

/** The ledger's rows as IndexedDB holds them, read past RxDB. */
function storedRows(page: Page, name: string) {
  return page.evaluate(async (name) => {
    const raw = new globalThis.ledgerHarness.Dexie(`rxdb-dexie-${name}--0.0--ledger`);
    await raw.open();
    const events = (await raw.table('stock_events').toArray()) as {
      type: string;
      deviceSeq: number;
      quantity: number;
    }[];
    const balance = (await raw.table('balances').get('LOC-A1|ITM-1|L1')) as
      { onHand: number } | undefined;
    raw.close();
    const bySeq = [...events].sort((a, b) => a.deviceSeq - b.deviceSeq);
    return {
      seqs: bySeq.map((e) => e.deviceSeq),
      moved: events.reduce((sum, e) => sum + (e.type === 'issue' ? -1 : 1) * e.quantity, 0),
      onHand: balance?.onHand ?? 0,
      /** How often the writing window changed, read from the quantities each window records. */
      turns: bySeq.filter((e, i) => i > 0 && e.quantity !== bySeq[i - 1]?.quantity).length,
    };
  }, name);
}

/** Delays every RxDB broadcast this page hears, as a busy browser may. */
async function hearRxdbLate(page: Page, delayMs: number): Promise<void> {
  await page.addInitScript((delayMs) => {
    const handler = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, 'onmessage')!;
    Object.defineProperty(BroadcastChannel.prototype, 'onmessage', {
      configurable: true,
      get(this: BroadcastChannel) {
        return handler.get!.call(this);
      },
      set(this: BroadcastChannel, listener: ((e: MessageEvent) => void) | null) {
        const late =
          listener && this.name.startsWith('RxDB:')
            ? (e: MessageEvent) => setTimeout(() => listener.call(this, e), delayMs)
            : listener;
        handler.set!.call(this, late);
      },
    });
  }, delayMs);
}

test('two windows writing one lot by turns: every write lands on the latest balance, with its own number', async ({
  page,
  context,
}) => {
  const other = await context.newPage();
  await openWindow(page, 'race');
  await openWindow(other, 'race');
  const [mine, theirs] = await Promise.all([
    record(
      page,
      Array.from({ length: 30 }, () => [receive(1)]),
      20,
    ),
    record(
      other,
      Array.from({ length: 30 }, () => [receive(100)]),
      20,
    ),
  ]);
  expect([...mine, ...theirs].filter((o) => o !== 'ok')).toEqual([]);
  const rows = await storedRows(page, 'race');
  // The windows did take turns (how often is the scheduler's: 5 to 26 seen at pauses of 4 ms).
  expect(rows.turns).toBeGreaterThan(2);
  expect(rows.seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  expect(rows.moved).toBe(30 * 1 + 30 * 100);
  expect(rows.onHand).toBe(rows.moved);
});

test("a window that has not yet heard the other window's write waits for it, then writes on top of it", async ({
  page,
  context,
}) => {
  await hearRxdbLate(page, 300);
  const other = await context.newPage();
  await openWindow(page, 'late');
  await openWindow(other, 'late');
  expect(await record(page, [[receive(50)]])).toEqual(['ok']);
  // The other window hears this one at once, and writes on top of the 50.
  await expect
    .poll(() =>
      other.evaluate(async () => {
        const db = (globalThis as unknown as { db: Awaited<ReturnType<LedgerHarness['open']>> }).db;
        return (await db.balances.findOne('LOC-A1|ITM-1|L1').exec())?.onHand;
      }),
    )
    .toBe(50);
  expect(await record(other, [[receive(100)]])).toEqual(['ok']);
  // This window still believes 50 on hand and number 1 last used, for 300 ms.
  expect(await record(page, [[issue(5)]])).toEqual(['ok']);
  const rows = await storedRows(page, 'late');
  expect(rows.seqs).toEqual([1, 2, 3]);
  expect(rows.onHand).toBe(145);
});

test('a balance changed past this window is never overwritten: the write is refused and nothing is stored', async ({
  page,
}) => {
  await openWindow(page, 'past-balance');
  expect(await record(page, [[receive(50)]])).toEqual(['ok']);
  // As a write whose broadcast never arrives: IndexedDB holds 20 at a new revision, RxDB still 50.
  await page.evaluate(async () => {
    const raw = new globalThis.ledgerHarness.Dexie('rxdb-dexie-past-balance--0.0--ledger');
    await raw.open();
    await raw.table('balances').update('LOC-A1|ITM-1|L1', { onHand: 20, _rev: '2-elsewhere' });
    raw.close();
  });
  const [outcome] = await record(page, [[issue(5)]]);
  expect(outcome).toMatch(/^LEDGER_MOVED: Another Stockroom Edge window .* Nothing was stored/);
  const rows = await storedRows(page, 'past-balance');
  expect(rows.seqs).toEqual([1]);
  expect(rows.onHand).toBe(20);
});

test('a device sequence number used past this window is never used again: the write is refused and nothing is stored', async ({
  page,
}) => {
  await openWindow(page, 'past-seq');
  expect(await record(page, [[receive(50)]])).toEqual(['ok']);
  // Another lot, so no balance this write reads changes: only the number is taken.
  await page.evaluate(async () => {
    const raw = new globalThis.ledgerHarness.Dexie('rxdb-dexie-past-seq--0.0--ledger');
    await raw.open();
    const first = (await raw.table('stock_events').toArray())[0] as Record<string, unknown>;
    await raw.table('stock_events').add({
      ...first,
      id: 'evt-elsewhere',
      lotCode: 'L2',
      deviceSeq: 2,
      _rev: '1-elsewhere',
    });
    raw.close();
  });
  const [outcome] = await record(page, [[receive(5)]]);
  expect(outcome).toMatch(/^LEDGER_MOVED: /);
  const rows = await storedRows(page, 'past-seq');
  expect(rows.seqs).toEqual([1, 2]);
  expect(rows.onHand).toBe(50);
});
