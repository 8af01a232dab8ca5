/**
 * Badge codes and PINs are stored only as salted PBKDF2-SHA-256 hashes (WebCrypto, so the same
 * code runs in the browser, the desktop shell and Node tests). The stored form names its
 * parameters, `pbkdf2-sha256$<iterations>$<base64>`, so the count can rise later.
 */
export const PBKDF2_ITERATIONS = 100_000;

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

async function derive(secret: string, salt: string, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashSecret(
  secret: string,
  salt: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<string> {
  return `pbkdf2-sha256$${iterations}$${toBase64(await derive(secret, salt, iterations))}`;
}

export async function verifySecret(secret: string, salt: string, stored: string): Promise<boolean> {
  const [scheme, rounds, expected] = stored.split('$');
  const iterations = Number(rounds);
  if (scheme !== 'pbkdf2-sha256' || !expected || !Number.isInteger(iterations) || iterations < 1) {
    return false;
  }
  const actual = toBase64(await derive(secret, salt, iterations));
  // Compare every character so the time taken does not say how much matched.
  let difference = actual.length ^ expected.length;
  for (let i = 0; i < Math.max(actual.length, expected.length); i += 1) {
    difference |= (actual.charCodeAt(i) || 0) ^ (expected.charCodeAt(i) || 0);
  }
  return difference === 0;
}
