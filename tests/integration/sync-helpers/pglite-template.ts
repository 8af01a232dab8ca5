import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../sync/db/connect';
import { migrateToLatest } from '../../../sync/migrations';

/**
 * A fresh PGlite instance runs initdb inside WASM: 12–15 s on a loaded 2-core machine, against
 * under 1 s to open an existing data directory. Tests therefore open copies of one migrated
 * template directory made once per run (vitest globalSetup) instead of fresh instances.
 */
export const TEMPLATE_ENV = 'STOCKROOM_PGLITE_TEMPLATE';

export async function createPgliteTemplate(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'stockroom-pglite-template-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
  return dir;
}

/** A private copy of the template for one test database; removed again by the returned cleanup. */
export function copyPgliteTemplate(): { dataDir: string; remove(): void } | undefined {
  const template = process.env[TEMPLATE_ENV];
  if (!template) return undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'stockroom-pglite-test-'));
  cpSync(template, dataDir, { recursive: true });
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}
