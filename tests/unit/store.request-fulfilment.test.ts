import { afterEach, describe, expect, it } from 'vitest';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { recordEvents, type WriterContext } from '../../renderer/store/ledger-writer';
import { fulfilRequestAs, type PickedUnits } from '../../renderer/store/request-fulfilment-writer';
import { moveRequestAs, raiseRequestAs } from '../../renderer/store/request-writer';
import type { IsRecalled } from '../../shared/inventory/availability';
import { buildPickList } from '../../shared/replenishment/pick-list';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { openTestStore } from './store-test-db';
import { addTestUsers } from './store-test-users';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

const TODAY = '2026-12-04';
let minute = 0;
const recallsBad: IsRecalled = (_i, lot) => lot === 'BAD';
const as = (actorId: string, isRecalled: IsRecalled = recallsBad): WriterContext => ({
  facilityId: 'FAC-DEMO',
  deviceId: 'web-test',
  actorId,
  now: () => new Date(Date.parse(`${TODAY}T02:00:00Z`) + (minute += 1) * 60_000),
  today: TODAY,
  isRecalled,
});

/** Shelves with a good lot (20), a recalled lot (5); a STAT request for 6, approved by a supervisor. */
async function approvedRequest(quantity = 6) {
  const db = await openTestStore();
  dbs.push(db);
  await addTestUsers(db, 'FAC-DEMO');
  await db.items.insert({ ...SAMPLE_DOCUMENTS.items, id: 'ITM-1', unitCost: 1 });
  const stocked = await recordEvents(db, { ...as('USR-TECH', () => false), acceptWarnings: true }, [
    {
      type: 'receive',
      itemId: 'ITM-1',
      locationId: 'LOC-A1',
      lotCode: 'GOOD',
      expiry: '2027-06-30',
      quantity: 20,
    },
    {
      type: 'receive',
      itemId: 'ITM-1',
      locationId: 'LOC-A1',
      lotCode: 'BAD',
      expiry: '2027-01-31',
      quantity: 5,
    },
  ]);
  if (!stocked.ok) throw new Error(JSON.stringify(stocked.problems));
  const raised = await raiseRequestAs(db, as('USR-NURSE'), {
    id: 'REQ-STAT-1',
    kind: 'urgent',
    priority: 'stat',
    locationId: 'DEP-ICU',
    reason: 'Code blue',
    lines: [{ itemId: 'ITM-1', quantity }],
  });
  if (!raised.ok) throw new Error(raised.message);
  for (const step of ['acknowledged', 'approved'] as const) {
    const moved = await moveRequestAs(db, as('USR-SUP'), 'REQ-STAT-1', step);
    if (!moved.ok) throw new Error(moved.message);
  }
  return db;
}

async function linesOf(db: StockroomDatabase) {
  const request = (await db.supply_requests.findOne('REQ-STAT-1').exec())!.toMutableJSON();
  const balances = (await db.balances.find().exec()).map((b) => b.toMutableJSON());
  return buildPickList(
    request,
    balances,
    TODAY,
    (_i, lot) => lot === 'BAD',
    (l) => l.startsWith('LOC-'),
  );
}

const good = (quantity: number): PickedUnits => ({
  itemId: 'ITM-1',
  locationId: 'LOC-A1',
  lotCode: 'GOOD',
  expiry: '2027-06-30',
  quantity,
});

const onHand = async (db: StockroomDatabase, lot: string) =>
  (await db.balances.findOne(`LOC-A1|ITM-1|${lot}`).exec())?.get('onHand') as number;

