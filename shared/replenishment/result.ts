/**
 * Errors are values: a stable `code` for programs and a `message` that tells the person at the
 * screen what to do next.
 */
export type ReplenishmentErrorCode =
  | 'PAR_LEVEL_INCOMPLETE'
  | 'PAR_LEVEL_INVALID'
  | 'PAR_METHOD_MISMATCH'
  | 'ITEM_NOT_IN_MASTER'
  | 'QUANTITY_INVALID'
  | 'USAGE_EMPTY'
  | 'USAGE_TOO_SHORT'
  | 'USAGE_INVALID'
  | 'REVIEW_DAYS_INVALID'
  | 'LEAD_TIME_INVALID'
  | 'SERVICE_FACTOR_INVALID'
  | 'INVALID_TRANSITION'
  | 'TRANSITION_INPUT_INVALID'
  | 'APPROVAL_PENDING'
  | 'QUANTITY_BEYOND_OUTSTANDING'
  | 'REASON_REQUIRED'
  | 'STEP_NOT_PERMITTED'
  | 'REQUEST_NOT_DRAFT'
  | 'DRAFT_EDIT_INVALID'
  | 'MERGE_DIFFERENT_REQUESTS'
  | 'SUBSTITUTION_NOT_OPEN'
  | 'SUBSTITUTE_INVALID'
  | 'SUBSTITUTE_LINE_UNKNOWN'
  | 'SUBSTITUTE_LINE_SHIPPED'
  | 'SUBSTITUTE_LINE_SETTLED'
  | 'SUBSTITUTE_ALREADY_PROPOSED'
  | 'SUBSTITUTE_DECISION_INVALID';

export interface ReplenishmentError {
  code: ReplenishmentErrorCode;
  message: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ReplenishmentError };

export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail<T>(code: ReplenishmentErrorCode, message: string): Outcome<T> {
  return { ok: false, error: { code, message } };
}
