import { describe, expect, it } from 'vitest';
import type { SupplyRequest } from '../../shared/model';
import type { Person } from '../../shared/permissions';
import {
  applyWardSubstituteDecision,
  effectiveLines,
  proposeSubstitutes,
  transition,
} from '../../shared/replenishment';
import { draftRequest } from '../fixtures/replenishment/requests';

const NURSE: Person = { id: 'USR-NM', role: 'nurse-manager' };
const AT = '2026-11-02T11:00:00Z';

function ok<T>(outcome: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

/** One or two lines, submitted and acknowledged, with a substitute proposed for ITM-1. */
function offered(lines: SupplyRequest['lines']): SupplyRequest {
  let r = draftRequest({ lines });
  r = ok(transition(r, 'submitted', { at: '2026-11-02T09:01:00Z', by: 'USR-NM' }));
  r = ok(
    transition(r, 'acknowledged', {
      at: '2026-11-02T09:05:00Z',
      by: 'console:buyer',
      approval: { policyVersion: 1, levels: 0 },
    }),
  );
  return ok(
    proposeSubstitutes(
      r,
      [{ lineItemId: 'ITM-1', itemId: 'ITM-9', quantity: 5, reason: 'ITM-1 backordered' }],
      { at: '2026-11-02T10:00:00Z', by: 'console:buyer' },
    ),
  );
}

describe("the ward's decision applied to the whole request", () => {
  it('accepting replaces the line and leaves the request where it was', () => {
    const r = ok(
      applyWardSubstituteDecision(
        offered([{ itemId: 'ITM-1', quantity: 10 }]),
        'S1',
        { outcome: 'accepted', note: 'Same product, other pack' },
        { person: NURSE, at: AT },
      ),
    );
    expect(r.status).toBe('acknowledged');
    expect(effectiveLines(r)).toEqual([{ itemId: 'ITM-9', quantity: 5 }]);
  });

  it('refusing and cancelling the only line cancels the request, with the note as its reason', () => {
    const r = ok(
      applyWardSubstituteDecision(
        offered([{ itemId: 'ITM-1', quantity: 10 }]),
        'S1',
        { outcome: 'refused', refusal: 'cancel-line', note: 'Not safe for neonates' },
        { person: NURSE, at: AT },
      ),
    );
    expect(r.status).toBe('cancelled');
    expect(r.history.at(-1)).toMatchObject({
      status: 'cancelled',
      by: 'USR-NM',
      note: 'Every line cancelled after refusing substitutes: Not safe for neonates',
    });
  });

  it('refusing and cancelling one of two lines keeps the request open for the other', () => {
    const r = ok(
      applyWardSubstituteDecision(
        offered([
          { itemId: 'ITM-1', quantity: 10 },
          { itemId: 'ITM-2', quantity: 4 },
        ]),
        'S1',
        { outcome: 'refused', refusal: 'cancel-line', note: 'We manage without' },
        { person: NURSE, at: AT },
      ),
    );
    expect(r.status).toBe('acknowledged');
    expect(effectiveLines(r)).toEqual([{ itemId: 'ITM-2', quantity: 4 }]);
  });

  it('a tech may not decide, and nothing is changed', () => {
    const before = offered([{ itemId: 'ITM-1', quantity: 10 }]);
    const outcome = applyWardSubstituteDecision(
      before,
      'S1',
      { outcome: 'accepted', note: 'fine' },
      { person: { id: 'USR-TECH', role: 'tech' }, at: AT },
    );
    expect(outcome.ok).toBe(false);
    expect(before.substitutions?.[0]?.decision).toBeUndefined();
  });
});
