import { mkdirSync, readFileSync } from 'node:fs';
import { planAdmin, runAdmin, type AdminResult } from './cli/admin';
import { runAdminRemote } from './cli/admin-remote';
import { readConfig, type SyncConfig } from './config';
import { openDatabase } from './db/connect';
import {
  acquireDataFolderLock,
  FolderHeldError,
  liveHolder,
  type LockContents,
} from './db/data-folder-lock';
import { migrateToLatest } from './migrations';
import { serveEndpoint } from './serve/serve-endpoint';

function print(result: AdminResult): number {
  if (result.ok) process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
  else process.stderr.write(`${JSON.stringify(result.error, null, 2)}\n`);
  return result.ok ? 0 : 1;
}

/** The folder's live holder; an endpoint still starting is given a while to publish its address. */
async function settledHolder(dataDir: string): Promise<LockContents | null> {
  const until = Date.now() + 30_000;
  for (;;) {
    const holder = liveHolder(dataDir);
    if (holder?.role !== 'endpoint' || holder.url || Date.now() > until) return holder;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * An admin command goes through the admin API of the endpoint that owns the data (found in the
 * PGlite folder's lock file, or named by ADMIN_URL + ADMIN_TOKEN), and opens the database itself
 * only when no endpoint runs: a second process on a PGlite folder wedges the first.
 */
async function runCommand(config: SyncConfig, argv: string[]): Promise<number> {
  const planned = planAdmin(argv);
  if (!planned.ok) return print(planned);
  const adminUrl = process.env['ADMIN_URL'];
  if (adminUrl && config.adminToken) {
    return print(await runAdminRemote({ url: adminUrl, token: config.adminToken }, planned.call));
  }
  let release = () => {};
  if (!config.databaseUrl) {
    mkdirSync(config.dataDir, { recursive: true });
    const holder = await settledHolder(config.dataDir);
    if (holder?.role === 'endpoint' && holder.url && holder.adminToken) {
      const ca = holder.tlsCertFile ? readFileSync(holder.tlsCertFile) : undefined;
      return print(
        await runAdminRemote({ url: holder.url, token: holder.adminToken, ca }, planned.call),
      );
    }
    const lock = acquireDataFolderLock(config.dataDir, 'command', new Date());
    release = () => lock.release();
  }
  try {
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      pgliteSharedBuffersMb: config.pgliteSharedBuffersMb,
    });
    try {
      await migrateToLatest(database.db);
      return print(await runAdmin(database.db, argv));
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

async function main(argv: string[]): Promise<number> {
  const config = readConfig(process.env);
  try {
    return argv.length > 0 ? await runCommand(config, argv) : await serveEndpoint(config);
  } catch (error) {
    if (!(error instanceof FolderHeldError)) throw error;
    // One line, and the folder was never opened.
    process.stderr.write(`${error.message}\n`);
    return 3;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${JSON.stringify({ code: 'STARTUP_FAILED', message: String(error) })}\n`);
    process.exit(1);
  },
);
