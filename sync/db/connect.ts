import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pglitePool } from './pglite-pool';
import type { Database } from './schema';

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite folder; undefined keeps PGlite in memory (tests). */
  dataDir?: string | undefined;
  /** PostgreSQL schema to work in (created if missing); lets test files share one database. */
  schema?: string | undefined;
  /** PGlite's shared_buffers in MiB (PGLITE_SHARED_BUFFERS_MB); PostgreSQL's own 128 when unset. */
  pgliteSharedBuffersMb?: number | undefined;
}

export type ChangeListener = (payload: string) => void;

export interface SyncDatabase {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** Channel NOTIFY payloads go to; one per schema so neighbours sharing a database stay apart. */
  channel: string;
  listen(listener: ChangeListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// int8 (sequences, counts) as numbers: seq stays far below 2^53 for the life of a hospital.
pg.types.setTypeParser(20, (value) => Number(value));

export async function openDatabase(options: DatabaseOptions): Promise<SyncDatabase> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema))
    throw new Error(`Schema name "${schema}" is not a plain identifier`);
  const channel = `sync_changes_${schema}`;
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, schema, channel)
    : openPglite(options.dataDir, schema, channel, options.pgliteSharedBuffersMb);
}

async function openPostgres(url: string, schema: string, channel: string): Promise<SyncDatabase> {
  const config = { connectionString: url, options: `-c search_path=${schema}` };
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  try {
    // Identifier checked against SCHEMA_NAME above; DDL cannot take it as a parameter.
    await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await setup.end();
  }
  const pool = new pg.Pool({ ...config, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    channel,
    async listen(listener) {
      const client = new pg.Client(config);
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) listener(message.payload ?? '');
      });
      await client.query(`LISTEN "${channel}"`);
      return async () => {
        await client.end();
      };
    },
    close: () => db.destroy(),
  };
}

async function openPglite(
  dataDir: string | undefined,
  schema: string,
  channel: string,
  sharedBuffersMb: number | undefined,
): Promise<SyncDatabase> {
  // The buffer pool lives in the WASM heap of this process, which never gives memory back: it is
  // most of what an idle PGlite endpoint holds (README, Performance: memory).
  // One options object: PGlite reads a second argument only beside a data folder, so an in-memory
  // database (tests) would silently run with the default pool.
  const pglite = new PGlite({
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(sharedBuffersMb === undefined
      ? {}
      : {
          startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffersMb}MB`],
        }),
  });
  await pglite.waitReady;
  if (schema !== 'public') {
    await pglite.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"; SET search_path TO "${schema}"`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
  return {
    db,
    kind: 'pglite',
    channel,
    async listen(listener) {
      return pglite.listen(channel, listener);
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}
