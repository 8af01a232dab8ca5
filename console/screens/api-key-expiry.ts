import { ApiError } from '../api/http';

/**
 * The "Expires on" day a person picks, sent as the instant that day begins where they are. A day
 * already begun (today, say) makes a key that stops at once: the endpoint refuses it, and the
 * person reads why in the words they typed, not as an ISO instant.
 */
export function expiryInstant(day: string): string | null {
  return day ? new Date(`${day}T00:00:00`).toISOString() : null;
}

const inWords = (day: string) =>
  new Date(`${day}T00:00:00`).toLocaleDateString(undefined, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });

const WHAT_TO_DO =
  'Pick a day after today, or leave "Expires on" empty for a key that never expires.';

/** The refusal for a day that has begun here, before anything is sent; undefined when it is later. */
export function typedExpiryProblem(day: string, now: Date): ApiError | undefined {
  if (!day) return undefined;
  const start = new Date(`${day}T00:00:00`);
  if (Number.isNaN(start.getTime())) {
    return new ApiError(0, 'EXPIRY_INVALID', `"${day}" is not a date. ${WHAT_TO_DO}`);
  }
  if (start.getTime() > now.getTime()) return undefined;
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const when = start.getTime() === today ? 'is today' : 'has passed';
  return new ApiError(
    0,
    'EXPIRY_INVALID',
    `${inWords(day)} ${when}: a key that expires on it would stop working at once. ${WHAT_TO_DO}`,
  );
}

/** The endpoint's refusal of the expiry (its clock may be ahead of this PC's), in the same words. */
export function inTypedWords(error: ApiError, day: string): ApiError {
  if (error.code !== 'EXPIRY_INVALID' || !day) return error;
  return new ApiError(
    error.status,
    error.code,
    `By the centre’s clock, ${inWords(day)} has already begun: a key that expires on it would stop working at once. ${WHAT_TO_DO}`,
  );
}

const DAY_MS = 86_400_000;

/** The local calendar day of an instant, as a date field holds it ("2027-03-01"). */
function dayOf(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/**
 * The "Expires on" a rotation starts from, and why, so an admin who only wants a new secret
 * changes nothing else: a key that never expired stays so; a key still in its term keeps its day
 * (the new secret lives as long as the old one would have); a key whose term has run out gets a
 * term as long as the one it had, from today, since rotating it is asking for it to work again.
 */
export function rotationExpiry(
  key: { createdAt: string; rotatedAt: string | null; expiresAt: string | null },
  now: Date,
): { day: string; why: string } {
  if (!key.expiresAt) {
    return { day: '', why: 'The key never expired: leave this empty to keep it so.' };
  }
  const ends = new Date(key.expiresAt);
  if (ends.getTime() > now.getTime()) {
    // The day it ends must still be after today here, or the new secret would be refused.
    const day = dayOf(ends);
    if (!typedExpiryProblem(day, now)) {
      return { day, why: 'The old key’s day: the new secret lives as long as the old would have.' };
    }
    return {
      day: dayOf(new Date(now.getTime() + DAY_MS)),
      why: 'The old key ends today: tomorrow is the first day a new secret can end on.',
    };
  }
  const began = Date.parse(key.rotatedAt ?? key.createdAt);
  const termDays = Math.max(1, Math.round((ends.getTime() - began) / DAY_MS));
  return {
    day: dayOf(new Date(now.getTime() + termDays * DAY_MS)),
    why: `The old key had expired: a term as long as its own (${termDays} ${termDays === 1 ? 'day' : 'days'}) from today.`,
  };
}
