import type { RequestLine, RequestPriority, SupplyRequest } from '../model';
import { REQUEST_PRIORITIES } from '../model';
import { fail, succeed, type Outcome } from './result';

/** What the facility may change while a request is a draft; null clears an optional field. */
export interface DraftChanges {
  lines?: RequestLine[];
  priority?: RequestPriority;
  neededBy?: string | null;
  reason?: string | null;
}

const MAX_LINES = 500;
const MAX_QUANTITY = 1_000_000;

function lineProblem(lines: readonly RequestLine[]): string | undefined {
  if (lines.length === 0) return 'a request needs at least one line';
  if (lines.length > MAX_LINES) return `a request holds at most ${MAX_LINES} lines`;
  const bad = lines.findIndex(
    (line) => !Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY,
  );
  if (bad >= 0) return `line ${bad + 1} needs a whole quantity from 1 to ${MAX_QUANTITY}`;
  return undefined;
}

function copyLine({ itemId, quantity, note }: RequestLine): RequestLine {
  return note === undefined ? { itemId, quantity } : { itemId, quantity, note };
}

/**
 * Change the facility-owned part of a draft and stamp `editedAt`, which the merge uses to keep the
 * latest of two concurrent draft edits. Once a request has left draft its lines belong to what
 * was submitted, so editing is refused.
 */
export function editDraft(
  request: SupplyRequest,
  changes: DraftChanges,
  at: string,
): Outcome<SupplyRequest> {
  if (request.status !== 'draft') {
    return fail(
      'REQUEST_NOT_DRAFT',
      `Request ${request.id} is ${request.status}, no longer a draft: its lines cannot change. Raise a new request for anything more.`,
    );
  }
  if (Number.isNaN(Date.parse(at))) {
    return fail(
      'DRAFT_EDIT_INVALID',
      `The time "${at}" is not a date and time: check the PC clock.`,
    );
  }
  const problem = changes.lines === undefined ? undefined : lineProblem(changes.lines);
  if (problem !== undefined) {
    return fail('DRAFT_EDIT_INVALID', `Request ${request.id} was not changed: ${problem}.`);
  }
  if (changes.priority !== undefined && !REQUEST_PRIORITIES.includes(changes.priority)) {
    return fail(
      'DRAFT_EDIT_INVALID',
      `Request ${request.id} was not changed: priority must be routine, urgent, asap or stat.`,
    );
  }
  const { neededBy, reason, ...rest } = request;
  const next: SupplyRequest = {
    ...rest,
    lines: changes.lines === undefined ? request.lines : changes.lines.map(copyLine),
    priority: changes.priority ?? request.priority,
    editedAt: at,
  };
  const keptNeededBy = changes.neededBy === undefined ? neededBy : (changes.neededBy ?? undefined);
  const keptReason = changes.reason === undefined ? reason : (changes.reason ?? undefined);
  if (keptNeededBy !== undefined) next.neededBy = keptNeededBy;
  if (keptReason !== undefined) next.reason = keptReason;
  return succeed(next);
}
