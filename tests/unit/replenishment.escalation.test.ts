import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REQUEST_PRIORITIES,
  type RequestPriority,
  type RequestStatus,
  type SupplyRequest,
} from '../../shared/model';
import { DEFAULT_ESCALATION_POLICY, escalation } from '../../shared/replenishment/escalation';

const SUBMITTED = '2026-11-23T10:00:00.000Z';

function request(
  priority: RequestPriority,
  steps: RequestStatus[] = ['submitted'],
): Pick<SupplyRequest, 'priority' | 'status' | 'history' | 'createdAt'> {
  const history = [
    { status: 'draft' as const, at: '2026-11-23T09:58:00.000Z', by: 'USR-NM' },
    ...steps.map((status, i) => ({
      status,
      at: new Date(Date.parse(SUBMITTED) + i * 60_000).toISOString(),
      by: 'USR-NM',
    })),
  ];
  return { priority, status: steps.at(-1) ?? 'draft', history, createdAt: history[0]!.at };
}

const after = (minutes: number) => new Date(Date.parse(SUBMITTED) + minutes * 60_000).toISOString();

describe('urgent requests escalate when not acknowledged in time', () => {
  it.each([
    ['stat', 15],
    ['asap', 60],
    ['urgent', 240],
  ] as const)('a %s request escalates at %i minutes after submission, not before', (p, window) => {
    expect(escalation(request(p), after(window - 1))).toEqual({
      escalated: false,
      reason: 'within-window',
      dueAt: after(window),
    });
    const late = escalation(request(p), after(window));
    expect(late).toMatchObject({ escalated: true, minutesWaiting: window, dueAt: after(window) });
    expect(late.escalated && late.message).toBe(`Escalated — not acknowledged for ${window} min`);
  });

  it('never escalates a routine request or a draft', () => {
    expect(escalation(request('routine'), after(10_000)).escalated).toBe(false);
    expect(escalation(request('stat', []), after(10_000))).toMatchObject({
      reason: 'not-submitted',
    });
  });

  it.each(['approved', 'ordered', 'shipped', 'received', 'rejected', 'cancelled'] as const)(
    'stops escalating once the request is %s',
    (status) => {
      const r = request('stat', ['submitted', status]);
      expect(escalation(r, after(500))).toMatchObject({ escalated: false, reason: 'handled' });
    },
  );

  it('counts from the first submission and trusts the history over the status field', () => {
    const resubmitted = request('stat', ['submitted', 'submitted']);
    resubmitted.history[2]!.at = after(30);
    expect(escalation(resubmitted, after(20))).toMatchObject({
      escalated: true,
      minutesWaiting: 20,
    });
    // A merge left 'submitted' but the history holds the approval: it was acknowledged.
    const merged = request('asap', ['submitted', 'approved']);
    merged.status = 'submitted';
    expect(escalation(merged, after(120)).escalated).toBe(false);
  });

  it('takes a different policy and reads offsets as instants', () => {
    expect(escalation(request('stat'), after(5), { stat: 5 }).escalated).toBe(true);
    expect(escalation(request('urgent'), after(999), { stat: 5 }).escalated).toBe(false);
    // 11:20+01:00 is 10:20Z: 20 minutes after submission.
    expect(escalation(request('stat'), '2026-11-23T11:20:00+01:00')).toMatchObject({
      minutesWaiting: 20,
    });
    expect(escalation(request('stat'), 'not a time')).toMatchObject({ reason: 'unreadable-time' });
  });

  it('escalates exactly when the waiting time reaches the window, for every priority', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REQUEST_PRIORITIES),
        fc.integer({ min: 0, max: 24 * 60 * 60_000 }),
        (priority, waitedMs) => {
          const now = new Date(Date.parse(SUBMITTED) + waitedMs).toISOString();
          const window = DEFAULT_ESCALATION_POLICY[priority];
          const result = escalation(request(priority), now);
          expect(result.escalated).toBe(window !== undefined && waitedMs >= window * 60_000);
          if (result.escalated) expect(result.minutesWaiting).toBe(Math.floor(waitedMs / 60_000));
        },
      ),
    );
  });
});
