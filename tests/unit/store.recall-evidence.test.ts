import { afterEach, describe, expect, it } from 'vitest';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { recordEvents, type WriterContext } from '../../renderer/store/ledger-writer';
import { advanceRecallCaseAs, openRecallCaseAs } from '../../renderer/store/recall-case-writer';
import { moveToQuarantineDrafts } from '../../shared/recall/quarantine-evidence';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
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
  now: () => new Date(Date.parse('2026-11-23T10:00:00Z') + (minute += 1) * 60_000),
  today: '2026-11-23',
  acceptWarnings: true,
});

const item = SAMPLE_DOCUMENTS.items;
const shelf = { itemId: item.id, lotCode: 'ABC123', locationId: 'LOC-A1' };

/** 12 units of the recalled lot on a shelf, a quarantine cage, and a case at "located". */
async function located() {
  const db = await openTestStore();
  dbs.push(db);
  await addTestUsers(db, 'FAC-DEMO');
  await db.items.insert(item);
  await db.recall_notices.insert(SAMPLE_DOCUMENTS.recall_notices);
  await db.locations.bulkInsert([
    { ...SAMPLE_DOCUMENTS.locations, facilityId: 'FAC-DEMO' },
    {
      id: 'LOC-QC',
      facilityId: 'FAC-DEMO',
      name: 'Quarantine cage',
      kind: 'quarantine',
      active: true,
    },
  ]);
  const received = await recordEvents(db, as('USR-ADMIN'), [
    { ...shelf, type: 'receive', quantity: 12, expiry: '2027-06-30' },
  ]);
  if (!received.ok) throw new Error(JSON.stringify(received.problems));
  expect((await openRecallCaseAs(db, as('USR-TECH'), { id: 'RCS-1', noticeId: 'RCL-1' })).ok).toBe(
    true,
  );
  for (const step of ['matched', 'located'] as const) {
    const done = await advanceRecallCaseAs(db, as('USR-TECH'), 'RCS-1', { step, units: 12 }, []);
    expect(done.ok ? '' : done.message).toBe('');
  }
  return db;
}

const moveToCage = (db: StockroomDatabase, units: number) =>
  recordEvents(db, as('USR-TECH'), moveToQuarantineDrafts(shelf, units, 'LOC-QC', 'RCL-1'));

describe('a recall case claims quarantine only on evidence', () => {
  it('refuses "quarantined" while units sit on a shelf, even flagged there', async () => {
    const db = await located();
    await recordEvents(db, as('USR-TECH'), [
      { ...shelf, type: 'quarantine', quantity: 12, reason: 'recall', recallNoticeId: 'RCL-1' },
    ]);
    const claimed = await advanceRecallCaseAs(
      db,
      as('USR-TECH'),
      'RCS-1',
      { step: 'quarantined', units: 12 },
      [],
    );
    expect(claimed).toMatchObject({ ok: false, code: 'UNITS_STILL_OUTSIDE' });
  });

  it('counts units moved into the cage (in one write: transfer, then quarantine there)', async () => {
    const db = await located();
    const moved = await moveToCage(db, 7);
    expect(moved.ok ? [] : moved.problems).toEqual([]);
    const cage = await db.balances.findOne(`LOC-QC|${item.id}|ABC123`).exec();
    expect(cage?.toMutableJSON()).toMatchObject({ onHand: 7, quarantined: 7 });
    expect(
      await advanceRecallCaseAs(
        db,
        as('USR-TECH'),
        'RCS-1',
        { step: 'quarantined', units: 12 },
        [],
      ),
    ).toMatchObject({ ok: false, code: 'UNITS_STILL_OUTSIDE' });
    await moveToCage(db, 5);
    // A screen's figure is not taken: the case records what the cage holds.
    const done = await advanceRecallCaseAs(
      db,
      as('USR-TECH'),
      'RCS-1',
      { step: 'quarantined', units: 99 },
      [],
    );
    expect(done.ok && done.value.quarantinedUnits).toBe(12);
  });

  it('needs the number counted, equal to what the cage holds; units returned into the cage count', async () => {
    const db = await located();
    await moveToCage(db, 12);
    await advanceRecallCaseAs(db, as('USR-TECH'), 'RCS-1', { step: 'quarantined' }, []);
    expect(
      await advanceRecallCaseAs(db, as('USR-TECH'), 'RCS-1', { step: 'counted' }, []),
    ).toMatchObject({ ok: false, code: 'COUNT_REQUIRED' });
    // Two units come back from a ward straight into the cage.
    await recordEvents(db, as('USR-TECH'), [
      {
        itemId: item.id,
        lotCode: 'ABC123',
        locationId: 'LOC-QC',
        toLocationId: 'DEP-ICU',
        type: 'return',
        quantity: 2,
      },
    ]);
    expect(
      await advanceRecallCaseAs(db, as('USR-TECH'), 'RCS-1', { step: 'counted', units: 12 }, []),
    ).toMatchObject({ ok: false, code: 'COUNT_DIFFERS' });
    const counted = await advanceRecallCaseAs(
      db,
      as('USR-TECH'),
      'RCS-1',
      { step: 'counted', units: 14 },
      [],
    );
    expect(counted.ok ? '' : counted.message).toBe('');
  });
});
