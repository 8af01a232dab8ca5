/**
 * Failed console sign-ins lock the account, as a PIN locks on a stockroom PC: five wrong
 * passwords in a row, then no sign-in for 15 minutes whatever the password. Time is a parameter.
 */
export const CONSOLE_MAX_FAILED_SIGN_INS = 5;
export const CONSOLE_LOCKOUT_MS = 15 * 60_000;

export interface SignInCounter {
  failedCount: number;
  lockedUntil: string | null;
}

export function lockedUntil(counter: SignInCounter, now: Date): string | null {
  if (!counter.lockedUntil) return null;
  return Date.parse(counter.lockedUntil) > now.getTime() ? counter.lockedUntil : null;
}

/** The counter after one wrong password. A lock that has run out starts a fresh count. */
export function afterFailedSignIn(counter: SignInCounter, now: Date): SignInCounter {
  const expired = counter.lockedUntil !== null && lockedUntil(counter, now) === null;
  const failedCount = (expired ? 0 : counter.failedCount) + 1;
  if (failedCount >= CONSOLE_MAX_FAILED_SIGN_INS) {
    return {
      failedCount,
      lockedUntil: new Date(now.getTime() + CONSOLE_LOCKOUT_MS).toISOString(),
    };
  }
  return { failedCount, lockedUntil: null };
}

export const AFTER_SUCCESSFUL_SIGN_IN: SignInCounter = { failedCount: 0, lockedUntil: null };

/** Usernames: what a person types, compared in lower case. */
export const CONSOLE_USERNAME = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
export const CONSOLE_PASSWORD_MIN = 12;
export const CONSOLE_PASSWORD_MAX = 200;

export function normaliseUsername(typed: string): string {
  return typed.trim().toLowerCase();
}

export function passwordProblem(password: string): string | undefined {
  if (password.length < CONSOLE_PASSWORD_MIN)
    return `A console password has at least ${CONSOLE_PASSWORD_MIN} characters.`;
  if (password.length > CONSOLE_PASSWORD_MAX)
    return `A console password has at most ${CONSOLE_PASSWORD_MAX} characters.`;
  return undefined;
}
