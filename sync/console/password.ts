import { randomBytes } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';
import { ARGON2ID_PARAMS } from '../../shared/model/verifier';

/**
 * Console passwords are kept as Argon2id in the PHC string form (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`),
 * at the cost the stockroom PCs use for PINs (shared/model/verifier.ts): hash-wasm's WebAssembly
 * build, already used for PIN verifiers, so no native module is needed. The string names its
 * parameters, so the cost can rise later without breaking stored passwords.
 */
export async function hashPassword(password: string): Promise<string> {
  return argon2id({
    password,
    salt: randomBytes(16),
    parallelism: ARGON2ID_PARAMS.p,
    iterations: ARGON2ID_PARAMS.t,
    memorySize: ARGON2ID_PARAMS.m,
    hashLength: 32,
    outputType: 'encoded',
  });
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash: stored });
  } catch {
    return false; // a stored value that is not a PHC string matches nothing
  }
}

/**
 * An unknown username still costs one Argon2id check, so the time of a refusal does not tell an
 * attacker which usernames exist.
 */
let decoy: Promise<string> | undefined;
export async function spendDecoyCheck(password: string): Promise<void> {
  decoy ??= hashPassword(randomBytes(18).toString('base64url'));
  await passwordMatches(password, await decoy);
}

/** A first password made by the admin command: 20 characters from 15 random bytes, shown once. */
export function newInitialPassword(): string {
  return randomBytes(15).toString('base64url');
}
