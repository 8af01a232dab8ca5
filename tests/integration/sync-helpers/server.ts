import type { AdminAuthenticator } from '../../../sync/auth/admin-auth';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runAdmin } from '../../../sync/cli/admin';
import type { SyncContext, SyncApp } from '../../../sync/context';
import { openDatabase, type SyncDatabase } from '../../../sync/db/connect';
import { migrateToLatest } from '../../../sync/migrations';
import { buildServer } from '../../../sync/server';
import type { WebhookSettings } from '../../../sync/webhooks/settings';
import { copyPgliteTemplate } from './pglite-template';

export type Backend = 'pglite' | 'postgres';

export interface TestServer {
  backend: Backend;
  url: string;
  app: SyncApp;
  context: SyncContext;
  database: SyncDatabase;
  /** Runs an admin command as `npm run sync -- …` would; throws on refusal. */
  admin(...argv: string[]): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** One schema per test file and backend, so files run in parallel on one PostgreSQL database. */
export function testSchema(tag: string): string {
  return `t_${tag.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
}

export async function openTestDatabase(backend: Backend, schema: string): Promise<SyncDatabase> {
  if (backend === 'postgres') {
    const database = await openDatabase({ databaseUrl: process.env['DATABASE_URL'], schema });
    await migrateToLatest(database.db);
    return database;
  }
  const copy = copyPgliteTemplate();
  const database = await openDatabase(copy ? { dataDir: copy.dataDir } : {});
  await migrateToLatest(database.db);
  if (!copy) return database;
  return {
    ...database,
    async close() {
      await database.close();
      copy.remove();
    },
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export interface TestServerOptions {
  bodyLimit?: number;
  adminAuth?: AdminAuthenticator;
  drainMs?: number;
  webhooks?: WebhookSettings;
}

export async function startServerOn(
  backend: Backend,
  database: SyncDatabase,
  options: TestServerOptions = {},
): Promise<Omit<TestServer, 'close'> & { stop(): Promise<void> }> {
  const { app, context } = await buildServer({ database, drainMs: 300, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    backend,
    url: `http://127.0.0.1:${port}`,
    app,
    context,
    database,
    async admin(...argv) {
      const result = await runAdmin(database.db, argv);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.output as Record<string, unknown>;
    },
    stop: () => app.close(),
  };
}

export async function startTestServer(
  backend: Backend,
  tag: string,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const schema = testSchema(tag);
  const database = await openTestDatabase(backend, schema);
  const server = await startServerOn(backend, database, options);
  return {
    ...server,
    async close() {
      await server.stop();
      await database.close();
      if (backend === 'postgres') await dropSchema(schema);
    },
  };
}
