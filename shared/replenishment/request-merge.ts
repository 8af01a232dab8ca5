import type { RequestLine, SupplyRequest } from '../model';
import { compareInstants, compareText, unionHistories } from './request-history';
import { fail, succeed, type Outcome } from './result';
import { settledStatus } from './request-progress';
import { furtherStatus } from './status-rank';
import { mergeSubstitutions } from './substitution';

/**
 * Merge two versions of one supply request — the core of the RxDB conflict handler and of the
 * endpoint's push. Ownership (ARCHITECTURE.md): the facility owns lines, priority, needed-by and
 * reason while the request is a draft; the centre owns the status once it is submitted.
 *
 * - status: the further of the two (`STATUS_RANK`), so a merge never moves a request backwards,
 *   or further still when the united history shows more: two partial receipts made on two PCs
 *   that together bring every line in, or two approval levels given in two places
 *   (`settledStatus`: a maximum over the union, so the merge stays a semilattice join).
 * - history: the union of both, identical entries once, in history order.
 * - substitutions: the union of both proposals, the earlier of two decisions on one proposal
 *   (substitution.ts `mergeSubstitutions`).
 * - the facility's part (lines, priority, needed-by, reason, editedAt) is taken whole from one
 *   version, never field by field, so a merge cannot invent a request nobody wrote:
 *   1. a version that has left draft wins over one still in draft: its lines are the lines at
 *      submission (or at cancellation), which is what the centre approved and ordered, so an
 *      offline draft edit made elsewhere does not change them afterwards;
 *   2. between two drafts, the later `editedAt` wins (never edited = earliest): the latest edit;
 *   3. between two versions that both left draft, the earlier `editedAt` wins: nothing may edit
 *      lines after submission, so the earlier content is the one that was submitted;
 *   4. a last tie is broken by the content's canonical text.
 *   That order is total and the merged version ranks exactly like the winner, which is what makes
 *   the merge commutative, associative and idempotent.
 * - fields set at creation and never changed (kind, location, creator, creation time, par level)
 *   agree in real versions; if they ever differ the smaller value is kept so the result stays
 *   deterministic. Different ids or facilities are refused: those are two different requests.
 */
export function mergeRequests(a: SupplyRequest, b: SupplyRequest): Outcome<SupplyRequest> {
  if (a.id !== b.id || a.facilityId !== b.facilityId) {
    return fail(
      'MERGE_DIFFERENT_REQUESTS',
      `Request ${a.id} of ${a.facilityId} and request ${b.id} of ${b.facilityId} are different requests and cannot be merged: report this to support.`,
    );
  }
  const owner = facilityPartWinner(a, b);
  const merged: SupplyRequest = {
    id: a.id,
    facilityId: a.facilityId,
    kind: smaller(a.kind, b.kind),
    priority: owner.priority,
    locationId: smaller(a.locationId, b.locationId),
    lines: owner.lines.map(cleanLine),
    status: furtherStatus(a.status, b.status),
    history: unionHistories(a.history, b.history),
    createdBy: smaller(a.createdBy, b.createdBy),
    createdAt: compareInstants(a.createdAt, b.createdAt) <= 0 ? a.createdAt : b.createdAt,
  };
  const substitutions = mergeSubstitutions(a.substitutions, b.substitutions);
  if (substitutions !== undefined) merged.substitutions = substitutions;
  merged.status = settledStatus(merged, merged.status);
  if (owner.neededBy !== undefined) merged.neededBy = owner.neededBy;
  if (owner.reason !== undefined) merged.reason = owner.reason;
  if (owner.editedAt !== undefined) merged.editedAt = owner.editedAt;
  const parLevelId = smallerDefined(a.parLevelId, b.parLevelId);
  if (parLevelId !== undefined) merged.parLevelId = parLevelId;
  return succeed(merged);
}

function facilityPartWinner(a: SupplyRequest, b: SupplyRequest): SupplyRequest {
  const frozenA = a.status !== 'draft';
  const frozenB = b.status !== 'draft';
  if (frozenA !== frozenB) return frozenA ? a : b;
  const byEdit = compareEditTimes(a.editedAt, b.editedAt);
  if (byEdit !== 0) {
    const aIsLater = byEdit > 0;
    return aIsLater !== frozenA ? a : b;
  }
  return compareText(facilityPartText(a), facilityPartText(b)) >= 0 ? a : b;
}

/** An absent `editedAt` means "not edited since it was raised": earlier than any edit. */
function compareEditTimes(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined)
    return (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1);
  return compareInstants(a, b);
}

function facilityPartText(request: SupplyRequest): string {
  return JSON.stringify([
    request.lines.map((line) => [line.itemId, line.quantity, line.note ?? null]),
    request.priority,
    request.neededBy ?? null,
    request.reason ?? null,
    request.editedAt ?? null,
  ]);
}

function cleanLine(line: RequestLine): RequestLine {
  const { itemId, quantity, note } = line;
  return note === undefined ? { itemId, quantity } : { itemId, quantity, note };
}

function smaller<T extends string>(a: T, b: T): T {
  return compareText(a, b) <= 0 ? a : b;
}

function smallerDefined(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return smaller(a, b);
}
