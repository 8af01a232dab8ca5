import { ANOMALY_NOTE_MAX, type AnomalyDecisionOutcome } from '../model/anomaly-decision';
import type { ConsoleRole } from './console-roles';
import { consoleMay } from './console-roles';
import { RESOLUTION_COMMENT } from './reason-rules';

/**
 * The console's exceptions queue (issue 14): everything at the centre that needs a person. Each
 * item stands for one underlying condition, named by a stable condition id, so the same alarm or
 * dead letter is never two items. What kinds there are, how old is old, and who may move an item
 * from one state to the next is decided here once; the endpoint enforces it and the console shows it.
 */
export const EXCEPTION_KINDS = [
  'integrity-alarm',
  'push-refused',
  'sequence-gap',
  'recalled-lot-issued',
  'request-escalated',
  'dead-letter',
  'pc-quiet',
  'usage-anomaly',
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export const EXCEPTION_KIND_WORDS: Record<ExceptionKind, string> = {
  'integrity-alarm': 'Integrity alarm',
  'push-refused': 'Push refused',
  'sequence-gap': 'Sequence gap',
  'recalled-lot-issued': 'Recalled lot issued',
  'request-escalated': 'Urgent request escalated',
  'dead-letter': 'Webhook dead letter',
  'pc-quiet': 'PC gone quiet',
  'usage-anomaly': 'Unusual usage',
};

export function isExceptionKind(value: unknown): value is ExceptionKind {
  return typeof value === 'string' && (EXCEPTION_KINDS as readonly string[]).includes(value);
}

/** The condition id: kind, then what names the condition within its kind. */
export function conditionId(kind: ExceptionKind, ...parts: (string | number)[]): string {
  return [kind, ...parts.map(String)].join(':');
}

export const EXCEPTION_STATES = ['open', 'owned', 'resolved'] as const;
export type ExceptionState = (typeof EXCEPTION_STATES)[number];

export const AGE_BANDS = ['under-1h', '1h-4h', '4h-24h', '1d-7d', 'over-7d'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_WORDS: Record<AgeBand, string> = {
  'under-1h': 'Under 1 hour',
  '1h-4h': '1 to 4 hours',
  '4h-24h': '4 to 24 hours',
  '1d-7d': '1 to 7 days',
  'over-7d': 'Over 7 days',
};

const HOUR = 3_600_000;
const BAND_LIMITS: readonly [AgeBand, number][] = [
  ['under-1h', HOUR],
  ['1h-4h', 4 * HOUR],
  ['4h-24h', 24 * HOUR],
  ['1d-7d', 7 * 24 * HOUR],
];

/** The age band of a condition detected at `detectedAt`, seen at `now` (both ISO instants). */
export function ageBand(detectedAt: string, now: string): AgeBand {
  const age = Date.parse(now) - Date.parse(detectedAt);
  for (const [band, limit] of BAND_LIMITS) if (!(age >= limit)) return band;
  return 'over-7d';
}

/** How many items fall in each band, every band named (zero included) so the console shows all. */
export function countByBand(
  items: readonly { detectedAt: string }[],
  now: string,
): Record<AgeBand, number> {
  const counts = Object.fromEntries(AGE_BANDS.map((b) => [b, 0])) as Record<AgeBand, number>;
  for (const item of items) counts[ageBand(item.detectedAt, now)] += 1;
  return counts;
}

export type ExceptionAct = 'take' | 'resolve';

export const RESOLUTION_COMMENT_MAX = RESOLUTION_COMMENT.max;

/**
 * Whether `actor` (a console user) may take `act` on an item in `state` owned by `owner`; the
 * refusal names what to do instead. open → owned (take ownership), owned → owned (another person
 * takes it over: the hand-over is a step of its history), owned → resolved by its owner, with a
 * comment. A resolved item stays resolved. Admins and buyers act; an analyst reads only.
 */
export function exceptionRefusal(input: {
  role: ConsoleRole;
  actor: string;
  act: ExceptionAct;
  kind: ExceptionKind;
  state: ExceptionState;
  owner: string | null;
  comment?: string | undefined;
  outcome?: AnomalyDecisionOutcome | undefined;
}): { code: string; message: string } | undefined {
  if (!consoleMay(input.role, 'exceptions.work')) {
    return {
      code: 'ROLE_NOT_PERMITTED',
      message: 'An analyst can look at the exceptions but not take or resolve them.',
    };
  }
  if (input.state === 'resolved') {
    return { code: 'EXCEPTION_RESOLVED', message: 'This exception is already resolved.' };
  }
  if (input.act === 'take') {
    if (input.state === 'owned' && input.owner === input.actor) {
      return { code: 'EXCEPTION_ALREADY_YOURS', message: 'You already own this exception.' };
    }
    return undefined;
  }
  if (input.state === 'open') {
    return {
      code: 'EXCEPTION_NOT_OWNED',
      message: 'Take ownership of this exception before resolving it.',
    };
  }
  if (input.owner !== input.actor) {
    return {
      code: 'EXCEPTION_OWNED_BY_OTHER',
      message: `This exception is owned by ${input.owner ?? 'someone else'}; take it over first.`,
    };
  }
  if (!input.comment || input.comment.trim().length === 0) {
    return { code: 'COMMENT_REQUIRED', message: RESOLUTION_COMMENT.missing };
  }
  if (input.comment.length > RESOLUTION_COMMENT_MAX) {
    return {
      code: 'COMMENT_TOO_LONG',
      message: `The comment is longer than ${RESOLUTION_COMMENT_MAX} characters.`,
    };
  }
  return input.kind === 'usage-anomaly'
    ? anomalyResolutionRefusal(input.comment, input.outcome)
    : input.outcome === undefined
      ? undefined
      : {
          code: 'OUTCOME_NOT_APPLICABLE',
          message:
            'Only a usage anomaly flag is confirmed or dismissed; resolve this item with a comment alone.',
        };
}

/**
 * A usage anomaly flag is resolved as a decision the stockroom sees (confirmed or dismissed, the
 * comment as its note), so it needs the outcome, and a comment that fits a decision's note.
 */
function anomalyResolutionRefusal(
  comment: string,
  outcome: AnomalyDecisionOutcome | undefined,
): { code: string; message: string } | undefined {
  if (outcome === undefined) {
    return {
      code: 'OUTCOME_REQUIRED',
      message:
        'Say whether this unusual usage was real trouble (confirm) or has an explanation (dismiss): the stockroom sees your decision.',
    };
  }
  if (comment.length > ANOMALY_NOTE_MAX) {
    return {
      code: 'COMMENT_TOO_LONG',
      message: `A decision on a usage flag keeps a note of at most ${ANOMALY_NOTE_MAX} characters; shorten the comment.`,
    };
  }
  return undefined;
}
