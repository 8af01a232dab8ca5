import { can, type Role } from '../model';
import {
  DEFAULT_COUNT_TOLERANCE,
  varianceReport,
  type CountRecord,
  type CountTolerance,
  type VarianceLine,
} from './count-reconciliation';

/**
 * Segregation of duties for count adjustments (DOMAIN.md §6): when a count differs from the record
 * by more than the tolerance, the stock change it makes needs approval by a second person who may
 * approve adjustments. The person who counted cannot approve their own count. Proving who the
 * approver is (their PIN) is the caller's job; this decides whether that person may approve.
 */

export interface ApprovingPerson {
  id: string;
  role: Role;
}

export type ApprovalErrorCode = 'APPROVER_REQUIRED' | 'SELF_APPROVAL' | 'APPROVER_NOT_PERMITTED';

export type ApprovalOutcome =
  | { ok: true; approvedBy: string | undefined }
  | { ok: false; error: { code: ApprovalErrorCode; message: string } };

/** The variance line of one count, and whether its change needs a second person. */
export function countApprovalNeed(
  count: CountRecord,
  tolerance: CountTolerance = DEFAULT_COUNT_TOLERANCE,
): { needed: boolean; line: VarianceLine } {
  const line = varianceReport([count], { tolerance }).lines[0];
  // varianceReport returns one line per record; the fallback only satisfies the index type.
  if (!line)
    return {
      needed: true,
      line: { ...count, variance: 0, variancePercent: 0, withinTolerance: false },
    };
  return { needed: !line.withinTolerance, line };
}

/**
 * Whether `approver` may approve the change of a count made by `counterId`. Within tolerance no
 * approval is needed and none is recorded.
 */
export function approveCountAdjustment(
  needed: boolean,
  counterId: string,
  approver: ApprovingPerson | undefined,
): ApprovalOutcome {
  if (!needed) return { ok: true, approvedBy: undefined };
  if (!approver) {
    return {
      ok: false,
      error: {
        code: 'APPROVER_REQUIRED',
        message:
          'This count is outside the tolerance. A supervisor must approve it with their PIN before it changes the stock.',
      },
    };
  }
  if (approver.id === counterId) {
    return {
      ok: false,
      error: {
        code: 'SELF_APPROVAL',
        message:
          'You counted this lot, so you cannot approve its adjustment. Ask a supervisor to approve it with their own PIN.',
      },
    };
  }
  if (!can(approver.role, 'stock.adjust.approve')) {
    return {
      ok: false,
      error: {
        code: 'APPROVER_NOT_PERMITTED',
        message:
          'Only a supervisor (or an administrator) may approve a count outside tolerance. Ask one to enter their PIN.',
      },
    };
  }
  return { ok: true, approvedBy: approver.id };
}
