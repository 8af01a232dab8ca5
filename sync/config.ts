import { DEFAULT_DEVICE_TOKEN_POLICY, type DeviceTokenPolicy } from './auth/device-token-policy';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limits';
import { DEFAULT_BODY_LIMIT } from './server';

export interface SyncConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  bodyLimit: number;
  logLevel: string;
  /** Longest a SIGTERM waits for requests in flight before closing every socket. */
  drainMs: number;
  /** PEM files; both or neither. */
  tlsCert: string | undefined;
  tlsKey: string | undefined;
  trustProxy: boolean | string | number;
  /** An admin credential of the operator's choosing (needed with PostgreSQL, where no lock file holds one). */
  adminToken: string | undefined;
  deviceTokens: DeviceTokenPolicy;
  rateLimits: RateLimits;
  /** PGlite's buffer pool, MiB; unused with PostgreSQL. */
  pgliteSharedBuffersMb: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export const DEFAULT_DRAIN_MS = 10_000;
/** PGlite's buffer pool: see pgliteSharedBuffersMb. */
export const DEFAULT_PGLITE_SHARED_BUFFERS_MB = 32;
const MIN_PGLITE_SHARED_BUFFERS_MB = 8;

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

/** "true"/"false", a hop count, or addresses/subnets as Fastify's trustProxy takes them. */
function trustProxy(raw: string | undefined): boolean | string | number {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

/**
 * PGLITE_SHARED_BUFFERS_MB. The embedded database's buffer pool sits in this process's WASM heap,
 * which never shrinks; PostgreSQL's default of 128 MiB made most of an idle endpoint's memory,
 * while PGlite's data files are read through the operating system's page cache anyway (measured in
 * the README's Performance section).
 */
export function pgliteSharedBuffersMb(env: NodeJS.ProcessEnv): number {
  const value = positiveInteger(
    'PGLITE_SHARED_BUFFERS_MB',
    env['PGLITE_SHARED_BUFFERS_MB'],
    DEFAULT_PGLITE_SHARED_BUFFERS_MB,
  );
  if (value < MIN_PGLITE_SHARED_BUFFERS_MB) {
    throw new Error(
      `PGLITE_SHARED_BUFFERS_MB must be at least ${MIN_PGLITE_SHARED_BUFFERS_MB}, not ${value}`,
    );
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv): SyncConfig {
  const tlsCert = env['TLS_CERT'] || undefined;
  const tlsKey = env['TLS_KEY'] || undefined;
  if (Boolean(tlsCert) !== Boolean(tlsKey)) {
    throw new Error('TLS_CERT and TLS_KEY go together: set both files, or neither');
  }
  const adminToken = env['ADMIN_TOKEN'] || undefined;
  if (adminToken !== undefined && adminToken.length < 24) {
    throw new Error('ADMIN_TOKEN must be at least 24 characters (use a random secret)');
  }
  return {
    host: env['HOST'] || '127.0.0.1',
    port: positiveInteger('PORT', env['PORT'], 8787),
    dataDir: env['DATA_DIR'] || './data/sync',
    databaseUrl: env['DATABASE_URL'] || undefined,
    bodyLimit: positiveInteger('BODY_LIMIT', env['BODY_LIMIT'], DEFAULT_BODY_LIMIT),
    logLevel: env['LOG_LEVEL'] || 'info',
    drainMs: positiveInteger('DRAIN_MS', env['DRAIN_MS'], DEFAULT_DRAIN_MS),
    tlsCert,
    tlsKey,
    trustProxy: trustProxy(env['TRUST_PROXY']),
    adminToken,
    deviceTokens: {
      ttlMs:
        positiveInteger(
          'DEVICE_TOKEN_TTL_DAYS',
          env['DEVICE_TOKEN_TTL_DAYS'],
          DEFAULT_DEVICE_TOKEN_POLICY.ttlMs / DAY_MS,
        ) * DAY_MS,
      overlapMs:
        positiveInteger(
          'DEVICE_TOKEN_OVERLAP_HOURS',
          env['DEVICE_TOKEN_OVERLAP_HOURS'],
          DEFAULT_DEVICE_TOKEN_POLICY.overlapMs / HOUR_MS,
        ) * HOUR_MS,
    },
    pgliteSharedBuffersMb: pgliteSharedBuffersMb(env),
    rateLimits: {
      perAddress: positiveInteger(
        'RATE_LIMIT_PER_ADDRESS',
        env['RATE_LIMIT_PER_ADDRESS'],
        DEFAULT_RATE_LIMITS.perAddress,
      ),
      perCredential: positiveInteger(
        'RATE_LIMIT_PER_CREDENTIAL',
        env['RATE_LIMIT_PER_CREDENTIAL'],
        DEFAULT_RATE_LIMITS.perCredential,
      ),
      enrolPerAddress: positiveInteger(
        'RATE_LIMIT_ENROL_PER_ADDRESS',
        env['RATE_LIMIT_ENROL_PER_ADDRESS'],
        DEFAULT_RATE_LIMITS.enrolPerAddress,
      ),
    },
  };
}
