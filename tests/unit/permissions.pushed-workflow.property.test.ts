import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RECALL_CASE_STEPS,
  REQUEST_STATUSES,
  type RecallCase,
  type RecallCaseStep,
  type RequestStatus,
  type Role,
  type SupplyRequest,
} from '../../shared/model';
import { checkPushedRecallCase, checkPushedRequest } from '../../shared/permissions';

const ROLE_OF: readonly Role[] = [
  'tech',
  'tech',
  'nurse-manager',
  'supervisor',
  'supervisor',
  'admin',
];
const people = (id: string) => {
  const role = ROLE_OF[Number(id.slice(1))];
  return role
    ? { ok: true as const, person: { id, role } }
    : { ok: false as const, error: { code: 'USER_UNKNOWN' as const, message: 'unknown' } };
};
const at = (i: number) => new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString();

/**
 * The oracle: the recall workflow as DOMAIN.md §4 states it, written out independently. A step
 * repeated right after itself is the same step recorded on two PCs offline, which their merge keeps:
 * it needs only the role (and, for disposal and closing, not the person who quarantined).
 */
function recallAllowed(steps: { step: RecallCaseStep; by: number; units: number }[]): boolean {
  const [first, ...rest] = steps;
  if (!first || first.step !== 'received' || ROLE_OF[first.by] === 'nurse-manager') return false;
  let current = first;
  const quarantiners = new Set<number>();
  let quarantined = 0;
  let matchedUnits = -1;
  for (const s of rest) {
    const role = ROLE_OF[s.by];
    const next: RecallCaseStep[] = {
      received: ['matched'],
      matched: matchedUnits === 0 ? ['located', 'acknowledged'] : ['located'],
      located: ['quarantined'],
      quarantined: ['counted'],
      counted: ['acknowledged'],
      acknowledged: quarantined === 0 ? ['disposed', 'closed'] : ['disposed'],
      disposed: ['closed'],
      closed: [],
    }[current.step] as RecallCaseStep[];
    const again = s.step === current.step;
    if (!again && !next.includes(s.step)) return false;
    const senior = s.step === 'disposed' || s.step === 'closed';
    if (senior ? role !== 'supervisor' && role !== 'admin' : role === 'nurse-manager') return false;
    if (senior && quarantiners.has(s.by)) return false;
    if (s.step === 'matched' && !again) matchedUnits = s.units;
    if (s.step === 'quarantined') {
      quarantiners.add(s.by);
      quarantined = Math.max(quarantined, s.units);
    }
    current = s;
  }
  return true;
}

const naturalOrRandom = <T>(list: readonly T[]) =>
  fc.array(
    fc.record({
      jump: fc.integer({ min: 0, max: 9 }),
      pick: fc.constantFrom(...list),
      by: fc.integer({ min: 0, max: 5 }),
      units: fc.constantFrom(0, 5),
    }),
    { minLength: 1, maxLength: 10 },
  );

describe('recall cases pushed from outside', () => {
  it('are accepted iff the workflow allows the path, its roles and its second person', () => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(naturalOrRandom(RECALL_CASE_STEPS), (draws) => {
        let index = -1;
        const steps = draws.map((d) => {
          // Mostly the natural next step, so valid paths are common; sometimes any step.
          const step = d.jump < 8 ? (RECALL_CASE_STEPS[index + 1] ?? d.pick) : d.pick;
          index = RECALL_CASE_STEPS.indexOf(step);
          return { step, by: d.by, units: d.units };
        });
        const last = steps[steps.length - 1]!;
        const pushed: RecallCase = {
          id: 'RCS-1',
          facilityId: 'FAC-1',
          noticeId: 'RCL-1',
          step: last.step,
          history: steps.map((s, i) => ({
            step: s.step,
            at: at(i),
            by: `P${s.by}`,
            units: s.units,
          })),
          // What a merge of concurrent quarantines keeps: the larger figure.
          quarantinedUnits: Math.max(
            0,
            ...steps.filter((s) => s.step === 'quarantined').map((s) => s.units),
          ),
          ...(steps.some((s) => s.step === 'disposed') ? { disposition: 'destroy' as const } : {}),
        };
        const allowed = recallAllowed(steps);
        expect(checkPushedRecallCase(undefined, pushed, people).ok).toBe(allowed);
        seen[allowed ? 'accepted' : 'refused'] += 1;
      }),
      { numRuns: 2000 },
    );
    expect(Math.min(seen.accepted, seen.refused)).toBeGreaterThan(100);
  });

  it('refuses a case pushed straight to closed', () => {
    const closed: RecallCase = {
      id: 'RCS-1',
      facilityId: 'FAC-1',
      noticeId: 'RCL-1',
      step: 'closed',
      history: [{ step: 'closed', at: at(0), by: 'P3' }],
      quarantinedUnits: 0,
    };
    const result = checkPushedRecallCase(undefined, closed, people);
    expect(result.ok ? '' : result.error.code).toBe('STEP_OUT_OF_ORDER');
  });
});

/**
 * The request machine of DOMAIN.md §7, written out independently, for one line of one unit whose
 * policy demands no approval level (acknowledged → ordered | picking directly, or an optional
 * approval): everything ships and arrives at once, so a second shipment is refused.
 */
