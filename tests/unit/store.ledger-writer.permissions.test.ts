import { afterEach, describe, expect, it } from 'vitest';
import type { Role, StockEventType } from '../../shared/model';
import type { StockroomDatabase } from '../../renderer/store/collections';
import {
  recordEvents,
  type EventDraft,
  type RecordResult,
  type WriterContext,
} from '../../renderer/store/ledger-writer';
import { openTestStore } from './store-test-db';
import { addTestUsers, proofOf } from './store-test-users';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

const as = (actorId: string, extra: Partial<WriterContext> = {}): WriterContext => ({
  facilityId: 'FAC-DEMO',
  deviceId: 'web-test',
  actorId,
  now: () => new Date('2026-11-23T10:00:00Z'),
  today: '2026-11-23',
  acceptWarnings: true,
  ...extra,
});

const lot = { itemId: 'ITM-1', lotCode: 'L1', locationId: 'LOC-A1' };
const codes = (r: RecordResult) => (r.ok ? [] : r.problems.map((p) => p.code));

/** A store holding 100 of lot L1, 10 of them quarantined by the admin, and a receipt of 1 to reverse. */
async function stocked() {
  const db = await openTestStore();
  dbs.push(db);
  await addTestUsers(db, 'FAC-DEMO');
  const setup = await recordEvents(db, as('USR-ADMIN'), [
    { ...lot, type: 'receive', quantity: 99, expiry: '2027-06-30' },
    { ...lot, type: 'receive', quantity: 1, expiry: '2027-06-30' },
  ]);
  if (!setup.ok) throw new Error(JSON.stringify(setup.problems));
  const held = await recordEvents(db, as('USR-ADMIN'), [
    { ...lot, type: 'quarantine', quantity: 10, reason: 'hold' },
  ]);
  if (!held.ok) throw new Error(JSON.stringify(held.problems));
  return { db, toReverse: setup.events[1]!.id };
}

const onHand = async (db: StockroomDatabase) =>
  (await db.balances.findOne('LOC-A1|ITM-1|L1').exec())?.onHand;

function draftFor(type: StockEventType, toReverse: string): EventDraft {
  switch (type) {
    case 'receive':
      return { ...lot, type, quantity: 5, expiry: '2027-06-30' };
    case 'transfer':
      return { ...lot, type, quantity: 1, toLocationId: 'LOC-B' };
    case 'issue':
    case 'return':
      return { ...lot, type, quantity: 1, toLocationId: 'DEPT-ED' };
    case 'waste':
      return { ...lot, type, quantity: 1, reason: 'damaged' };
    case 'count':
      return { ...lot, type, quantity: 0, countedQuantity: 100, expectedQuantity: 100 };
    case 'adjust':
      return { ...lot, type, quantity: 1, delta: 1, reason: 'found' };
    case 'quarantine':
      return { ...lot, type, quantity: 1, reason: 'hold' };
    case 'release':
      return { ...lot, type, quantity: 1 };
    case 'dispose':
      return { ...lot, type, quantity: 1, disposition: 'destroy' };
    case 'reversal':
      return { ...lot, type, quantity: 0, reverses: toReverse };
  }
}

const USER_OF: Readonly<Record<Role, string>> = {
  tech: 'USR-TECH',
  'nurse-manager': 'USR-NURSE',
  supervisor: 'USR-SUP',
  admin: 'USR-ADMIN',
};
const EVERYONE: Role[] = ['tech', 'nurse-manager', 'supervisor', 'admin'];
const STAFF: Role[] = ['tech', 'supervisor', 'admin'];
const ALLOWED: Readonly<Record<StockEventType, Role[]>> = {
  receive: STAFF,
  transfer: STAFF,
  issue: EVERYONE,
  return: EVERYONE,
  waste: STAFF,
  count: STAFF,
  adjust: STAFF,
  quarantine: STAFF,
  release: ['supervisor', 'admin'],
  dispose: ['supervisor', 'admin'],
  reversal: STAFF,
};

describe('the ledger writer takes each stock act only from the roles the model names', () => {
  const cases = (Object.keys(ALLOWED) as StockEventType[]).flatMap((type) =>
    EVERYONE.map((role) => ({ type, role })),
  );
  it.each(cases)('$role → $type', async ({ type, role }) => {
    const { db, toReverse } = await stocked();
    const result = await recordEvents(db, as(USER_OF[role]), [draftFor(type, toReverse)]);
    expect(codes(result)).toEqual(ALLOWED[type].includes(role) ? [] : ['ROLE_NOT_PERMITTED']);
  });
});

