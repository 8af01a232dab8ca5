import type { SignInMethod } from '../../shared/model';
import type { StockroomDatabase } from '../store/collections';
import { recordSignIn, type SignInPlace } from './sign-in-audit';

/** Wrong PINs in a row before a person's PIN is refused on this PC for `LOCKOUT_MINUTES`. */
export const PIN_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export type Lockout =
  { locked: false; failures: number } | { locked: true; until: string; message: string };

interface FailureRecord {
  failures: number;
  lockedUntil?: string;
}

/** The lockout is per person and per PC, and kept as an RxDB local document: it survives a reload. */
type LocalDocs = Pick<StockroomDatabase, 'getLocal' | 'upsertLocal'>;

const keyOf = (userId: string) => `pin-failures:${userId}`;

async function read(db: LocalDocs, userId: string): Promise<FailureRecord> {
  const doc = await db.getLocal<FailureRecord>(keyOf(userId));
  return doc ? (doc.toJSON().data as FailureRecord) : { failures: 0 };
}

function lockedMessage(until: string): string {
  const time = new Date(until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return `Too many wrong PINs: this person's PIN is locked on this PC until ${time}. Sign in with your badge, or ask a supervisor.`;
}

/** What a wrong PIN is told, while the PIN is not yet locked. */
export function triesLeftMessage(failures: number): string {
  const left = PIN_ATTEMPTS - failures;
  return `That PIN is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before this PIN is locked.`;
}

/** Call before checking a PIN: a locked person's PIN is not even checked. */
export async function checkLockout(db: LocalDocs, userId: string, now: Date): Promise<Lockout> {
  const record = await read(db, userId);
  if (record.lockedUntil && now < new Date(record.lockedUntil)) {
    return { locked: true, until: record.lockedUntil, message: lockedMessage(record.lockedUntil) };
  }
  // A lockout that ran out starts the count afresh.
  return { locked: false, failures: record.lockedUntil ? 0 : record.failures };
}

/**
 * Call after a wrong PIN: counts it, audits it, and at the fifth in a row locks the person's PIN
 * on this PC (audited too). Answers the state after this failure.
 */
export async function recordFailure(
  db: LocalDocs & Pick<StockroomDatabase, 'sign_in_events'>,
  userId: string,
  place: SignInPlace,
  now: Date,
  method: SignInMethod = 'pin',
): Promise<Lockout> {
  const before = await checkLockout(db, userId, now);
  if (before.locked) return before;
  const failures = before.failures + 1;
  await recordSignIn(db, place, { userId, method, outcome: 'pin-wrong' }, now);
  if (failures < PIN_ATTEMPTS) {
    await db.upsertLocal<FailureRecord>(keyOf(userId), { failures });
    return { locked: false, failures };
  }
  const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
  await db.upsertLocal<FailureRecord>(keyOf(userId), { failures, lockedUntil: until });
  await recordSignIn(db, place, { userId, method, outcome: 'locked-out', lockedUntil: until }, now);
  return { locked: true, until, message: lockedMessage(until) };
}

/** Call after a right PIN: the count of wrong ones starts again. */
export async function clearFailures(db: LocalDocs, userId: string): Promise<void> {
  if ((await read(db, userId)).failures > 0) {
    await db.upsertLocal<FailureRecord>(keyOf(userId), { failures: 0 });
  }
}
