import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The keys that seal webhook secrets at rest (AES-256-GCM). `current` seals; every key opens, so
 * the key can be changed (the endpoint re-seals under the new one when it starts).
 */
export interface SecretKeyring {
  current: { id: string; key: Buffer };
  keys: ReadonlyMap<string, Buffer>;
}

/** A short public name for a key, so a sealed secret says which key opens it. */
function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

export function keyringOf(keys: readonly Buffer[]): SecretKeyring {
  const [first] = keys;
  if (!first) throw new Error('a keyring needs at least one key');
  for (const key of keys) {
    if (key.length !== 32) throw new Error('each webhook secrets key must be 32 bytes');
  }
  return {
    current: { id: keyId(first), key: first },
    keys: new Map(keys.map((k) => [keyId(k), k])),
  };
}

/** A key that lives as long as the process: for tests and servers built without settings. */
export function ephemeralKeyring(): SecretKeyring {
  return keyringOf([randomBytes(32)]);
}

/** A receiver's signing secret, in the Standard Webhooks form: whsec_ + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface Sealed {
  sealed: string;
  keyId: string;
}

/**
 * `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url). `context` (the endpoint's id) is bound in as
 * associated data, so a sealed secret copied onto another endpoint's row does not open there.
 */
export function sealSecret(keyring: SecretKeyring, secret: string, context: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'));
  return { sealed: ['v1', keyring.current.id, ...parts].join('.'), keyId: keyring.current.id };
}

export class SecretUnreadable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretUnreadable';
  }
}

export function sealedKeyId(sealed: string): string | null {
  const [version, id] = sealed.split('.');
  return version === 'v1' && id ? id : null;
}

export function openSecret(keyring: SecretKeyring, sealed: string, context: string): string {
  const [version, id, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !id || !iv || body === undefined || !tag) {
    throw new SecretUnreadable('not a sealed webhook secret');
  }
  const key = keyring.keys.get(id);
  if (!key) throw new SecretUnreadable(`sealed under key ${id}, which this endpoint does not hold`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SecretUnreadable('the sealed secret does not open with its key');
  }
}