describe('the findings of issue 12, called on the writer directly', () => {
  const count: EventDraft = {
    ...lot,
    type: 'count',
    quantity: 0,
    countedQuantity: 0,
    expectedQuantity: 100,
  };

  it('refuses a count "approved" by an id with no badge and PIN, even a supervisor\'s', async () => {
    const { db } = await stocked();
    for (const approvedBy of ['USR-TECH2', 'USR-SUP', 'USR-GHOST']) {
      const smuggled = { ...count, approvedBy } as EventDraft;
      expect(codes(await recordEvents(db, as('USR-TECH'), [smuggled]))).toEqual([
        'APPROVER_WITHOUT_STEP_UP',
      ]);
    }
    expect(await onHand(db)).toBe(100);
  });

  it('refuses a count confirmed by another tech with their own badge and PIN', async () => {
    const { db } = await stocked();
    const result = await recordEvents(db, as('USR-TECH', { stepUp: proofOf('USR-TECH2') }), [
      count,
    ]);
    expect(codes(result)).toEqual(['SECOND_PERSON_NOT_PERMITTED']);
  });

  it('refuses a count confirmed by the person who counted', async () => {
    const { db } = await stocked();
    const result = await recordEvents(db, as('USR-SUP', { stepUp: proofOf('USR-SUP') }), [count]);
    expect(codes(result)).toEqual(['SECOND_PERSON_SAME']);
  });

  it.each([
    ['an unknown badge', { badge: 'B-NOBODY', pin: 'P-USR-SUP' }, 'STEP_UP_BADGE_UNKNOWN'],
    ['the wrong PIN', { badge: 'B-USR-SUP', pin: 'P-USR-SUP2' }, 'STEP_UP_PIN_WRONG'],
    ['a badge with no PIN', { badge: 'B-USR-SUP', pin: '' }, 'STEP_UP_INCOMPLETE'],
    ['a switched-off supervisor', proofOf('USR-GONE'), 'USER_INACTIVE'],
  ])('refuses a second person with %s', async (_what, stepUp, code) => {
    const { db } = await stocked();
    expect(codes(await recordEvents(db, as('USR-TECH', { stepUp }), [count]))).toEqual([code]);
    expect(await onHand(db)).toBe(100);
  });

  it('takes the count with a supervisor who proved who they are, and records them', async () => {
    const { db } = await stocked();
    const result = await recordEvents(db, as('USR-TECH', { stepUp: proofOf('USR-SUP') }), [count]);
    expect(result.ok && result.events[0]?.approvedBy).toBe('USR-SUP');
    expect(await onHand(db)).toBe(0);
  });

  it('refuses a writer whose actor is no user here', async () => {
    const { db } = await stocked();
    const receive = draftFor('receive', '');
    expect(codes(await recordEvents(db, as('USR-GHOST'), [receive]))).toEqual(['USER_UNKNOWN']);
    expect(codes(await recordEvents(db, as('USR-GONE'), [receive]))).toEqual(['USER_INACTIVE']);
  });

  it('refuses a nurse manager receiving stock', async () => {
    const { db } = await stocked();
    const result = await recordEvents(db, as('USR-NURSE'), [draftFor('receive', '')]);
    expect(codes(result)).toEqual(['ROLE_NOT_PERMITTED']);
    expect(await onHand(db)).toBe(100);
  });

  it('refuses a tech quarantining recalled stock and then destroying it alone', async () => {
    const { db } = await stocked();
    const recalled = { ...lot, quantity: 5, recallNoticeId: 'RCL-1' };
    const quarantine = await recordEvents(db, as('USR-TECH'), [
      { ...recalled, type: 'quarantine', reason: 'recall' },
    ]);
    expect(quarantine.ok).toBe(true);
    const destroy: EventDraft = { ...recalled, type: 'dispose', disposition: 'destroy' };
    expect(codes(await recordEvents(db, as('USR-TECH'), [destroy]))).toEqual([
      'ROLE_NOT_PERMITTED',
    ]);
    expect((await recordEvents(db, as('USR-SUP'), [destroy])).ok).toBe(true);
  });

  it('refuses a supervisor disposing of recalled stock they quarantined themselves', async () => {
    const { db } = await stocked();
    const recalled = { ...lot, quantity: 5, recallNoticeId: 'RCL-1' };
    await recordEvents(db, as('USR-SUP'), [{ ...recalled, type: 'quarantine', reason: 'recall' }]);
    const destroy: EventDraft = { ...recalled, type: 'dispose', disposition: 'destroy' };
    expect(codes(await recordEvents(db, as('USR-SUP'), [destroy]))).toEqual([
      'SEGREGATION_OF_DUTIES',
    ]);
    expect((await recordEvents(db, as('USR-SUP2'), [destroy])).ok).toBe(true);
  });

  it("needs the count's second person for an adjustment beyond the tolerance, and records what the ledger held", async () => {
    const { db } = await stocked();
    const minus90: EventDraft = {
      ...lot,
      type: 'adjust',
      quantity: 90,
      delta: -90,
      reason: 'lost',
    };
    expect(codes(await recordEvents(db, as('USR-TECH'), [minus90]))).toEqual([
      'SECOND_PERSON_REQUIRED',
    ]);
    expect(
      codes(await recordEvents(db, as('USR-TECH', { stepUp: proofOf('USR-TECH2') }), [minus90])),
    ).toEqual(['SECOND_PERSON_NOT_PERMITTED']);
    const taken = await recordEvents(db, as('USR-TECH', { stepUp: proofOf('USR-ADMIN') }), [
      minus90,
    ]);
    expect(taken.ok && taken.events[0]).toMatchObject({
      approvedBy: 'USR-ADMIN',
      expectedQuantity: 100,
      delta: -90,
    });
    expect(await onHand(db)).toBe(10);
  });

  it('takes an adjustment within the tolerance from the tech alone', async () => {
    const { db } = await stocked();
    const plus2: EventDraft = { ...lot, type: 'adjust', quantity: 2, delta: 2, reason: 'found' };
    const taken = await recordEvents(db, as('USR-TECH'), [plus2]);
    expect(taken.ok && taken.events[0]?.approvedBy).toBeUndefined();
    expect(await onHand(db)).toBe(102);
  });
});

