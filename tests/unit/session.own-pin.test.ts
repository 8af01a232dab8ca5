import { afterEach, describe, expect, it } from 'vitest';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { PIN_ATTEMPTS } from '../../renderer/session/lockout';
import { confirmOwnPin } from '../../renderer/session/own-pin';
import { openTestStore } from './store-test-db';
import { addTestUsers, pinOf } from './store-test-users';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()?.close();
});

const place = { facilityId: 'FAC-DEMO', deviceId: 'web-test' };

async function supervisorStore() {
  const db = await openTestStore();
  dbs.push(db);
  await addTestUsers(db, 'FAC-DEMO');
  const doc = await db.users.findOne('USR-SUP').exec();
  if (!doc) throw new Error('no supervisor');
  return { db, me: doc.toMutableJSON() };
}

describe("the signed-in person's own PIN, asked again before disposing of or closing a recall", () => {
  it('confirms with the right PIN, and asks for it when the field is empty without counting a try', async () => {
    const { db, me } = await supervisorStore();
    const now = new Date('2026-12-06T03:00:00Z');
    expect(await confirmOwnPin(db, me, pinOf('USR-SUP'), place, now)).toBeUndefined();
    expect(await confirmOwnPin(db, me, '  ', place, now)).toMatchObject({ code: 'pin-missing' });
    expect(await db.sign_in_events.find().exec()).toHaveLength(0);
  });

  it(`says how many tries are left, locks after ${PIN_ATTEMPTS} wrong ones like sign-in, and refuses the right PIN until the lock runs out`, async () => {
    const { db, me } = await supervisorStore();
    const now = new Date('2026-12-06T03:00:00Z');
    for (let i = 1; i < PIN_ATTEMPTS; i++) {
      const left = PIN_ATTEMPTS - i;
      expect(await confirmOwnPin(db, me, '0000', place, now)).toEqual({
        code: 'pin-wrong',
        message: `That PIN is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before this PIN is locked.`,
      });
    }
    expect(await confirmOwnPin(db, me, '0000', place, now)).toMatchObject({ code: 'locked-out' });
    expect(await confirmOwnPin(db, me, pinOf('USR-SUP'), place, now)).toMatchObject({
      code: 'locked-out',
      message: expect.stringMatching(/locked on this PC until/),
    });
    // Audited for the centre as step-up failures, then the lock.
    const audited = (await db.sign_in_events.find().exec()).map((e) => e.toJSON());
    expect(audited.filter((e) => e.outcome === 'pin-wrong')).toHaveLength(PIN_ATTEMPTS);
    expect(audited.every((e) => e.method === 'step-up' && e.userId === 'USR-SUP')).toBe(true);
    expect(audited.map((e) => e.outcome)).toContain('locked-out');

    const later = new Date('2026-12-06T03:16:00Z');
    expect(await confirmOwnPin(db, me, pinOf('USR-SUP'), place, later)).toBeUndefined();
  });

  it('a right PIN starts the count of wrong ones again', async () => {
    const { db, me } = await supervisorStore();
    const now = new Date('2026-12-06T03:00:00Z');
    for (let i = 1; i < PIN_ATTEMPTS; i++) await confirmOwnPin(db, me, '0000', place, now);
    expect(await confirmOwnPin(db, me, pinOf('USR-SUP'), place, now)).toBeUndefined();
    expect(await confirmOwnPin(db, me, '0000', place, now)).toMatchObject({
      code: 'pin-wrong',
      message: expect.stringContaining(`${PIN_ATTEMPTS - 1} tries left`),
    });
  });
});
