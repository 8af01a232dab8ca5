import { mkdirSync, readFileSync } from 'node:fs';
import { adminTokenAuthenticator } from '../auth/admin-auth';
import { newSecret } from '../auth/secrets';
import type { SyncConfig } from '../config';
import { BUILT_CONSOLE_DIR } from '../console/console-static';
import { openDatabase } from '../db/connect';
import { acquireDataFolderLock, type DataFolderLock } from '../db/data-folder-lock';
import { migrateToLatest } from '../migrations';
import { buildServer } from '../server';
import { webhookSettingsFromEnv } from '../webhooks/settings';
import { startWebhookWorker } from '../webhooks/worker';
import { startEscalationTimer } from '../escalation/escalation-timer';
import { startCentreBalancesTimer } from '../store/centre-balances-timer';
import { boundedShutdown } from './bounded-shutdown';

function localUrl(config: SyncConfig, port: number): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const shown = host.includes(':') ? `[${host}]` : host;
  return `${config.tlsCert ? 'https' : 'http'}://${shown}:${port}`;
}

/** `npm run sync`: owns the data, serves until SIGTERM/SIGINT, then shuts down within the bound. */
export async function serveEndpoint(config: SyncConfig): Promise<number> {
  let lock: DataFolderLock | undefined;
  if (!config.databaseUrl) {
    mkdirSync(config.dataDir, { recursive: true });
    lock = acquireDataFolderLock(config.dataDir, 'endpoint', new Date());
  }
  try {
    // Before the database opens, so a bad key setting fails the start at once.
    const webhooks = webhookSettingsFromEnv(process.env, config.dataDir);
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      pgliteSharedBuffersMb: config.pgliteSharedBuffersMb,
    });
    const applied = await migrateToLatest(database.db);
    // A fresh credential per start, readable only through the 0600 lock file.
    const folderToken = lock ? newSecret('adm') : undefined;
    const tokens = [folderToken, config.adminToken].filter((t): t is string => Boolean(t));
    const { app } = await buildServer({
      database,
      bodyLimit: config.bodyLimit,
      drainMs: config.drainMs,
      logger: { level: config.logLevel },
      adminAuth: adminTokenAuthenticator(tokens),
      trustProxy: config.trustProxy,
      consoleDir: BUILT_CONSOLE_DIR,
      deviceTokens: config.deviceTokens,
      rateLimits: config.rateLimits,
      webhooks,
      tls:
        config.tlsCert && config.tlsKey
          ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) }
          : undefined,
    });
    app.log.info({ migrations: applied, storage: database.kind }, 'database ready');
    if (config.databaseUrl && webhooks.keySource === 'key file') {
      app.log.warn(
        'webhook secrets are sealed with DATA_DIR/webhook-secrets.key: set WEBHOOK_SECRETS_KEY, the same on every endpoint process sharing this database',
      );
    }
    const worker = startWebhookWorker(database.db, app.log, webhooks);
    const escalations = startEscalationTimer(database.db, app.log);
    const balances = startCentreBalancesTimer(database.db, app.log);
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    lock?.update({
      url: localUrl(config, port),
      adminToken: folderToken,
      ...(config.tlsCert ? { tlsCertFile: config.tlsCert } : {}),
    });

    const signal = await new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    app.log.info({ signal, drainMs: config.drainMs }, 'draining');
    await escalations.stop();
    await balances.stop();
    const clean = await boundedShutdown({
      app,
      database,
      worker,
      drainMs: config.drainMs,
      log: app.log,
    });
    app.log.info({ clean }, 'closed');
    return 0;
  } finally {
    lock?.release();
  }
}
