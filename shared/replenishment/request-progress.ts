import type { RequestHistoryEntry, RequestStatus, SupplyRequest } from '../model';
import { STATUS_RANK, furtherStatus } from './status-rank';
import { effectiveLines } from './substitution';

/**
 * Where a request stands, read from its history alone, so that two PCs, the console and the ERP
 * that each hold part of the history agree once their histories are united. Every figure here is
 * a sum or a maximum over the entries, never a fold that depends on their order: a merge (union)
 * can then never make it go back.
 */

export interface LineProgress {
  itemId: string;
  requested: number;
  shipped: number;
  received: number;
}

type Progressing = Pick<SupplyRequest, 'lines' | 'history' | 'substitutions'>;

/**
 * Per line of what the request asks for now (accepted substitutes in, cancelled lines out:
 * substitution.ts): requested, shipped and received units. A shipment or receipt that names no
 * lines moved everything requested (the steps recorded before partial quantities existed mean that).
 */
export function lineProgress(request: Progressing): LineProgress[] {
  const shippedAll = request.history.some((e) => e.status === 'shipped' && e.lines === undefined);
  const receivedAll = request.history.some((e) => e.status === 'received' && e.lines === undefined);
  return effectiveLines(request).map(({ itemId, quantity }) => {
    const moved = (status: RequestStatus) =>
      request.history
        .filter((e) => e.status === status)
        .flatMap((e) => e.lines ?? [])
        .filter((l) => l.itemId === itemId)
        .reduce((sum, l) => sum + l.quantity, 0);
    const received = receivedAll ? quantity : Math.min(quantity, moved('received'));
    const shipped = shippedAll
      ? quantity
      : Math.max(received, Math.min(quantity, moved('shipped')));
    return { itemId, requested: quantity, shipped, received };
  });
}

/** Every line received in full. */
export function fullyReceived(request: Progressing): boolean {
  return lineProgress(request).every((l) => l.received >= l.requested);
}

/** Approval levels the latest policy decision demands: the most any acknowledgement recorded. */
export function levelsDemanded(history: readonly RequestHistoryEntry[]): number {
  return history.reduce(
    (most, e) => (e.status === 'acknowledged' ? Math.max(most, e.levels ?? 1) : most),
    0,
  );
}

/** Approval levels given so far (distinct levels; a level approved twice counts once). */
export function levelsApproved(history: readonly RequestHistoryEntry[]): Set<number> {
  return new Set(history.filter((e) => e.status === 'approved').map((e) => e.level ?? 1));
}

/** The policy version of the acknowledgement that decided the levels, for approvals to record. */
export function demandingPolicyVersion(
  history: readonly RequestHistoryEntry[],
): number | undefined {
  const acks = history.filter((e) => e.status === 'acknowledged' && e.policyVersion !== undefined);
  return acks.reduce<number | undefined>(
    (v, e) => (v === undefined || (e.policyVersion ?? 0) > v ? e.policyVersion : v),
    undefined,
  );
}

function approvalComplete(history: readonly RequestHistoryEntry[]): boolean {
  const given = levelsApproved(history);
  const demanded = Math.max(1, levelsDemanded(history));
  for (let level = 1; level <= demanded; level += 1) if (!given.has(level)) return false;
  return true;
}

/**
 * The status the history shows: the furthest step it holds, where an approval counts only once
 * every demanded level has approved, and a receipt only once every line is in (a partial receipt
 * leaves the request shipped). Never behind `recorded`, the status a version already carries.
 */
export function settledStatus(
  request: Progressing,
  recorded: RequestStatus = 'draft',
): RequestStatus {
  const approved = approvalComplete(request.history);
  const received = fullyReceived(request);
  let status = recorded;
  for (const entry of request.history) {
    let reached = entry.status;
    if (reached === 'approved' && !approved) reached = 'acknowledged';
    if (reached === 'received' && !received) reached = 'shipped';
    status = furtherStatus(status, reached);
  }
  return status;
}

export const isFurther = (a: RequestStatus, b: RequestStatus): boolean =>
  STATUS_RANK[a] > STATUS_RANK[b];
