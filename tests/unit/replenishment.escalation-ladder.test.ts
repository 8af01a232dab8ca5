import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SupplyRequest } from '../../shared/model';
import {
  escalationLadder,
  ladderMessageOnPc,
  LADDER_RUNGS,
} from '../../shared/replenishment/escalation-ladder';
import { DEFAULT_SERVICE_LEVELS, serviceLevelsOf } from '../../shared/replenishment/service-levels';

const SUBMITTED = '2026-12-04T02:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(SUBMITTED) + minutes * 60_000).toISOString();

function stat(
  steps: { status: SupplyRequest['status']; minute: number }[] = [],
): Pick<SupplyRequest, 'priority' | 'status' | 'history' | 'createdAt'> {
  const history: SupplyRequest['history'] = [
    { status: 'draft', at: SUBMITTED, by: 'USR-NURSE' },
    { status: 'submitted', at: SUBMITTED, by: 'USR-NURSE' },
    ...steps.map((s) => ({ status: s.status, at: at(s.minute), by: 'USR-SUP' })),
  ];
  return {
    priority: 'stat',
    status: history.at(-1)!.status,
    history,
    createdAt: SUBMITTED,
  };
}

describe('the escalation ladder', () => {
  it('climbs one rung per window a STAT request waits unacknowledged, and stops at the ERP', () => {
    const rungs = [14, 15, 29, 30, 40, 45, 60, 600].map(
      (m) => escalationLadder(stat(), DEFAULT_SERVICE_LEVELS, at(m))?.rung,
    );
    expect(rungs).toEqual([
      undefined,
      'reminder',
      'reminder',
      'supervisor',
      'supervisor',
      'exception-queue',
      'erp',
      'erp',
    ]);
    const forty = escalationLadder(stat(), DEFAULT_SERVICE_LEVELS, at(40))!;
    expect(forty.message).toBe('Not acknowledged for 40 min — escalated to the supervisor');
    expect(forty).toMatchObject({ clock: 'acknowledge', step: 2, nextAt: at(45), dueAt: at(15) });
  });

  it('after acknowledgement the delivery clock runs until receipt; a rejected or received request is off the ladder', () => {
    const taken = stat([{ status: 'acknowledged', minute: 5 }]);
    expect(escalationLadder(taken, DEFAULT_SERVICE_LEVELS, at(60))).toBeUndefined();
    expect(escalationLadder(taken, DEFAULT_SERVICE_LEVELS, at(121))).toMatchObject({
      clock: 'deliver',
      rung: 'reminder',
      message: 'Not received after 121 min — reminder sent',
    });
    const received = stat([
      { status: 'acknowledged', minute: 5 },
      { status: 'approved', minute: 6 },
      { status: 'picking', minute: 7 },
      { status: 'shipped', minute: 8 },
      { status: 'received', minute: 9 },
    ]);
    expect(escalationLadder(received, DEFAULT_SERVICE_LEVELS, at(10_000))).toBeUndefined();
    expect(
      escalationLadder(stat([{ status: 'rejected', minute: 3 }]), DEFAULT_SERVICE_LEVELS, at(999)),
    ).toBeUndefined();
  });

  it("a facility's own levels replace the default for that priority only; routine has none unless set", () => {
    const levels = serviceLevelsOf({
      serviceLevels: { stat: { acknowledgeMinutes: 5, deliverMinutes: 30 } },
    });
    expect(escalationLadder(stat(), levels, at(6))?.rung).toBe('reminder');
    expect(levels.asap).toEqual(DEFAULT_SERVICE_LEVELS.asap);
    const routine = { ...stat(), priority: 'routine' as const };
    expect(escalationLadder(routine, levels, at(100_000))).toBeUndefined();
  });

  it('never goes down a rung as time passes, and the same moment gives the same rung (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        (a, b, acknowledgedAt) => {
          const request = stat(
            acknowledgedAt === undefined
              ? []
              : [{ status: 'acknowledged', minute: acknowledgedAt }],
          );
          const [early, late] = a <= b ? [a, b] : [b, a];
          // The request's history fixes the clock (acknowledge or deliver); time only climbs it.
          const step = (m: number) =>
            escalationLadder(request, DEFAULT_SERVICE_LEVELS, at(m))?.step ?? 0;
          expect(step(early)).toBeLessThanOrEqual(step(late));
          expect(step(late)).toBeLessThanOrEqual(LADDER_RUNGS.length);
          expect(escalationLadder(request, DEFAULT_SERVICE_LEVELS, at(late))).toEqual(
            escalationLadder(request, DEFAULT_SERVICE_LEVELS, at(late)),
          );
        },
      ),
    );
  });
});

describe('the ladder in words on a PC', () => {
  it("never says the centre was told of a request that has not reached it; the PC's own rungs stay as they are", () => {
    const words = (minute: number, reachedCentre: boolean) =>
      ladderMessageOnPc(
        escalationLadder(stat(), DEFAULT_SERVICE_LEVELS, at(minute))!,
        reachedCentre,
      );
    expect(words(40, false)).toBe('Not acknowledged for 40 min — escalated to the supervisor');
    expect(words(46, true)).toBe('Not acknowledged for 46 min — escalated to the centre');
    expect(words(46, false)).toBe(
      'Not acknowledged for 46 min — due to go to the centre, but it has not reached it: phone the centre',
    );
    expect(words(61, false)).toContain('has not reached it: phone the centre');
    expect(words(61, true)).toBe(
      'Not acknowledged for 61 min — escalated to the centre and the ERP',
    );
  });
});
