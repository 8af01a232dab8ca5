import { ANOMALY_NOTE_MAX } from '../model/anomaly-decision';

/**
 * The reasons and comments a console user must give, each with the limit the endpoint checks and
 * the words that say what is missing: the endpoint's schemas and refusals and the console's one
 * reason field read them from here, so the field never lets through what the endpoint refuses.
 */
export interface ReasonRule {
  /** The most characters the endpoint keeps (after trimming). */
  max: number;
  /** What to write, when nothing (or only spaces) was written. */
  missing: string;
}

export const STEP_REASON: ReasonRule = {
  max: 1000,
  missing: 'Say why: the stockroom and the ERP read the reason with the step.',
};

export const SUBSTITUTE_REASON: ReasonRule = {
  max: 1000,
  missing:
    'Say why the line cannot be filled as asked, and why this item: the ward reads it before deciding.',
};

export const ESCALATION_REASON: ReasonRule = {
  max: 1000,
  missing: 'Say why the ERP must act now: the ERP and the next buyer read it.',
};

export const RESOLUTION_COMMENT: ReasonRule = {
  max: 2000,
  missing: 'Say in a comment how it was resolved.',
};

/** A usage flag's decision keeps the comment as its note, which is shorter. */
export const ANOMALY_NOTE: ReasonRule = {
  max: ANOMALY_NOTE_MAX,
  missing: 'Say why, in a note: the stockroom reads it with your decision on its dashboard.',
};

/** The reason as it is kept (trimmed), or what is wrong with it, in the rule's words. */
export function checkedReason(
  raw: string,
  rule: ReasonRule,
):
  | { ok: true; reason: string }
  | { ok: false; code: 'REASON_REQUIRED' | 'REASON_TOO_LONG'; message: string } {
  const reason = raw.trim();
  if (reason === '') return { ok: false, code: 'REASON_REQUIRED', message: rule.missing };
  if (reason.length > rule.max) {
    return {
      ok: false,
      code: 'REASON_TOO_LONG',
      message: `This is ${reason.length} characters long; the most kept is ${rule.max}: shorten it.`,
    };
  }
  return { ok: true, reason };
}
