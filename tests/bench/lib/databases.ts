import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  copyPgliteTemplate,
  createPgliteTemplate,
  TEMPLATE_ENV,
} from '../../integration/sync-helpers/pglite-template';

/**
 * Databases for the endpoint figures. A fresh PGlite runs initdb in WASM (12–15 s here), so the
 * run migrates one template directory (or reuses the test suite's) and hands out copies.
 */

let template: Promise<string> | undefined;

export async function pgliteDataDir(): Promise<{ dataDir: string; remove(): void }> {
  if (!process.env[TEMPLATE_ENV]) {
    template ??= createPgliteTemplate();
    process.env[TEMPLATE_ENV] = await template;
  }
  const copy = copyPgliteTemplate();
  if (!copy) throw new Error('no PGlite template directory');
  return copy;
}

export const POSTGRES_URL =
  process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';

/** The server's version when one answers at POSTGRES_URL, else undefined. */
export async function postgresVersion(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('show server_version');
    return result.rows[0]?.server_version;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function benchSchema(tag: string): string {
  return `bench_${tag}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