const NEXT: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['acknowledged', 'rejected', 'cancelled'],
  acknowledged: ['approved', 'rejected', 'ordered', 'picking', 'cancelled'],
  approved: ['ordered', 'picking', 'rejected', 'cancelled'],
  ordered: ['shipped', 'cancelled'],
  picking: ['shipped', 'cancelled'],
  shipped: ['received'],
  received: [],
  rejected: [],
  cancelled: [],
};
/** The ward's steps two of its PCs may each take offline (written out, not imported). */
const WARD_REPEATS: readonly RequestStatus[] = ['submitted', 'cancelled'];
/** The merge's order of statuses, lowest first (written out, not imported). */
const RANK: readonly RequestStatus[] = [
  'draft',
  'submitted',
  'acknowledged',
  'approved',
  'ordered',
  'picking',
  'shipped',
  'cancelled',
  'rejected',
  'received',
];
const PC_ROLES: Readonly<Record<RequestStatus, readonly Role[]>> = {
  draft: ['tech', 'nurse-manager', 'supervisor', 'admin'],
  submitted: ['tech', 'nurse-manager', 'supervisor', 'admin'],
  cancelled: ['tech', 'nurse-manager', 'supervisor', 'admin'],
  // The ward confirms what reached it, as the stockroom may: closing a line is not stock received.
  received: ['tech', 'nurse-manager', 'supervisor', 'admin'],
  acknowledged: ['supervisor', 'admin'],
  approved: ['supervisor', 'admin'],
  rejected: ['supervisor', 'admin'],
  ordered: [],
  picking: ['tech', 'supervisor', 'admin'],
  shipped: ['tech', 'supervisor', 'admin'],
};

/** What the machine records with each step (reason, policy, level, quantities). */
function details(
  status: RequestStatus,
  acknowledged: boolean,
): Partial<SupplyRequest['history'][number]> {
  switch (status) {
    case 'cancelled':
      return { note: 'Not needed any more' };
    case 'rejected':
      // A rejection records the policy version the acknowledgement applied.
      return acknowledged
        ? { note: 'Not needed any more', policyVersion: 0 }
        : { note: 'Not needed any more' };
    case 'acknowledged':
      return { policyVersion: 0, levels: 0 };
    case 'approved':
      return { policyVersion: 0, level: 1 };
    case 'shipped':
    case 'received':
      return { lines: [{ itemId: 'ITM-1', quantity: 1 }] };
    default:
      return {};
  }
}

/**
 * Whether the i-th step may follow the ones before it. The request stands at the furthest status
 * reached so far; a step follows it by the machine, or follows an earlier status of the path when
 * it outranks where the request stands (taken on a PC while the centre moved the request on) or is
 * the ward's submission or cancellation taken again on a second PC. The role must allow it, and the
 * requester (who drafted or submitted it) never approves it.
 */
function stepAllowed(steps: readonly { status: RequestStatus; by: number }[], i: number): boolean {
  const s = steps[i]!;
  const before = steps.slice(0, i);
  const standing = before
    .map((p) => p.status)
    .reduce((a, b) => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a));
  const follows =
    NEXT[standing].includes(s.status) ||
    ((RANK.indexOf(s.status) > RANK.indexOf(standing) ||
      (WARD_REPEATS.includes(s.status) && before.some((p) => p.status === s.status))) &&
      before.some((p) => NEXT[p.status].includes(s.status)));
  const selfApproval =
    s.status === 'approved' &&
    before.some((p) => p.by === s.by && (p.status === 'draft' || p.status === 'submitted'));
  return follows && PC_ROLES[s.status].includes(ROLE_OF[s.by]!) && !selfApproval;
}

describe('supply requests pushed from outside', () => {
  it('are accepted iff each added step follows the state machine and the role may take it', () => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(naturalOrRandom(REQUEST_STATUSES), (draws) => {
        let previous: RequestStatus | undefined;
        const steps = draws.map((d) => {
          const options = previous === undefined ? ['draft' as const] : NEXT[previous];
          // Mostly a step the machine allows, so valid paths are common; sometimes any status.
          const status =
            d.jump < 8 ? (options[d.by % Math.max(options.length, 1)] ?? d.pick) : d.pick;
          previous = status;
          return { status, by: d.by };
        });
        const first = steps[0]!;
        const pushed: SupplyRequest = {
          id: 'REQ-1',
          facilityId: 'FAC-1',
          kind: 'replenishment',
          priority: 'routine',
          locationId: 'LOC-1',
          lines: [{ itemId: 'ITM-1', quantity: 1 }],
          // Where the path leaves it: the furthest status reached, as the merge keeps it.
          status: steps
            .map((s) => s.status)
            .reduce((a, b) => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a)),
          history: steps.map((s, i) => ({
            status: s.status,
            at: at(i),
            by: `P${s.by}`,
            ...details(
              s.status,
              steps.slice(0, i).some((p) => p.status === 'acknowledged'),
            ),
          })),
          createdBy: `P${first.by}`,
          createdAt: at(0),
        };
        const allowed =
          first.status === 'draft' && steps.every((s, i) => i === 0 || stepAllowed(steps, i));
        expect(checkPushedRequest(undefined, pushed, people).ok).toBe(allowed);
        seen[allowed ? 'accepted' : 'refused'] += 1;
      }),
      { numRuns: 2000 },
    );
    expect(Math.min(seen.accepted, seen.refused)).toBeGreaterThan(100);
  });
});
