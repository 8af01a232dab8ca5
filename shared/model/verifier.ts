import type { FieldError } from './validate';

/**
 * How badge codes and PINs are kept: Argon2id verifiers, `argon2id$v=19,m=<KiB>,t=<passes>,p=<lanes>$<base64>`,
 * salted with the user's `salt` (base64 of the salt bytes). Declared here so that the PC that
 * checks them and the centre that accepts them from the ERP agree on one rule.
 */
export interface Argon2idParams {
  /** memory in KiB */
  m: number;
  /** passes */
  t: number;
  /** lanes */
  p: number;
}

/** What new verifiers use: 19 MiB, 2 passes, 1 lane (OWASP's minimum for Argon2id). */
export const ARGON2ID_PARAMS: Argon2idParams = { m: 19_456, t: 2, p: 1 };
/** The least the centre accepts from the ERP: the cost above. */
export const ARGON2ID_MIN: Argon2idParams = ARGON2ID_PARAMS;
/** The most a PC will spend on one check (a hostile document must not freeze it). */
export const ARGON2ID_MAX: Argon2idParams = { m: 262_144, t: 10, p: 4 };

/** A PIN is digits only, at least six of them. */
export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;

export interface ParsedVerifier {
  params: Argon2idParams;
  digest: string;
}

const VERIFIER = /^argon2id\$v=19,m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]{43}=)$/;

export function parseVerifier(stored: string): ParsedVerifier | undefined {
  const match = VERIFIER.exec(stored);
  if (!match) return undefined;
  const [, m, t, p, digest] = match;
  const params = { m: Number(m), t: Number(t), p: Number(p) };
  if (params.t < 1 || params.p < 1 || params.m < 8 * params.p || !digest) return undefined;
  return { params, digest };
}

/** Undefined when the PIN may be used; otherwise what to do, in words for the person choosing it. */
export function pinProblem(pin: string): string | undefined {
  if (!/^\d+$/.test(pin)) return 'A PIN is digits only.';
  if (pin.length < PIN_MIN_DIGITS) return `A PIN has at least ${PIN_MIN_DIGITS} digits.`;
  if (pin.length > PIN_MAX_DIGITS) return `A PIN has at most ${PIN_MAX_DIGITS} digits.`;
  return undefined;
}

/**
 * The centre's check on a user's verifiers from the ERP: Argon2id at no less than `ARGON2ID_MIN`
 * and no more than `ARGON2ID_MAX`. It cannot see how many digits the PIN had; whoever sets PINs
 * must apply `pinProblem`.
 */
export function verifierProblems(user: Record<string, unknown>, at = ''): FieldError[] {
  const problems: FieldError[] = [];
  for (const field of ['badgeHash', 'pinHash'] as const) {
    const value = user[field];
    const parsed = typeof value === 'string' ? parseVerifier(value) : undefined;
    const name = `${at}${field}`;
    if (!parsed) {
      problems.push({
        field: name,
        message:
          'must be an Argon2id verifier, argon2id$v=19,m=<KiB>,t=<passes>,p=<lanes>$<base64 of 32 bytes>, salted with the user’s salt; older schemes are refused: issue a new PIN of at least 6 digits',
      });
      continue;
    }
    const { m, t, p } = parsed.params;
    if (m < ARGON2ID_MIN.m || t < ARGON2ID_MIN.t) {
      problems.push({
        field: name,
        message: `costs too little: at least m=${ARGON2ID_MIN.m}, t=${ARGON2ID_MIN.t}`,
      });
    } else if (m > ARGON2ID_MAX.m || t > ARGON2ID_MAX.t || p > ARGON2ID_MAX.p) {
      problems.push({
        field: name,
        message: `costs more than a stockroom PC checks: at most m=${ARGON2ID_MAX.m}, t=${ARGON2ID_MAX.t}, p=${ARGON2ID_MAX.p}`,
      });
    }
  }
  return problems;
}
