import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addConsoleUser } from '../../sync/console/console-users';
import { readConfig } from '../../sync/config';
import { openDatabase } from '../../sync/db/connect';
import { migrateToLatest } from '../../sync/migrations';
import { serveEndpoint } from '../../sync/serve/serve-endpoint';
import { CONSOLE_PEOPLE } from './console-people';

/**
 * The real endpoint for the console's browser tests, as `npm run sync` runs it (the built console
 * at /console/), with the console's three people added first. Started and stopped (SIGTERM) by
 * Playwright's webServer on PGlite in a fresh folder; or, with CONSOLE_E2E_DATABASE_URL, by a
 * spec on PostgreSQL (CONSOLE_E2E_DATA_DIR then names the folder the processes share), where a
 * second process beside the first sets CONSOLE_E2E_PEOPLE=0.
 */
// Webhooks to the test's own loopback receiver, given up after one attempt: a dead letter in seconds.
process.env['WEBHOOK_ALLOW_HTTP_LOOPBACK'] = '1';
process.env['WEBHOOK_MAX_ATTEMPTS'] = '1';
process.env['WEBHOOK_POLL_MS'] = '200';
const databaseUrl = process.env['CONSOLE_E2E_DATABASE_URL'] ?? '';
// Endpoint processes sharing one PostgreSQL share one folder too: the webhook secrets' key is in it.
const sharedDir = process.env['CONSOLE_E2E_DATA_DIR'] ?? '';
const dataDir = sharedDir || mkdtempSync(join(tmpdir(), 'stockroom-console-e2e-'));
try {
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  try {
    await migrateToLatest(database.db);
    if (process.env['CONSOLE_E2E_PEOPLE'] !== '0') {
      for (const [role, person] of Object.entries(CONSOLE_PEOPLE)) {
        await addConsoleUser(database.db, { ...person, role });
      }
    }
  } finally {
    await database.close();
  }
  const config = readConfig({
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: process.env['CONSOLE_E2E_PORT'] ?? '4174',
    LOG_LEVEL: 'warn',
  });
  process.exitCode = await serveEndpoint(config);
} finally {
  if (!sharedDir) rmSync(dataDir, { recursive: true, force: true });
}
