import { mkdirSync } from 'node:fs';
import { runAdmin } from './cli/admin';
import { readConfig } from './config';
import { openDatabase } from './db/connect';
import { migrateToLatest } from './migrations';
import { buildServer } from './server';
import { startWebhookWorker } from './webhooks/worker';

/** `npm run sync` starts the endpoint; `npm run sync -- <command>` runs one admin command. */
async function main(argv: string[]): Promise<number> {
  const config = readConfig(process.env);
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrateToLatest(database.db);

  if (argv.length > 0) {
    try {
      const result = await runAdmin(database.db, argv);
      if (result.ok) process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
      else process.stderr.write(`${JSON.stringify(result.error, null, 2)}\n`);
      return result.ok ? 0 : 1;
    } finally {
      await database.close();
    }
  }

  const { app } = await buildServer({
    database,
    bodyLimit: config.bodyLimit,
    logger: { level: config.logLevel },
  });
  app.log.info({ migrations: applied, storage: database.kind }, 'database ready');
  const worker = startWebhookWorker(database.db, app.log);
  await app.listen({ host: config.host, port: config.port });

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      app.log.info({ signal }, 'draining');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await worker.stop();
  await app.close();
  await database.close();
  app.log.info('closed');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${JSON.stringify({ code: 'STARTUP_FAILED', message: String(error) })}\n`);
    process.exit(1);
  },
);
