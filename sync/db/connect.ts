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
    : openPglite(options.dataDir, schema, channel);
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
): Promise<SyncDatabase> {
  const pglite = new PGlite(dataDir);
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
