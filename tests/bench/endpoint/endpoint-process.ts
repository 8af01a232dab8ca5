import { pgliteSharedBuffersMb } from '../../../sync/config';
import { runAdmin } from '../../../sync/cli/admin';
import { openDatabase, type SyncDatabase } from '../../../sync/db/connect';
import { migrateToLatest } from '../../../sync/migrations';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../../../sync/http/rate-limits';
import { buildServer } from '../../../sync/server';
import { startWebhookWorker } from '../../../sync/webhooks/worker';
import { writeCentreDocuments } from '../../../sync/store/centre-write';
import { benchStaff } from '../inputs/bench-staff';
import { BARE_COLLECTION, insertBatches } from './bare-insert';
import { OPTIONS_ENV, type EndpointOptions, type FromEndpoint, type ToEndpoint } from './protocol';

/**
 * The sync endpoint as `npm run sync` starts it (info-level request logging, webhook worker), in a
 * process of its own so the figure can read this process's resident memory. It also runs the bare
 * multi-row INSERT on its own connection pool, so both sides of the comparison share one runtime.
 */

const send = (message: FromEndpoint) => process.send?.(message);

/**
 * Every bench client calls from 127.0.0.1, where in a hospital each PC has an address of its own:
 * the per-address limits (60 enrolments a minute) would refuse the 200th or the 2,000th PC. The
 * per-credential limit is a PC's own and stays as shipped.
 */
const BENCH_RATE_LIMITS: RateLimits = {
  ...DEFAULT_RATE_LIMITS,
  perAddress: 1_000_000,
  enrolPerAddress: 1_000_000,
};

async function admin(database: SyncDatabase, ...argv: string[]): Promise<Record<string, unknown>> {
  const result = await runAdmin(database.db, argv);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.output as Record<string, unknown>;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.env[OPTIONS_ENV] ?? '{}') as EndpointOptions;
  const database = await openDatabase(
    options.backend === 'postgres'
      ? { databaseUrl: options.databaseUrl, schema: options.schema }
      : { dataDir: options.dataDir, pgliteSharedBuffersMb: pgliteSharedBuffersMb(process.env) },
  );
  await migrateToLatest(database.db);
  if (!options.joins) {
    await admin(
      database,
      'facility',
      'add',
      '--id',
      options.facilityId,
      '--name',
      'Bench facility',
    );
  }
  const enrollmentCodes = async (facilityId: string, count: number) => {
    const codes: string[] = [];
    for (let i = 0; i < count; i++) {
      const { code } = await admin(database, 'enroll', '--facility', facilityId);
      codes.push(String(code));
    }
    return codes;
  };
  // The centre takes events only from its users: each facility's own people, as the ledger names them.
  const staff = (facilityId: string) =>
    writeCentreDocuments(database, 'users', benchStaff(facilityId), 'bench:erp');
  if (!options.joins) await staff(options.facilityId);
  const codes = await enrollmentCodes(options.facilityId, options.enrollmentCodes);
  const { app, context } = await buildServer({
    database,
    logger: { level: 'info' },
    rateLimits: BENCH_RATE_LIMITS,
  });
  const worker = startWebhookWorker(database.db, app.log, context.webhooks);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const failed = (error: unknown) => send({ type: 'failed', message: String(error) });
  process.on('message', (message: ToEndpoint) => {
    if (message.type === 'bare-insert') {
      const rows = message.batches.flat().length;
      insertBatches(
        database,
        'stock_events',
        message.batches,
        message.clients,
        BARE_COLLECTION,
      ).then((ms) => send({ type: 'bare-inserted', rows, ms }), failed);
    } else if (message.type === 'seed') {
      const rows = message.batches.flat().length;
      insertBatches(database, message.collection, message.batches, 1).then(
        () => send({ type: 'seeded', rows }),
        failed,
      );
    } else if (message.type === 'enroll-codes') {
      const { facilityId } = message;
      runAdmin(database.db, ['facility', 'add', '--id', facilityId, '--name', facilityId])
        .then(() => staff(facilityId))
        .then(() => enrollmentCodes(facilityId, message.count))
        .then((list) => send({ type: 'codes', codes: list }), failed);
    } else if (message.type === 'stop') {
      void (async () => {
        await worker.stop();
        await app.close();
        await database.close();
        process.exit(0);
      })();
    }
  });
  send({ type: 'ready', url: `http://127.0.0.1:${port}`, codes });
}

main().catch((error: unknown) => {
  send({
    type: 'failed',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exit(1);
});
