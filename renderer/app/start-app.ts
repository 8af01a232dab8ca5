import { removeRxDatabase } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { choosePlatform } from '../platform/choose-platform';
import { startAppSync } from '../replication/app-sync';
import { readEnrollment, saveEnrollment } from '../replication/enrollment';
import { DEMO_FACILITY } from '../seed/demo-catalogue';
import { demoModeOn } from '../seed/demo-mode';
import { seedDemoFacility, seedDemoHistory } from '../seed/seed-demo';
import { keptQuery } from '../store/kept-query';
import { ledgerDigestOf } from '../store/ledger-digest-keeper';
import { foldWhenIdle } from './dashboard-folds';
import { catchUpBalances } from '../store/ledger-writer';
import { runMigrations, type MigrationProgress } from '../store/migration-runner';
import { openStore, type AnyStorage } from '../store/open-store';
import { storeOnce } from '../store/store-instance';
import { stockroomStorage } from '../store/stockroom-storage';
import { localToday, type AppServices } from './services';

export type StartPhase =
  { phase: 'opening' } | { phase: 'migrating'; progress: MigrationProgress } | { phase: 'seeding' };

async function validator(): Promise<((s: AnyStorage) => AnyStorage) | undefined> {
  // z-schema checks every write in development; production builds leave it out (size, and no
  // validator that needs eval may ever run under the strict CSP).
  if (!import.meta.env.DEV) return undefined;
  const { wrappedValidateZSchemaStorage } = await import('rxdb/plugins/validate-z-schema');
  return (storage) => wrappedValidateZSchemaStorage({ storage });
}

async function start(report: (phase: StartPhase) => void): Promise<AppServices> {
  report({ phase: 'opening' });
  const platform = choosePlatform(window.stockroom, window.localStorage);
  const enrollment = readEnrollment(window.localStorage);
  const [password, installationId] = await Promise.all([
    platform.databaseKey(),
    platform.deviceId(),
  ]);
  // Enrolled, the PC writes the id the centre gave it into its events, so the centre's device
  // list and its gap detector speak of the same device.
  const deviceId = enrollment?.deviceId ?? installationId;
  if (enrollment?.fresh) {
    // Just enrolled: start from the facility's data at the centre, not from the demo stockroom.
    const storage = wrappedKeyEncryptionCryptoJsStorage({ storage: stockroomStorage() });
    await removeRxDatabase('stockroom', storage, true, password);
    saveEnrollment(window.localStorage, { ...enrollment, fresh: false });
  }
  const validate = await validator();
  const db = await storeOnce(() =>
    openStore({
      name: 'stockroom',
      storage: stockroomStorage(),
      password,
      ...(validate ? { validate } : {}),
    }),
  );
  const migrated = await runMigrations(db, (progress) => report({ phase: 'migrating', progress }));
  if (!migrated.ok) throw new Error(migrated.error.message);
  await catchUpBalances(db, deviceId);
  const demo = demoModeOn({
    enrolled: enrollment !== undefined && enrollment !== null,
    platformKind: platform.kind,
    demoFlag: import.meta.env['VITE_STOCKROOM_DEMO'] as string | undefined,
  });
  if (demo) {
    report({ phase: 'seeding' });
    await seedDemoFacility(db, { deviceId, now: new Date(), today: localToday() });
    // Before the sign-in screen, while the start-up screen says it is seeding: written behind a
    // live screen, it stalled the page long enough to split a badge scan.
    await seedDemoHistory(db, localToday()).catch((error: unknown) =>
      console.warn('The demo history was not written; it is tried again at the next start.', error),
    );
  }
  const facilityId = enrollment?.facilityId ?? DEMO_FACILITY;
  // Never awaited: the stockroom works the same with or without the centre.
  const sync = startAppSync({
    db,
    token: () => platform.deviceToken(),
    renewToken: (token) => platform.setDeviceToken(token),
    endpoint: enrollment?.endpoint ?? '',
    deviceId,
    facilityId,
  });
  // What the dashboard reads, read in the background now rather than on the first visit to it,
  // then kept as it changes: the digest of the recent ledger and the recall history.
  // Its first folds for the dashboard are made in an idle moment once it is read, not on the visit.
  foldWhenIdle(ledgerDigestOf(db, localToday()), () => localToday());
  keptQuery(db.recall_cases);
  keptQuery(db.recall_notices);
  return { db, platform, deviceId, facilityId, sync };
}

let starting: Promise<AppServices> | undefined;

/** Start-up runs once per window, however often React mounts the boot screen. */
export function startApp(report: (phase: StartPhase) => void): Promise<AppServices> {
  starting ??= start(report);
  return starting;
}
