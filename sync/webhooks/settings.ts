import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemResolve, type DestinationPolicy } from './destination';
import { ephemeralKeyring, keyringOf, type SecretKeyring } from './secret-box';

/** What the webhook routes and worker need beyond the database. */
export interface WebhookSettings {
  keyring: SecretKeyring;
  destinations: DestinationPolicy;
  /** Extra certificate authorities trusted for https receivers. */
  ca?: Buffer[] | undefined;
}

/** Strict destinations and a key that lives as long as the process. */
export function defaultWebhookSettings(): WebhookSettings {
  return {
    keyring: ephemeralKeyring(),
    destinations: { allowLoopback: false, resolve: systemResolve },
  };
}

export const KEY_FILE = 'webhook-secrets.key';

function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new Error(
      `${where} must hold 32 bytes in base64 or hex (e.g. \`openssl rand -base64 32\`)`,
    );
  }
  return key;
}

/**
 * WEBHOOK_SECRETS_KEY (comma-separated: the first seals, all open, so the key can be changed); or,
 * when unset, `DATA_DIR/webhook-secrets.key`, made on first start with mode 0600. Several endpoint
 * processes on one PostgreSQL database must share one key: set WEBHOOK_SECRETS_KEY on each.
 */
export function loadKeyring(
  env: NodeJS.ProcessEnv,
  dataDir: string,
): {
  keyring: SecretKeyring;
  source: 'environment' | 'key file';
} {
  const configured = env['WEBHOOK_SECRETS_KEY'];
  if (configured) {
    const keys = configured.split(',').map((k) => decodeKey(k, 'WEBHOOK_SECRETS_KEY'));
    return { keyring: keyringOf(keys), source: 'environment' };
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, KEY_FILE);
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
  return { keyring: keyringOf([decodeKey(readFileSync(file, 'utf8'), file)]), source: 'key file' };
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new Error(`${name} must be 1 or 0, not "${raw}"`);
}

export function webhookSettingsFromEnv(
  env: NodeJS.ProcessEnv,
  dataDir: string,
): WebhookSettings & { keySource: 'environment' | 'key file' } {
  const { keyring, source } = loadKeyring(env, dataDir);
  return {
    keyring,
    keySource: source,
    destinations: {
      allowLoopback: flag(env, 'WEBHOOK_ALLOW_HTTP_LOOPBACK'),
      resolve: systemResolve,
    },
  };
}