describe('a tech fulfils a request from the shelves', () => {
  it('issues the picked units to the department against the request, and ships exactly those', async () => {
    const db = await approvedRequest();
    const lines = await linesOf(db);
    expect(lines[0]!.picks.map((p) => [p.lotCode, p.quantity])).toEqual([['GOOD', 6]]);
    const first = await fulfilRequestAs(db, as('USR-TECH'), 'REQ-STAT-1', lines, [good(4)]);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.request.status).toBe('shipped');
    expect(first.request.history.map((e) => [e.status, e.by])).toContainEqual([
      'picking',
      'USR-TECH',
    ]);
    expect(first.request.history.at(-1)).toMatchObject({
      status: 'shipped',
      by: 'USR-TECH',
      lines: [{ itemId: 'ITM-1', quantity: 4 }],
    });
    const issues = (await db.stock_events.find({ selector: { type: 'issue' } }).exec()).map((e) =>
      e.toMutableJSON(),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        requestId: 'REQ-STAT-1',
        toLocationId: 'DEP-ICU',
        quantity: 4,
        actorId: 'USR-TECH',
      }),
    ]);
    expect(await onHand(db, 'GOOD')).toBe(16);

    // The rest follows in a second shipment; then the request is shipped in full.
    const rest = await linesOf(db);
    expect(rest[0]).toMatchObject({ outstanding: 2 });
    const second = await fulfilRequestAs(db, as('USR-TECH2'), 'REQ-STAT-1', rest, [good(2)]);
    expect(second.ok).toBe(true);
    expect(await onHand(db, 'GOOD')).toBe(14);
    expect(
      await fulfilRequestAs(db, as('USR-TECH'), 'REQ-STAT-1', await linesOf(db), [good(1)]),
    ).toMatchObject({ ok: false, code: 'REQUEST_NOT_PICKABLE' });
  });

  it('a recalled unit stops the whole pick: nothing is issued and the request does not move', async () => {
    const db = await approvedRequest();
    const lines = await linesOf(db);
    const refused = await fulfilRequestAs(db, as('USR-TECH'), 'REQ-STAT-1', lines, [
      good(3),
      { itemId: 'ITM-1', locationId: 'LOC-A1', lotCode: 'BAD', expiry: '2027-01-31', quantity: 3 },
    ]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/recall/i);
    expect(await db.stock_events.find({ selector: { type: 'issue' } }).exec()).toEqual([]);
    expect(await onHand(db, 'GOOD')).toBe(20);
    expect((await db.supply_requests.findOne('REQ-STAT-1').exec())!.get('status')).toBe('approved');
  });

  it('refuses more than the request needs, an item not on it, and a nurse manager picking', async () => {
    const db = await approvedRequest();
    const lines = await linesOf(db);
    expect(
      await fulfilRequestAs(db, as('USR-TECH'), 'REQ-STAT-1', lines, [good(4), good(3)]),
    ).toMatchObject({ ok: false, code: 'PICK_OVER' });
    expect(
      await fulfilRequestAs(db, as('USR-TECH'), 'REQ-STAT-1', lines, [
        { ...good(1), itemId: 'ITM-9' },
      ]),
    ).toMatchObject({ ok: false, code: 'PICK_NOT_ON_REQUEST' });
    const nurse = await fulfilRequestAs(db, as('USR-NURSE'), 'REQ-STAT-1', lines, [good(1)]);
    expect(nurse.ok).toBe(false);
    expect(await db.stock_events.find({ selector: { type: 'issue' } }).exec()).toEqual([]);
  });

  it('a request still waiting for its approval cannot be picked', async () => {
    const db = await openTestStore();
    dbs.push(db);
    await addTestUsers(db, 'FAC-DEMO');
    await db.items.insert({ ...SAMPLE_DOCUMENTS.items, id: 'ITM-1' });
    const raised = await raiseRequestAs(db, as('USR-NURSE'), {
      id: 'REQ-STAT-1',
      kind: 'urgent',
      priority: 'stat',
      locationId: 'DEP-ICU',
      reason: 'Code blue',
      lines: [{ itemId: 'ITM-1', quantity: 2 }],
    });
    expect(raised.ok).toBe(true);
    expect(
      await fulfilRequestAs(db, as('USR-TECH'), 'REQ-STAT-1', await linesOf(db), [good(1)]),
    ).toMatchObject({ ok: false, code: 'REQUEST_NOT_PICKABLE' });
  });
});
