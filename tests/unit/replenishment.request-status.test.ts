import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, type RequestStatus, type SupplyRequest } from '../../shared/model';
import { canTransition, transition } from '../../shared/replenishment';
import { draftRequest } from '../fixtures/replenishment/requests';

/** The state machine of the brief, written out independently of the code's table. */
const ALLOWED = new Set([
  'draft→submitted',
  'draft→cancelled',
  'submitted→acknowledged',
  'submitted→rejected',
  'submitted→cancelled',
  'acknowledged→approved',
  'acknowledged→rejected',
  'acknowledged→ordered',
  'acknowledged→picking',
  'acknowledged→cancelled',
  'approved→ordered',
  'approved→picking',
  'approved→cancelled',
  'approved→rejected',
  'ordered→shipped',
  'ordered→cancelled',
  'picking→shipped',
  'picking→cancelled',
  // A further partial shipment, and a receipt.
  'shipped→shipped',
  'shipped→received',
]);

const PAIRS = REQUEST_STATUSES.flatMap((from) => REQUEST_STATUSES.map((to) => [from, to] as const));
const allowed = PAIRS.filter(([from, to]) => ALLOWED.has(`${from}→${to}`));
const forbidden = PAIRS.filter(([from, to]) => !ALLOWED.has(`${from}→${to}`));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A request in `status`; acknowledged under a policy demanding no approval, shipped in part. */
function requestIn(status: RequestStatus): SupplyRequest {
  const entry =
    status === 'acknowledged'
      ? { status, at: '2026-11-02T10:00:00Z', by: 'USR-NM', policyVersion: 0, levels: 0 }
      : status === 'shipped'
        ? {
            status,
            at: '2026-11-02T10:00:00Z',
            by: 'USR-NM',
            lines: [{ itemId: 'ITM-1001', quantity: 100 }],
          }
        : { status, at: '2026-11-02T10:00:00Z', by: 'USR-NM' };
  return deepFreeze(
    draftRequest({
      status,
      history: [
        { status: 'draft', at: '2026-11-02T09:00:00Z', by: 'USR-NM' },
        ...(status === 'draft' ? [] : [entry]),
      ],
    }),
  );
}

const stamp = {
  at: '2026-11-02T11:00:00+01:00',
  by: 'erp:central',
  note: 'ok',
  approval: { policyVersion: 4, levels: 0 },
};

/** What the machine adds to a step of each kind, beyond the stamp. */
function recorded(from: RequestStatus, to: RequestStatus): Record<string, unknown> {
  if (to === 'acknowledged') return { policyVersion: 4, levels: 0 };
  if (to === 'approved') return { level: 1, policyVersion: 0 };
  if (to === 'rejected' && from === 'acknowledged') return { policyVersion: 0 };
  if (to === 'shipped')
    return { lines: [{ itemId: 'ITM-1001', quantity: from === 'shipped' ? 50 : 150 }] };
  if (to === 'received') return { lines: [{ itemId: 'ITM-1001', quantity: 100 }] };
  return {};
}

/** The status after the step: a partial receipt (100 of 150) leaves the request shipped. */
const after = (to: RequestStatus): RequestStatus => (to === 'received' ? 'shipped' : to);

describe('supply-request state machine', () => {
  it('covers all 100 pairs: 20 allowed, 80 forbidden', () => {
    expect(allowed).toHaveLength(20);
    expect(forbidden).toHaveLength(80);
  });

  it.each(allowed)('%s → %s is allowed and recorded', (from, to) => {
    const before = requestIn(from);
    const snapshot = structuredClone(before);
    const result = transition(before, to, stamp);
    expect(canTransition(from, to)).toBe(true);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe(after(to));
    const { approval: _approval, ...entry } = stamp;
    expect(result.value.history).toEqual([
      ...before.history,
      { status: to, ...entry, ...recorded(from, to) },
    ]);
    expect(result.value.lines).toEqual(before.lines);
    expect(before).toEqual(snapshot); // the original is untouched
  });

  it.each(forbidden)('%s → %s is refused in words', (from, to) => {
    const before = requestIn(from);
    const result = transition(before, to, stamp);
    expect(canTransition(from, to)).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_TRANSITION');
    expect(result.error.message).toContain('REQ-7');
    expect(result.error.message).toContain(from);
    expect(result.error.message).toContain(to);
  });

  it('says what is possible instead, and that terminal states are final', () => {
    const fromSubmitted = transition(requestIn('submitted'), 'shipped', stamp);
    expect(!fromSubmitted.ok && fromSubmitted.error.message).toBe(
      'Request REQ-7 is submitted: it cannot go to shipped. From submitted it can only go to acknowledged, rejected or cancelled.',
    );
    const fromReceived = transition(requestIn('received'), 'cancelled', stamp);
    expect(!fromReceived.ok && fromReceived.error.message).toContain('which is final');
  });

  it('walks the whole happy path', () => {
    let request = draftRequest();
    const steps: RequestStatus[] = [
      'submitted',
      'acknowledged',
      'approved',
      'ordered',
      'shipped',
      'received',
    ];
    steps.forEach((to, i) => {
      const next = transition(request, to, {
        at: `2026-11-0${i + 3}T08:00:00Z`,
        by: 'USR-NM',
        approval: { policyVersion: 1, levels: 1 },
      });
      expect(next.ok).toBe(true);
      if (next.ok) request = next.value;
    });
    expect(request.status).toBe('received');
    expect(request.history.map((h) => h.status)).toEqual(['draft', ...steps]);
    expect(request.history.every((h) => !('note' in h))).toBe(true);
  });

  it('keeps history in time order when the PC clock is behind', () => {
    const submitted = transition(requestIn('draft'), 'submitted', {
      at: '2026-11-02T08:59:00Z',
      by: 'USR-NM',
    });
    expect(submitted.ok && submitted.value.history.map((h) => h.status)).toEqual([
      'submitted',
      'draft',
    ]);
  });

  it('refuses a step without a person or with an unreadable time', () => {
    const nobody = transition(requestIn('draft'), 'submitted', { at: stamp.at, by: '  ' });
    const noTime = transition(requestIn('draft'), 'submitted', { at: 'yesterday', by: 'USR-NM' });
    expect(!nobody.ok && nobody.error.code).toBe('TRANSITION_INPUT_INVALID');
    expect(!noTime.ok && noTime.error.code).toBe('TRANSITION_INPUT_INVALID');
  });
});
