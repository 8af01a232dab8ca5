import type { RequestPriority, SupplyRequest } from '../model';
import { REQUEST_PRIORITIES } from '../model';
import { HOUR_MS, inPeriod, instantOf, type Period } from './period';
import { spread, type Spread } from './stats';

type History = readonly { status: string; at: string }[];

/** When a request first reached a status; undefined if it never did. */
export function firstAt(history: History, status: string): string | undefined {
  return history.find((e) => e.status === status)?.at;
}

const hours = (from: string | undefined, to: string | undefined): number | null => {
  if (from === undefined || to === undefined) return null;
  const a = instantOf(from);
  const b = instantOf(to);
  return a === undefined || b === undefined || b < a ? null : (b - a) / HOUR_MS;
};

export interface RequestCycle {
  requestId: string;
  priority: RequestPriority;
  submittedAt: string;
  hours: number;
}

/** Order cycle time, submitted → received, per priority, over requests received in the period. */
export function orderCycleTimes(
  requests: Iterable<Pick<SupplyRequest, 'id' | 'priority' | 'history'>>,
  period: Period,
): { byPriority: { priority: RequestPriority; hours: Spread }[]; requests: RequestCycle[] } {
  const cycles: RequestCycle[] = [];
  for (const r of requests) {
    const submitted = firstAt(r.history, 'submitted');
    const received = firstAt(r.history, 'received');
    const took = hours(submitted, received);
    if (took === null || submitted === undefined || !inPeriod(received ?? '', period)) continue;
    cycles.push({ requestId: r.id, priority: r.priority, submittedAt: submitted, hours: took });
  }
  return {
    byPriority: REQUEST_PRIORITIES.map((priority) => ({
      priority,
      hours: spread(cycles.filter((c) => c.priority === priority).map((c) => c.hours)),
    })),
    requests: cycles,
  };
}

/** A request in any of these has been taken on (or is over), as escalation judges it. */
export const HANDLED_STATUSES = [
  'acknowledged',
  'approved',
  'ordered',
  'picking',
  'shipped',
  'received',
  'rejected',
  'cancelled',
] as const;

export interface AcknowledgementTime {
  requestId: string;
  priority: RequestPriority;
  /** Minutes from submitted to acknowledged; null while it waits. */
  minutes: number | null;
  targetMinutes: number | undefined;
  late: boolean;
}

/**
 * Time to acknowledge urgent requests against their service level. A request not yet acknowledged
 * is judged at `now`: late once its target has passed. `acknowledgedStatus` names the status that
 * counts as acknowledgement (the request life cycle's first step after submitted).
 */
export function acknowledgementTimes(
  requests: Iterable<Pick<SupplyRequest, 'id' | 'priority' | 'kind' | 'history'>>,
  targetMinutes: Partial<Record<RequestPriority, number>>,
  period: Period,
  now: string,
  acknowledgedStatuses: readonly string[] = HANDLED_STATUSES,
): { acknowledged: Spread; late: number; requests: AcknowledgementTime[] } {
  const rows: AcknowledgementTime[] = [];
  for (const r of requests) {
    if (r.kind !== 'urgent') continue;
    const submitted = firstAt(r.history, 'submitted');
    if (submitted === undefined || !inPeriod(submitted, period)) continue;
    const acknowledged = r.history.find((e) => acknowledgedStatuses.includes(e.status))?.at;
    const took = hours(submitted, acknowledged);
    const waited = hours(submitted, acknowledged ?? now);
    const target = targetMinutes[r.priority];
    rows.push({
      requestId: r.id,
      priority: r.priority,
      minutes: took === null ? null : took * 60,
      targetMinutes: target,
      late: target !== undefined && waited !== null && waited * 60 > target,
    });
  }
  return {
    acknowledged: spread(rows.flatMap((r) => (r.minutes === null ? [] : [r.minutes]))),
    late: rows.filter((r) => r.late).length,
    requests: rows,
  };
}
