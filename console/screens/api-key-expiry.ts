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