describe('a reversal is judged by the effect it cancels', () => {
  /** The 99 received first: reversing it takes 99 of 100 off the shelf. */
  async function bigReceipt() {
    const { db } = await stocked();
    const receipt = await db.stock_events
      .findOne({ selector: { type: 'receive', quantity: 99 } })
      .exec();
    return { db, receiptId: receipt!.id };
  }

  it('needs the second person to reverse a receipt beyond the tolerance, and records what the ledger held', async () => {
    const { db, receiptId } = await bigReceipt();
    const undo: EventDraft = { ...lot, type: 'reversal', quantity: 0, reverses: receiptId };
    expect(codes(await recordEvents(db, as('USR-TECH'), [undo]))).toEqual([
      'SECOND_PERSON_REQUIRED',
    ]);
    expect(
      codes(await recordEvents(db, as('USR-TECH', { stepUp: proofOf('USR-TECH2') }), [undo])),
    ).toEqual(['SECOND_PERSON_NOT_PERMITTED']);
    expect(await onHand(db)).toBe(100);
    const taken = await recordEvents(db, as('USR-TECH', { stepUp: proofOf('USR-SUP') }), [undo]);
    expect(taken.ok && taken.events[0]).toMatchObject({
      approvedBy: 'USR-SUP',
      expectedQuantity: 100,
    });
    expect(await onHand(db)).toBe(1);
  });

  it('takes back a receipt within the tolerance from the tech alone', async () => {
    const { db, toReverse } = await stocked();
    const undo: EventDraft = { ...lot, type: 'reversal', quantity: 0, reverses: toReverse };
    const taken = await recordEvents(db, as('USR-TECH'), [undo]);
    expect(taken.ok && taken.events[0]?.approvedBy).toBeUndefined();
    expect(await onHand(db)).toBe(99);
  });

  it('treats reversing a quarantine as a release: a tech may not, a supervisor may', async () => {
    const { db } = await stocked();
    const hold = await db.stock_events.findOne({ selector: { type: 'quarantine' } }).exec();
    const undo: EventDraft = { ...lot, type: 'reversal', quantity: 0, reverses: hold!.id };
    expect(codes(await recordEvents(db, as('USR-TECH'), [undo]))).toEqual(['ROLE_NOT_PERMITTED']);
    expect((await recordEvents(db, as('USR-SUP'), [undo])).ok).toBe(true);
    const balance = await db.balances.findOne('LOC-A1|ITM-1|L1').exec();
    expect(balance?.quarantined).toBe(0);
  });

  it('judges a reversal of a reversal by what it restores', async () => {
    const { db, receiptId } = await bigReceipt();
    const undo = await recordEvents(db, as('USR-TECH', { stepUp: proofOf('USR-SUP') }), [
      { ...lot, type: 'reversal', quantity: 0, reverses: receiptId },
    ]);
    if (!undo.ok) throw new Error(JSON.stringify(undo.problems));
    const redo: EventDraft = {
      ...lot,
      type: 'reversal',
      quantity: 0,
      reverses: undo.events[0]!.id,
    };
    // Restoring 99 onto a shelf of 1 is far beyond the tolerance.
    expect(codes(await recordEvents(db, as('USR-TECH'), [redo]))).toEqual([
      'SECOND_PERSON_REQUIRED',
    ]);
    expect(
      (await recordEvents(db, as('USR-TECH', { stepUp: proofOf('USR-SUP2') }), [redo])).ok,
    ).toBe(true);
    expect(await onHand(db)).toBe(100);
  });
});
