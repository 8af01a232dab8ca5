import { argon2id } from 'hash-wasm';
import {
  ARGON2ID_MAX,
  ARGON2ID_PARAMS,
  parseVerifier,
  type Argon2idParams,
} from '../../shared/model/verifier';

/**
 * Badge codes and PINs are stored only as Argon2id verifiers (hash-wasm's WebAssembly build, so the
 * same code runs in the browser, the desktop shell and Node tests: WebCrypto has no memory-hard
 * function). Measured on this project's machine, hash-wasm's Argon2id was faster in Chromium than
 * @noble/hashes' scrypt at a comparable memory cost, so it is the one we use. The stored form names
 * its parameters, `argon2id$v=19,m=<KiB>,t=<passes>,p=<lanes>$<base64>`, so the cost can rise later;
 * the salt is the user's `salt` field.
 *
 * Old `pbkdf2-sha256$…` verifiers are refused on purpose: they were made from 4-digit PINs, were
 * replicated in plain form and sent in webhooks, so every one of them must be treated as known.
 * A person whose verifier is old gets a new PIN from the centre.
 */
export { ARGON2ID_PARAMS };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function newSalt(): string {
  const salt = new Uint8Array(16);
  crypto.getRandomValues(salt);
  return toBase64(salt);
}

async function derive(secret: string, salt: string, params: Argon2idParams): Promise<Uint8Array> {
  return argon2id({
    password: secret,
    salt: fromBase64(salt),
    parallelism: params.p,
    iterations: params.t,
    memorySize: params.m,
    hashLength: 32,
    outputType: 'binary',
  });
}

export async function hashSecret(
  secret: string,
  salt: string,
  params: Argon2idParams = ARGON2ID_PARAMS,
): Promise<string> {
  const digest = toBase64(await derive(secret, salt, params));
  return `argon2id$v=19,m=${params.m},t=${params.t},p=${params.p}$${digest}`;
}

/**
 * False for a wrong secret and for any verifier this PC will not check: an old scheme, or a cost
 * above `ARGON2ID_MAX` (a document that asks for gigabytes must not freeze the stockroom's PC).
 */
export async function verifySecret(secret: string, salt: string, stored: string): Promise<boolean> {
  const verifier = parseVerifier(stored);
  if (!verifier) return false;
  const { params, digest: expected } = verifier;
  if (params.m > ARGON2ID_MAX.m || params.t > ARGON2ID_MAX.t || params.p > ARGON2ID_MAX.p) {
    return false;
  }
  let actual: string;
  try {
    actual = toBase64(await derive(secret, salt, params));
  } catch {
    return false; // a salt that is not base64, or parameters hash-wasm refuses
  }
  // Compare every character so the time taken does not say how much matched.
  let difference = actual.length ^ expected.length;
  for (let i = 0; i < Math.max(actual.length, expected.length); i += 1) {
    difference |= (actual.charCodeAt(i) || 0) ^ (expected.charCodeAt(i) || 0);
  }
  return difference === 0;
}
