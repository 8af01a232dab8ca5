import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A secret shown once: a readable prefix says what it is, 32 random bytes make it unguessable. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as SHA-256: high-entropy tokens need no slow hash, and lookup is exact. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}
