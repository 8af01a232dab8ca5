import { DEFAULT_BODY_LIMIT } from './server';

export interface SyncConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  bodyLimit: number;
  logLevel: string;
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv): SyncConfig {
  return {
    host: env['HOST'] || '127.0.0.1',
    port: positiveInteger('PORT', env['PORT'], 8787),
    dataDir: env['DATA_DIR'] || './data/sync',
    databaseUrl: env['DATABASE_URL'] || undefined,
    bodyLimit: positiveInteger('BODY_LIMIT', env['BODY_LIMIT'], DEFAULT_BODY_LIMIT),
    logLevel: env['LOG_LEVEL'] || 'info',
  };
}
