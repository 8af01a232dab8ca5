import { afterEach, describe, expect, it } from 'vitest';
import type { ApprovalPolicy } from '../../shared/model';
import { keepApprovalPolicy } from '../../renderer/store/approval-policy-local';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { moveRequestAs, raiseRequestAs } from '../../renderer/store/request-writer';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { openTestStore } from './store-test-db';
import { addTestUsers } from './store-test-users';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

let minute = 0;
const as = (actorId: string) => ({
  facilityId: 'FAC-DEMO',
  actorId,
  now: () => new Date(Date.parse('2026-11-23T10:00:00Z') + (minute += 1) * 60_000),
});

const POLICY: ApprovalPolicy = {
  facilityId: 'FAC-DEMO',
  version: 3,
  valueAbove: 100,
  quantityAbove: 1000,
  nonStockNeedsApproval: false,
  controlledItemIds: [],
  secondLevelValueAbove: 500,
  createdAt: '2026-11-20T08:00:00Z',
  createdBy: 'console:alice',
};

/** A store with the test people, one item at 10.00 a unit, and the facility's policy version 3. */
async function store() {
  const db = await openTestStore();
  dbs.push(db);
  await addTestUsers(db, 'FAC-DEMO');
  await db.items.insert({ ...SAMPLE_DOCUMENTS.items, id: 'ITM-1', unitCost: 10 });
  expect(await keepApprovalPolicy(db, POLICY)).toBe(true);
  return db;
}

async function raise(db: StockroomDatabase, by: string, quantity: number) {
  const raised = await raiseRequestAs(db, as(by), {
    id: `REQ-${(minute += 1)}`,
    kind: 'urgent',
    priority: 'stat',
    locationId: 'DEP-ICU',
    reason: 'Theatre list moved up',
    lines: [{ itemId: 'ITM-1', quantity }],
  });
  if (!raised.ok) throw new Error(raised.message);
  return raised.request.id;
}

describe('the supply-request writer takes each step through the one request machine', () => {
  it('walks a two-level approval, a partial shipment and a partial receipt', async () => {
    const db = await store();
    const id = await raise(db, 'USR-NURSE', 60); // 600.00: above both thresholds of version 3
    const ack = await moveRequestAs(db, as('USR-SUP'), id, 'acknowledged');
    expect(ack.ok && ack.request.history.at(-1)).toMatchObject({ policyVersion: 3, levels: 2 });

    const first = await moveRequestAs(db, as('USR-SUP'), id, 'approved');
    expect(first.ok && first.request.status).toBe('acknowledged'); // one level of two
    expect(await moveRequestAs(db, as('USR-TECH'), id, 'picking')).toMatchObject({
      ok: false,
      code: 'APPROVAL_PENDING',
    });
    // The second level is an admin's, and never the first level's approver.
    expect(await moveRequestAs(db, as('USR-SUP2'), id, 'approved')).toMatchObject({
      ok: false,
      code: 'ROLE_NOT_PERMITTED',
    });
    const second = await moveRequestAs(db, as('USR-ADMIN'), id, 'approved');
    expect(second.ok && second.request.status).toBe('approved');
    expect(second.ok && second.request.history.filter((e) => e.status === 'approved')).toEqual([
      expect.objectContaining({ by: 'USR-SUP', level: 1, policyVersion: 3 }),
      expect.objectContaining({ by: 'USR-ADMIN', level: 2, policyVersion: 3 }),
    ]);

    expect((await moveRequestAs(db, as('USR-TECH'), id, 'picking')).ok).toBe(true);
    const part = { lines: [{ itemId: 'ITM-1', quantity: 40 }] };
    expect((await moveRequestAs(db, as('USR-TECH'), id, 'shipped', part)).ok).toBe(true);
    expect(
      await moveRequestAs(db, as('USR-TECH'), id, 'received', {
        lines: [{ itemId: 'ITM-1', quantity: 41 }],
      }),
    ).toMatchObject({ ok: false, code: 'QUANTITY_BEYOND_OUTSTANDING' });
    const partReceipt = await moveRequestAs(db, as('USR-TECH'), id, 'received', part);
    expect(partReceipt.ok && partReceipt.request.status).toBe('shipped');
    expect((await moveRequestAs(db, as('USR-TECH'), id, 'shipped')).ok).toBe(true); // the other 20
    const last = await moveRequestAs(db, as('USR-SUP'), id, 'received');
    expect(last.ok && last.request.status).toBe('received');
    const stored = await db.supply_requests.findOne(id).exec();
    expect(stored?.status).toBe('received');
  });

  it('refuses the requester approving their own request, and a nurse manager approving', async () => {
    const db = await store();
    const id = await raise(db, 'USR-SUP', 20); // 200.00: one level
    expect((await moveRequestAs(db, as('USR-SUP'), id, 'acknowledged')).ok).toBe(true);
    expect(await moveRequestAs(db, as('USR-SUP'), id, 'approved')).toMatchObject({
      ok: false,
      code: 'SEGREGATION_OF_DUTIES',
    });
    expect(await moveRequestAs(db, as('USR-NURSE'), id, 'approved')).toMatchObject({
      ok: false,
      code: 'ROLE_NOT_PERMITTED',
    });
    const approved = await moveRequestAs(db, as('USR-SUP2'), id, 'approved');
    expect(approved.ok && approved.request.status).toBe('approved');
  });

  it('needs no approval below the thresholds, and a reason to cancel', async () => {
    const db = await store();
    const id = await raise(db, 'USR-NURSE', 5); // 50.00
    const ack = await moveRequestAs(db, as('USR-SUP'), id, 'acknowledged');
    expect(ack.ok && ack.request.history.at(-1)).toMatchObject({ policyVersion: 3, levels: 0 });
    expect(await moveRequestAs(db, as('USR-NURSE'), id, 'cancelled')).toMatchObject({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    expect((await moveRequestAs(db, as('USR-TECH'), id, 'picking')).ok).toBe(true);
    const cancelled = await moveRequestAs(db, as('USR-NURSE'), id, 'cancelled', 'Patient moved');
    expect(cancelled.ok && cancelled.request.history.at(-1)?.note).toBe('Patient moved');
  });

  it('keeps the later policy: an older version fetched late does not replace it', async () => {
    const db = await store();
    expect(await keepApprovalPolicy(db, { ...POLICY, version: 2, valueAbove: 0 })).toBe(false);
    const id = await raise(db, 'USR-NURSE', 5);
    const ack = await moveRequestAs(db, as('USR-SUP'), id, 'acknowledged');
    expect(ack.ok && ack.request.history.at(-1)).toMatchObject({ policyVersion: 3, levels: 0 });
  });
});
