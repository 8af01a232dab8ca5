import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { attemptBadgeSignIn, attemptPinSignIn } from '../../renderer/session/sign-in-attempt';
import type { StockroomDatabase } from '../../renderer/store/collections';
import type { WriterContext } from '../../renderer/store/ledger-writer';
import { runMigrations } from '../../renderer/store/migration-runner';
import { MIGRATION_STRATEGIES } from '../../renderer/store/migrations';
import { COLLECTIONS, type SignInEvent, type User } from '../../shared/model';
import { toRxJsonSchema } from '../../shared/model/rx-schema';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { openTestStore } from './store-test-db';
import { countNeedingStepUp } from './store-test-step-up';
import { addTestUsers, badgeOf, pinOf, proofOf } from './store-test-users';

const dbs: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

const now = new Date('2026-12-06T03:00:00Z');
const place = { facilityId: 'FAC-DEMO', deviceId: 'web-test' };

async function storeWithPeople() {
  const db = await openTestStore();
  dbs.push(db);
  await addTestUsers(db, 'FAC-DEMO');
  // Someone of another stockroom, with a badge and PIN of the same pattern.
  const visitor = (await db.users.findOne('USR-TECH2').exec())!.toMutableJSON();
  await db.users.upsert({ ...visitor, facilityIds: ['FAC-OTHER'] });
  const users = (await db.users.find().exec()).map((u) => u.toMutableJSON() as User);
  return { db, users };
}

async function audited(db: StockroomDatabase) {
  const rows = await db.sign_in_events.find().exec();
  return rows
    .map((r) => {
      const { userId, method, outcome } = r.toJSON();
      return { userId, method, outcome };
    })
    .sort((a, b) => `${a.method}${a.userId}`.localeCompare(`${b.method}${b.userId}`));
}

describe('a right badge or PIN on an account that may not sign in here is audited', () => {
  it('names the person for a switched-off account and for another stockroom, by badge and by PIN', async () => {
    const { db, users } = await storeWithPeople();
    const gone = users.find((u) => u.id === 'USR-GONE')!;
    const visitor = users.find((u) => u.id === 'USR-TECH2')!;

    expect(await attemptBadgeSignIn(db, users, badgeOf('USR-GONE'), place, now)).toMatchObject({
      ok: false,
      error: {
        code: 'user-inactive',
        message: "Person USR-GONE's account is switched off. Ask a supervisor.",
      },
    });
    expect(await attemptBadgeSignIn(db, users, badgeOf('USR-TECH2'), place, now)).toMatchObject({
      ok: false,
      error: { code: 'not-at-facility' },
    });
    expect(await attemptPinSignIn(db, gone, pinOf('USR-GONE'), place, now)).toMatchObject({
      ok: false,
      error: { code: 'user-inactive' },
    });
    expect(await attemptPinSignIn(db, visitor, pinOf('USR-TECH2'), place, now)).toMatchObject({
      ok: false,
      error: { code: 'not-at-facility' },
    });

    expect(await audited(db)).toEqual([
      { userId: 'USR-GONE', method: 'badge', outcome: 'user-inactive' },
      { userId: 'USR-TECH2', method: 'badge', outcome: 'not-at-facility' },
      { userId: 'USR-GONE', method: 'pin', outcome: 'user-inactive' },
      { userId: 'USR-TECH2', method: 'pin', outcome: 'not-at-facility' },
    ]);
  });

  it('at a step-up too: a refused second person, and a badge nobody has, reach the audit', async () => {
    const { db } = await storeWithPeople();
    const context = (stepUp: { badge: string; pin: string }): WriterContext => ({
      facilityId: 'FAC-DEMO',
      deviceId: 'web-test',
      actorId: 'USR-TECH',
      stepUp,
      now: () => now,
      today: '2026-12-06',
      acceptWarnings: true,
    });
    const codes = await countNeedingStepUp(
      db,
      { ...context(proofOf('USR-SUP')), actorId: 'USR-SUP' },
      context,
    );
    expect(await codes(proofOf('USR-GONE'))).toEqual(['USER_INACTIVE']);
    expect(await codes(proofOf('USR-TECH2'))).toEqual(['USER_NOT_AT_FACILITY']);
    expect(await codes({ badge: 'B-NOBODY', pin: '123456' })).toEqual(['STEP_UP_BADGE_UNKNOWN']);

    expect(await audited(db)).toEqual([
      { userId: undefined, method: 'step-up', outcome: 'badge-unknown' },
      { userId: 'USR-GONE', method: 'step-up', outcome: 'user-inactive' },
      { userId: 'USR-TECH2', method: 'step-up', outcome: 'not-at-facility' },
    ]);
  });
});

describe('sign-in attempts version 1 (two more outcomes)', () => {
  it('migrates version-0 attempts unchanged, and then stores the new outcomes', async () => {
    const current = toRxJsonSchema(
      COLLECTIONS.sign_in_events,
    ) as unknown as RxJsonSchema<SignInEvent>;
    expect(current.version).toBe(1);
    const v0 = { ...current, version: 0 };
    const storage = wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() });
    const name = `signins${process.pid}`;
    const open = async (schema: RxJsonSchema<SignInEvent>): Promise<RxDatabase> => {
      const db = await createRxDatabase({ name, storage, multiInstance: false });
      dbs.push(db);
      await db.addCollections({
        sign_in_events: {
          schema,
          migrationStrategies:
            schema.version === 0 ? {} : (MIGRATION_STRATEGIES.sign_in_events ?? {}),
          autoMigrate: false,
        },
      });
      return db;
    };
    const old = await open(v0);
    const attempt = SAMPLE_DOCUMENTS.sign_in_events;
    await old.collections['sign_in_events']!.insert(attempt);
    await old.close();
    dbs.pop();

    const db = await open(current);
    expect(await runMigrations(db, () => undefined)).toEqual({
      ok: true,
      migrated: ['sign_in_events'],
    });
    const attempts = db.collections['sign_in_events']!;
    expect((await attempts.findOne(attempt.id).exec())?.toJSON()).toEqual(attempt);
    await attempts.insert({ ...attempt, id: 'SGN-T1', outcome: 'not-at-facility' });
    await expect(
      attempts.insert({ ...attempt, id: 'SGN-T2', outcome: 'made-up' }),
    ).rejects.toThrow();
  });
});
