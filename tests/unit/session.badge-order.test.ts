import { afterEach, describe, expect, it } from 'vitest';
import {
  inBadgeOrder,
  RECENT_KEPT,
  recentSignIns,
  rememberSignIn,
} from '../../renderer/session/badge-order';
import { hashSecret, newSalt } from '../../renderer/session/credentials';
import { attemptBadgeSignIn, attemptPinSignIn } from '../../renderer/session/sign-in-attempt';
import type { StockroomDatabase } from '../../renderer/store/collections';
import type { User } from '../../shared/model';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { openTestStore } from './store-test-db';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});
const place = { facilityId: 'FAC-1', deviceId: 'DEV-1' };
const now = new Date('2026-12-06T03:00:00Z');

async function person(id: string, facilityIds: string[], badge: string, pin: string) {
  const salt = newSalt();
  return {
    ...SAMPLE_DOCUMENTS.users,
    id,
    name: id,
    role: 'tech',
    facilityIds,
    salt,
    badgeHash: await hashSecret(badge, salt),
    pinHash: await hashSecret(pin, salt),
    active: true,
  } satisfies User;
}

const ids = (users: readonly User[]) => users.map((u) => u.id);

describe('the order a badge scan tries people in', () => {
  it('tries those who signed in here lately first, then this facility, then the rest', async () => {
    const db = await openTestStore();
    dbs.push(db);
    const users = [
      await person('USR-AWAY', ['FAC-2'], 'SRB-1', '101010'),
      await person('USR-BEA', ['FAC-1'], 'SRB-2', '202020'),
      await person('USR-CAL', ['FAC-1', 'FAC-2'], 'SRB-3', '303030'),
    ];
    expect(ids(inBadgeOrder(users, await recentSignIns(db), 'FAC-1'))).toEqual([
      'USR-BEA',
      'USR-CAL',
      'USR-AWAY',
    ]);

    const cal = await attemptBadgeSignIn(db, users, 'SRB-3', place, now);
    expect(cal).toMatchObject({ ok: true, user: { id: 'USR-CAL' } });
    expect(await recentSignIns(db)).toEqual(['USR-CAL']);
    expect(ids(inBadgeOrder(users, await recentSignIns(db), 'FAC-1'))).toEqual([
      'USR-CAL',
      'USR-BEA',
      'USR-AWAY',
    ]);

    const bea = await attemptPinSignIn(db, users[1]!, '202020', place, now);
    expect(bea.ok).toBe(true);
    expect(await recentSignIns(db)).toEqual(['USR-BEA', 'USR-CAL']);

    // Refusals are not remembered, and an unknown badge is still checked against everyone.
    expect(await attemptBadgeSignIn(db, users, 'SRB-9', place, now)).toMatchObject({
      ok: false,
      error: { code: 'badge-unknown' },
    });
    expect(await attemptBadgeSignIn(db, users, 'SRB-1', place, now)).toMatchObject({
      ok: false,
      error: { code: 'not-at-facility' },
    });
    expect(await attemptPinSignIn(db, users[2]!, '000000', place, now)).toMatchObject({
      ok: false,
      error: { code: 'pin-wrong' },
    });
    expect(await recentSignIns(db)).toEqual(['USR-BEA', 'USR-CAL']);
    // Every attempt is audited: two sign-ins, the unknown badge, another facility's person and
    // the wrong PIN.
    expect((await db.sign_in_events.find().exec()).map((e) => e.outcome).sort()).toEqual([
      'badge-unknown',
      'not-at-facility',
      'pin-wrong',
      'signed-in',
      'signed-in',
    ]);
  }, 60_000);

  it('keeps the most recent people only, each once, and shrugs off a damaged record', async () => {
    const db = await openTestStore();
    dbs.push(db);
    for (let n = 0; n < RECENT_KEPT + 10; n++)
      await rememberSignIn(db, `USR-${n % (RECENT_KEPT + 5)}`);
    const recent = await recentSignIns(db);
    expect(recent).toHaveLength(RECENT_KEPT);
    expect(new Set(recent).size).toBe(RECENT_KEPT);
    expect(recent[0]).toBe(`USR-${(RECENT_KEPT + 9) % (RECENT_KEPT + 5)}`);

    await db.upsertLocal('recent-sign-ins', { userIds: 'not a list' });
    expect(await recentSignIns(db)).toEqual([]);
    await rememberSignIn(db, 'USR-1');
    expect(await recentSignIns(db)).toEqual(['USR-1']);
  });
});
