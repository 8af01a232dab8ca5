import { describe, expect, it } from 'vitest';
import type { SupplyRequest } from '../../shared/model';
import { checkPushedRequest } from '../../shared/permissions';
import { mergeRequests, transition } from '../../shared/replenishment';
import { draftRequest } from '../fixtures/replenishment/requests';

const ROLES = { 'USR-NM': 'nurse-manager', 'USR-SUP': 'supervisor' } as const;
const people = (id: string) =>
  id in ROLES
    ? { ok: true as const, person: { id, role: ROLES[id as keyof typeof ROLES] } }
    : { ok: false as const, error: { code: 'USER_UNKNOWN' as const, message: `${id} unknown` } };

function ok<T>(outcome: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

const draft = (): SupplyRequest => draftRequest({ createdBy: 'USR-NM' });

/**
 * Two PCs of one ward hold the same request offline and both submit it, or both cancel it. Each
 * PC's merge keeps both steps; the centre must take that merged version, or the PC and the centre
 * would hold different histories for good (found by the chaos harness, seeds 13 and 15).
 */
describe('the ward takes the same step on two PCs offline', () => {
  it('two submissions: the centre, already further on, takes the second as history', () => {
    const first = ok(
      transition(draft(), 'submitted', { at: '2026-11-02T07:38:00Z', by: 'USR-NM' }),
    );
    const atCentre = ok(
      transition(first, 'acknowledged', {
        at: '2026-11-02T08:00:00Z',
        by: 'erp:chaos:buyer',
        approval: { policyVersion: 0, levels: 1 },
      }),
    );
    const second = ok(
      transition(draft(), 'submitted', { at: '2026-11-02T09:47:00Z', by: 'USR-NM' }),
    );
    const merged = ok(mergeRequests(second, atCentre));
    expect(merged.history.filter((h) => h.status === 'submitted')).toHaveLength(2);
    expect(merged.status).toBe('acknowledged');
    expect(checkPushedRequest(atCentre, merged, people)).toEqual({ ok: true });
  });

  it('two cancellations: the second is kept beside the first', () => {
    const submitted = ok(
      transition(draft(), 'submitted', { at: '2026-11-02T07:00:00Z', by: 'USR-NM' }),
    );
    const cancel = (at: string) =>
      ok(transition(submitted, 'cancelled', { at, by: 'USR-NM', note: 'No longer needed' }));
    const atCentre = cancel('2026-11-02T09:05:00Z');
    const merged = ok(mergeRequests(cancel('2026-11-02T11:52:00Z'), atCentre));
    expect(merged.history.filter((h) => h.status === 'cancelled')).toHaveLength(2);
    expect(checkPushedRequest(atCentre, merged, people)).toEqual({ ok: true });
  });

  it('a repeated step is still checked: a person unknown here cannot submit again', () => {
    const first = ok(
      transition(draft(), 'submitted', { at: '2026-11-02T07:38:00Z', by: 'USR-NM' }),
    );
    const stranger = ok(
      transition(draft(), 'submitted', { at: '2026-11-02T09:47:00Z', by: 'USR-GHOST' }),
    );
    const merged = ok(mergeRequests(stranger, first));
    expect(checkPushedRequest(first, merged, people).ok).toBe(false);
  });

  it('only the ward repeats: a second rejection is still refused', () => {
    const submitted = ok(
      transition(draft(), 'submitted', { at: '2026-11-02T07:00:00Z', by: 'USR-NM' }),
    );
    const reject = (at: string) =>
      ok(transition(submitted, 'rejected', { at, by: 'USR-SUP', note: 'Not stocked' }));
    const atCentre = reject('2026-11-02T09:00:00Z');
    const merged = ok(mergeRequests(reject('2026-11-02T10:00:00Z'), atCentre));
    expect(checkPushedRequest(atCentre, merged, people).ok).toBe(false);
  });

  it('a PC cannot fill the history with repeats: the eleventh submission is refused', () => {
    let atCentre = ok(
      transition(draft(), 'submitted', { at: '2026-11-02T07:00:00Z', by: 'USR-NM' }),
    );
    const again = (minute: number) =>
      ok(
        mergeRequests(
          ok(
            transition(draft(), 'submitted', {
              at: `2026-11-02T08:${String(minute).padStart(2, '0')}:00Z`,
              by: 'USR-NM',
            }),
          ),
          atCentre,
        ),
      );
    for (let minute = 1; minute < 10; minute += 1) {
      const merged = again(minute);
      expect(checkPushedRequest(atCentre, merged, people)).toEqual({ ok: true });
      atCentre = merged;
    }
    expect(atCentre.history.filter((h) => h.status === 'submitted')).toHaveLength(10);
    expect(checkPushedRequest(atCentre, again(10), people).ok).toBe(false);
  });
});
