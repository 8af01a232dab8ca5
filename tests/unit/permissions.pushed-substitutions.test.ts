import { describe, expect, it } from 'vitest';
import type { SupplyRequest } from '../../shared/model';
import { checkPushedRequest, type PersonResult } from '../../shared/permissions';
import { decideSubstitute, proposeSubstitutes, transition } from '../../shared/replenishment';
import { draftRequest } from '../fixtures/replenishment/requests';

const ROLES: Record<string, 'nurse-manager' | 'tech' | 'supervisor'> = {
  'USR-NM': 'nurse-manager',
  'USR-NM2': 'nurse-manager',
  'USR-TECH': 'tech',
  'USR-SUP': 'supervisor',
};
const people = (id: string): PersonResult => {
  const role = ROLES[id];
  return role
    ? { ok: true, person: { id, role } }
    : { ok: false, error: { code: 'USER_UNKNOWN', message: `${id} is not a known user.` } };
};

function ok<T>(outcome: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

/** What the centre holds: submitted by the ward, acknowledged, a substitute proposed for ITM-1. */
function atCentre(): SupplyRequest {
  let r = draftRequest({ lines: [{ itemId: 'ITM-1', quantity: 10 }] });
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
      [{ lineItemId: 'ITM-1', itemId: 'ITM-9', quantity: 20, reason: 'backordered' }],
      { at: '2026-11-02T09:30:00Z', by: 'console:buyer' },
    ),
  );
}

const decide = (
  r: SupplyRequest,
  by: string,
  at: string,
  outcome: 'accepted' | 'refused' = 'accepted',
) =>
  ok(
    decideSubstitute(
      r,
      'S1',
      {
        outcome,
        note: 'clinical note',
        ...(outcome === 'refused' ? { refusal: 'wait' as const } : {}),
      },
      { person: { id: by, role: 'nurse-manager' }, at },
    ),
  );

describe('the centre checks the substitutions a PC pushes', () => {
  it('takes a nurse manager’s decision, and a stockroom shipment of the accepted substitute after it', () => {
    const stored = atCentre();
    const accepted = decide(stored, 'USR-NM', '2026-11-02T10:00:00Z');
    expect(checkPushedRequest(stored, accepted, people)).toEqual({ ok: true });
    const picking = ok(
      transition(accepted, 'picking', { at: '2026-11-02T10:10:00Z', by: 'USR-SUP' }),
    );
    const shipped = ok(
      transition(picking, 'shipped', {
        at: '2026-11-02T10:20:00Z',
        by: 'USR-SUP',
        lines: [{ itemId: 'ITM-9', quantity: 20 }],
      }),
    );
    expect(checkPushedRequest(stored, shipped, people)).toEqual({ ok: true });
  });

  it('refuses a decision by a role that may not decide, or by nobody it knows', () => {
    const stored = atCentre();
    const byTech = decide(stored, 'USR-TECH', '2026-11-02T10:00:00Z');
    expect(checkPushedRequest(stored, byTech, people)).toMatchObject({
      ok: false,
      error: { code: 'ROLE_NOT_PERMITTED' },
    });
    const byStranger = decide(stored, 'USR-GHOST', '2026-11-02T10:00:00Z');
    expect(checkPushedRequest(stored, byStranger, people)).toMatchObject({
      ok: false,
      error: { code: 'USER_UNKNOWN' },
    });
  });

  it('refuses a proposal the PC made up, a changed proposal, and a decision without its note', () => {
    const stored = atCentre();
    const madeUp: SupplyRequest = {
      ...stored,
      substitutions: [
        ...(stored.substitutions ?? []),
        { ...stored.substitutions![0]!, id: 'S2', itemId: 'ITM-8' },
      ],
    };
    expect(checkPushedRequest(stored, madeUp, people)).toMatchObject({
      ok: false,
      error: { code: 'SUBSTITUTION_NOT_THE_STOCKROOMS' },
    });
    const changed: SupplyRequest = {
      ...stored,
      substitutions: [{ ...stored.substitutions![0]!, quantity: 200 }],
    };
    expect(checkPushedRequest(stored, changed, people)).toMatchObject({
      ok: false,
      error: { code: 'SUBSTITUTION_REWRITTEN' },
    });
    const accepted = decide(stored, 'USR-NM', '2026-11-02T10:00:00Z');
    const noNote: SupplyRequest = {
      ...accepted,
      substitutions: accepted.substitutions!.map((s) => ({
        ...s,
        decision: { ...s.decision!, note: '' },
      })),
    };
    expect(checkPushedRequest(stored, noNote, people)).toMatchObject({
      ok: false,
      error: { code: 'SUBSTITUTE_DECISION_INVALID' },
    });
    expect(
      checkPushedRequest(
        undefined,
        { ...stored, history: stored.history.slice(0, 1), status: 'draft' },
        people,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'SUBSTITUTION_NOT_THE_STOCKROOMS' },
    });
  });

  it('keeps a decision once recorded: not removed, not replaced by a later one, replaced only by an earlier one', () => {
    const proposed = atCentre();
    const stored = decide(proposed, 'USR-NM', '2026-11-02T10:00:00Z');
    expect(checkPushedRequest(stored, proposed, people)).toMatchObject({
      ok: false,
      error: { code: 'SUBSTITUTION_REWRITTEN' },
    });
    const later = decide(proposed, 'USR-NM2', '2026-11-02T10:30:00Z', 'refused');
    expect(checkPushedRequest(stored, later, people)).toMatchObject({
      ok: false,
      error: { code: 'SUBSTITUTION_REWRITTEN' },
    });
    // Another PC decided earlier, offline: after its merge it pushes the earlier decision.
    const earlier = decide(proposed, 'USR-NM2', '2026-11-02T09:50:00Z', 'refused');
    expect(checkPushedRequest(stored, earlier, people)).toEqual({ ok: true });
  });
});
