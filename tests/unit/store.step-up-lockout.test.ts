import { afterEach, describe, expect, it } from 'vitest';
import type { StockroomDatabase } from '../../renderer/store/collections';
import type { WriterContext } from '../../renderer/store/ledger-writer';
import { PIN_ATTEMPTS } from '../../renderer/session/lockout';
import { openTestStore } from './store-test-db';
import { countNeedingStepUp } from './store-test-step-up';
import { addTestUsers, badgeOf, proofOf } from './store-test-users';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()?.close();
});

let clock = new Date('2026-11-23T10:00:00Z');
const as = (actorId: string, extra: Partial<WriterContext> = {}): WriterContext => ({
  facilityId: 'FAC-DEMO',
  deviceId: 'web-test',
  actorId,
  now: () => clock,
  today: '2026-11-23',
  acceptWarnings: true,
  ...extra,
});
describe('a second person guessing PINs at a step-up is locked out like at sign-in', () => {
  it(`locks the supervisor's PIN after ${PIN_ATTEMPTS} wrong ones; the right one is refused until the time runs out`, async () => {
    clock = new Date('2026-11-23T10:00:00Z');
    const db = await openTestStore();
    dbs.push(db);
    await addTestUsers(db, 'FAC-DEMO');
    const codes = await countNeedingStepUp(db, as('USR-ADMIN'), (stepUp) =>
      as('USR-TECH', { stepUp }),
    );
    const wrong = { badge: badgeOf('USR-SUP'), pin: '999999' };
    for (let i = 1; i < PIN_ATTEMPTS; i++)
      expect(await codes(wrong)).toEqual(['STEP_UP_PIN_WRONG']);
    expect(await codes(wrong)).toEqual(['STEP_UP_LOCKED']);
    expect(await codes(proofOf('USR-SUP'))).toEqual(['STEP_UP_LOCKED']);
    // The failures were audited for the centre.
    const audited = await db.sign_in_events.find().exec();
    expect(audited.map((e) => e.toJSON().outcome)).toContain('locked-out');

    clock = new Date('2026-11-23T10:16:00Z');
    expect(await codes(proofOf('USR-SUP'))).toEqual([]);
  });
});
