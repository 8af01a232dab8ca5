import { afterEach, describe, expect, it } from 'vitest';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { recordEvents, type WriterContext } from '../../renderer/store/ledger-writer';
import { advanceRecallCaseAs, openRecallCaseAs } from '../../renderer/store/recall-case-writer';
import { moveRequestAs, raiseRequestAs } from '../../renderer/store/request-writer';
import { openTestStore } from './store-test-db';
import { addTestUsers } from './store-test-users';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

let minute = 0;
const as = (actorId: string): WriterContext => ({
  facilityId: 'FAC-DEMO',
  deviceId: 'web-test',
  actorId,
  // Each step a minute after the last: the workflow refuses steps that go back in time.
  now: () => new Date(Date.parse('2026-11-23T10:00:00Z') + (minute += 1) * 60_000),
  today: '2026-11-23',
  acceptWarnings: true,
});

async function store() {
  const db = await openTestStore();
  dbs.push(db);
  await addTestUsers(db, 'FAC-DEMO');
  return db;
}

const lot = { itemId: 'ITM-1', lotCode: 'L1', locationId: 'LOC-A1', recallNoticeId: 'RCL-1' };
const quarantine = [{ ...lot, type: 'quarantine' as const, quantity: 5, reason: 'recall' }];
const dispose = [
  { ...lot, type: 'dispose' as const, quantity: 5, disposition: 'destroy' as const },
];

/** A case for RCL-1 at "counted", its stock quarantined by `quarantiner`. */
async function caseQuarantinedBy(db: StockroomDatabase, quarantiner: string) {
  await recordEvents(db, as('USR-ADMIN'), [
    { ...lot, type: 'receive', quantity: 5, expiry: '2027-06-30' },
  ]);
  expect((await openRecallCaseAs(db, as('USR-TECH'), { id: 'RCS-1', noticeId: 'RCL-1' })).ok).toBe(
    true,
  );
  for (const [who, step, units, drafts] of [
    ['USR-TECH', 'matched', 5, []],
    ['USR-TECH', 'located', undefined, []],
    [quarantiner, 'quarantined', 5, quarantine],
    [quarantiner, 'counted', 5, []],
    ['USR-TECH', 'acknowledged', undefined, []],
  ] as const) {
    const done = await advanceRecallCaseAs(
      db,
      as(who),
      'RCS-1',
      { step, ...(units !== undefined ? { units } : {}) },
      drafts,
    );
    expect(done.ok ? '' : done.message).toBe('');
  }
}

describe('the recall-case writer', () => {
  it('refuses a nurse manager opening a case and a user nobody knows', async () => {
    const db = await store();
    const args = { id: 'RCS-1', noticeId: 'RCL-1' };
    expect(await openRecallCaseAs(db, as('USR-NURSE'), args)).toMatchObject({
      ok: false,
      code: 'NOT_PERMITTED',
    });
    expect(await openRecallCaseAs(db, as('USR-GHOST'), args)).toMatchObject({
      ok: false,
      code: 'USER_UNKNOWN',
    });
  });

  it('refuses a case pushed on to closed with no earlier step', async () => {
    const db = await store();
    await openRecallCaseAs(db, as('USR-TECH'), { id: 'RCS-1', noticeId: 'RCL-1' });
    expect(
      await advanceRecallCaseAs(db, as('USR-SUP'), 'RCS-1', { step: 'closed' }, []),
    ).toMatchObject({
      ok: false,
      code: 'STEP_OUT_OF_ORDER',
    });
  });

  it('refuses a tech who quarantined destroying the stock alone; a supervisor disposes', async () => {
    const db = await store();
    await caseQuarantinedBy(db, 'USR-TECH');
    const step = { step: 'disposed' as const, units: 5, disposition: 'destroy' as const };
    expect(await advanceRecallCaseAs(db, as('USR-TECH'), 'RCS-1', step, dispose)).toMatchObject({
      ok: false,
      code: 'NOT_PERMITTED',
    });
    expect((await db.recall_cases.findOne('RCS-1').exec())?.step).toBe('acknowledged');
    expect((await advanceRecallCaseAs(db, as('USR-SUP'), 'RCS-1', step, dispose)).ok).toBe(true);
  });

  it('refuses the supervisor who quarantined disposing and closing; another one may', async () => {
    const db = await store();
    await caseQuarantinedBy(db, 'USR-SUP');
    const step = { step: 'disposed' as const, units: 5, disposition: 'destroy' as const };
    expect(await advanceRecallCaseAs(db, as('USR-SUP'), 'RCS-1', step, dispose)).toMatchObject({
      ok: false,
      code: 'SAME_PERSON',
    });
    expect((await advanceRecallCaseAs(db, as('USR-SUP2'), 'RCS-1', step, dispose)).ok).toBe(true);
    expect(
      await advanceRecallCaseAs(db, as('USR-SUP'), 'RCS-1', { step: 'closed' }, []),
    ).toMatchObject({
      ok: false,
      code: 'SAME_PERSON',
    });
    expect(
      (await advanceRecallCaseAs(db, as('USR-ADMIN'), 'RCS-1', { step: 'closed' }, [])).ok,
    ).toBe(true);
  });
});

describe('the supply-request writer', () => {
  const fields = (kind: 'urgent' | 'replenishment') => ({
    id: `REQ-${kind}-${(minute += 1)}`,
    kind,
    priority: 'urgent' as const,
    locationId: 'DEP-ICU',
    reason: 'Theatre list moved up',
    lines: [{ itemId: 'ITM-1', quantity: 2 }],
  });

  it('takes an urgent request from a nurse manager and refuses it from a tech', async () => {
    const db = await store();
    expect((await raiseRequestAs(db, as('USR-NURSE'), fields('urgent'))).ok).toBe(true);
    expect(await raiseRequestAs(db, as('USR-TECH'), fields('urgent'))).toMatchObject({
      ok: false,
      code: 'ROLE_NOT_PERMITTED',
    });
    expect(await raiseRequestAs(db, as('USR-GHOST'), fields('replenishment'))).toMatchObject({
      ok: false,
      code: 'USER_UNKNOWN',
    });
  });

  it('refuses a stockroom ordering, and a receipt before anything was shipped', async () => {
    const db = await store();
    const raised = await raiseRequestAs(db, as('USR-TECH'), fields('replenishment'));
    if (!raised.ok) throw new Error(raised.message);
    const id = raised.request.id;
    expect(await moveRequestAs(db, as('USR-ADMIN'), id, 'ordered')).toMatchObject({
      ok: false,
      code: 'CENTRE_ONLY',
    });
    // The ward's nurse manager and the stockroom may confirm a receipt (request.receive), but the
    // state machine still says a submitted request is not shipped.
    for (const who of ['USR-NURSE', 'USR-TECH']) {
      expect(await moveRequestAs(db, as(who), id, 'received')).toMatchObject({
        ok: false,
        code: 'INVALID_TRANSITION',
      });
    }
    expect((await moveRequestAs(db, as('USR-NURSE'), id, 'cancelled', 'Found some')).ok).toBe(true);
  });
});
