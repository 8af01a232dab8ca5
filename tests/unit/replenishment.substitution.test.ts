import { describe, expect, it } from 'vitest';
import type { Balance } from '../../shared/inventory/balance';
import type { SupplyRequest } from '../../shared/model';
import type { Person } from '../../shared/permissions';
import {
  decideSubstitute,
  effectiveLines,
  lineProgress,
  mergeRequests,
  openSubstitutions,
  proposeSubstitutes,
  substitutionStates,
  transition,
} from '../../shared/replenishment';
import { buildPickList } from '../../shared/replenishment/pick-list';
import { draftRequest } from '../fixtures/replenishment/requests';

const NURSE: Person = { id: 'USR-NM', role: 'nurse-manager' };
const TECH: Person = { id: 'USR-TECH', role: 'tech' };
const BUYER = { at: '2026-11-02T10:00:00Z', by: 'console:buyer' };

function ok<T>(outcome: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.value;
}

/** Two lines, submitted, acknowledged and approved: the centre cannot get ITM-1. */
function approvedRequest(): SupplyRequest {
  let r = draftRequest({
    lines: [
      { itemId: 'ITM-1', quantity: 10 },
      { itemId: 'ITM-2', quantity: 4 },
    ],
  });
  r = ok(transition(r, 'submitted', { at: '2026-11-02T09:01:00Z', by: 'USR-NM' }));
  r = ok(
    transition(r, 'acknowledged', {
      at: '2026-11-02T09:05:00Z',
      by: 'console:buyer',
      approval: { policyVersion: 1, levels: 0 },
    }),
  );
  return r;
}

const substitute = {
  lineItemId: 'ITM-1',
  itemId: 'ITM-9',
  quantity: 20,
  reason: 'ITM-1 backordered; ITM-9 is the 5 ml pack',
};

function proposed(): SupplyRequest {
  return ok(proposeSubstitutes(approvedRequest(), [substitute], BUYER));
}

describe('the centre proposes substitutes', () => {
  it('records each proposal with its reason and who proposed it, without touching the lines', () => {
    const r = ok(
      proposeSubstitutes(
        approvedRequest(),
        [substitute, { ...substitute, itemId: 'ITM-8', quantity: 10 }],
        BUYER,
      ),
    );
    expect(r.substitutions?.map((s) => [s.id, s.itemId, s.proposedBy])).toEqual([
      ['S1', 'ITM-9', 'console:buyer'],
      ['S2', 'ITM-8', 'console:buyer'],
    ]);
    expect(r.lines).toEqual(approvedRequest().lines);
    expect(effectiveLines(r)).toEqual(r.lines);
    expect(openSubstitutions(r)).toHaveLength(2);
  });

  it.each([
    ['a line the request does not have', { lineItemId: 'ITM-5' }, 'SUBSTITUTE_LINE_UNKNOWN'],
    ['the item asked for itself', { itemId: 'ITM-1' }, 'SUBSTITUTE_INVALID'],
    ['an item already on another line', { itemId: 'ITM-2' }, 'SUBSTITUTE_INVALID'],
    ['no reason', { reason: '  ' }, 'REASON_REQUIRED'],
  ])('refuses %s', (_case, change, code) => {
    const outcome = proposeSubstitutes(approvedRequest(), [{ ...substitute, ...change }], BUYER);
    expect(outcome).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses a draft, a finished request, a line already shipped and a repeat of an open proposal', () => {
    expect(proposeSubstitutes(draftRequest(), [substitute], BUYER)).toMatchObject({
      ok: false,
      error: { code: 'SUBSTITUTION_NOT_OPEN' },
    });
    const shipped = ok(
      transition(
        ok(transition(approvedRequest(), 'picking', { at: '2026-11-02T09:10:00Z', by: 'x' })),
        'shipped',
        { at: '2026-11-02T09:20:00Z', by: 'x', lines: [{ itemId: 'ITM-1', quantity: 2 }] },
      ),
    );
    expect(proposeSubstitutes(shipped, [substitute], BUYER)).toMatchObject({
      ok: false,
      error: { code: 'SUBSTITUTE_LINE_SHIPPED' },
    });
    // ITM-2 has nothing shipped: it can still be substituted on a partly shipped request.
    expect(proposeSubstitutes(shipped, [{ ...substitute, lineItemId: 'ITM-2' }], BUYER).ok).toBe(
      true,
    );
    expect(proposeSubstitutes(proposed(), [substitute], BUYER)).toMatchObject({
      ok: false,
      error: { code: 'SUBSTITUTE_ALREADY_PROPOSED' },
    });
    expect(
      proposeSubstitutes(proposed(), [{ ...substitute, lineItemId: 'ITM-2' }], BUYER),
    ).toMatchObject({ ok: false, error: { code: 'SUBSTITUTE_INVALID' } });
  });
});

describe('the ward decides', () => {
  const at = '2026-11-02T11:00:00Z';

  it('accepting replaces the line: the substitute is then what is picked, shipped and received', () => {
    const r = ok(
      decideSubstitute(
        proposed(),
        'S1',
        { outcome: 'accepted', note: 'Same drug, smaller pack' },
        { person: NURSE, at },
      ),
    );
    expect(r.substitutions?.[0]?.decision).toEqual({
      outcome: 'accepted',
      at,
      by: 'USR-NM',
      note: 'Same drug, smaller pack',
    });
    expect(effectiveLines(r)).toEqual([
      { itemId: 'ITM-9', quantity: 20 },
      { itemId: 'ITM-2', quantity: 4 },
    ]);
    expect(substitutionStates(r).get('S1')).toBe('accepted');
    expect(openSubstitutions(r)).toEqual([]);
    const picking = ok(transition(r, 'picking', { at, by: 'x' }));
    const shipped = ok(
      transition(picking, 'shipped', { at, by: 'x', lines: [{ itemId: 'ITM-9', quantity: 20 }] }),
    );
    expect(lineProgress(shipped).find((l) => l.itemId === 'ITM-9')).toMatchObject({
      requested: 20,
      shipped: 20,
    });
    // The item asked for is no longer a line: shipping it is refused.
    expect(
      transition(picking, 'shipped', { at, by: 'x', lines: [{ itemId: 'ITM-1', quantity: 1 }] }),
    ).toMatchObject({ ok: false, error: { code: 'QUANTITY_BEYOND_OUTSTANDING' } });
  });

  it('a substitute waiting for the ward is never picked nor shipped', () => {
    const r = ok(transition(proposed(), 'picking', { at, by: 'x' }));
    expect(
      transition(r, 'shipped', { at, by: 'x', lines: [{ itemId: 'ITM-9', quantity: 1 }] }),
    ).toMatchObject({ ok: false, error: { code: 'QUANTITY_BEYOND_OUTSTANDING' } });
    const balance: Balance = {
      locationId: 'LOC-A1',
      itemId: 'ITM-9',
      lotCode: 'L9',
      expiry: '2028-01-01',
      onHand: 50,
      quarantined: 0,
      lastEventId: 'EV-1',
      lastOccurredAt: at,
    };
    const list = buildPickList(
      r,
      [balance],
      '2026-11-02',
      () => false,
      () => true,
    );
    expect(list.map((l) => l.itemId)).toEqual(['ITM-1', 'ITM-2']);
  });

  it('refusing keeps the line waiting, or cancels it, as the ward chooses', () => {
    const waiting = ok(
      decideSubstitute(
        proposed(),
        'S1',
        { outcome: 'refused', refusal: 'wait', note: 'Latex allergy on the ward' },
        { person: NURSE, at },
      ),
    );
    expect(effectiveLines(waiting)).toEqual(approvedRequest().lines);
    expect(substitutionStates(waiting).get('S1')).toBe('refused');
    const cancelled = ok(
      decideSubstitute(
        proposed(),
        'S1',
        { outcome: 'refused', refusal: 'cancel-line', note: 'Not needed any more' },
        { person: NURSE, at },
      ),
    );
    expect(effectiveLines(cancelled)).toEqual([{ itemId: 'ITM-2', quantity: 4 }]);
  });

  it('refuses a role that may not decide, a missing note, a missing refusal choice and a second decision', () => {
    expect(
      decideSubstitute(
        proposed(),
        'S1',
        { outcome: 'accepted', note: 'fine' },
        { person: TECH, at },
      ),
    ).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_PERMITTED' } });
    expect(
      decideSubstitute(proposed(), 'S1', { outcome: 'accepted', note: ' ' }, { person: NURSE, at }),
    ).toMatchObject({ ok: false, error: { code: 'SUBSTITUTE_DECISION_INVALID' } });
    expect(
      decideSubstitute(proposed(), 'S1', { outcome: 'refused', note: 'no' }, { person: NURSE, at }),
    ).toMatchObject({ ok: false, error: { code: 'SUBSTITUTE_DECISION_INVALID' } });
    const once = ok(
      decideSubstitute(
        proposed(),
        'S1',
        { outcome: 'accepted', note: 'fine' },
        { person: NURSE, at },
      ),
    );
    expect(
      decideSubstitute(
        once,
        'S1',
        { outcome: 'refused', refusal: 'wait', note: 'no' },
        { person: NURSE, at },
      ),
    ).toMatchObject({ ok: false, error: { code: 'SUBSTITUTION_NOT_OPEN' } });
    expect(
      decideSubstitute(once, 'S9', { outcome: 'accepted', note: 'x' }, { person: NURSE, at }),
    ).toMatchObject({ ok: false, error: { code: 'SUBSTITUTION_NOT_OPEN' } });
  });

  it('a proposal lapses when the item asked for is shipped on its line meanwhile', () => {
    const picking = ok(transition(proposed(), 'picking', { at, by: 'x' }));
    const shipped = ok(
      transition(picking, 'shipped', { at, by: 'x', lines: [{ itemId: 'ITM-1', quantity: 10 }] }),
    );
    expect(substitutionStates(shipped).get('S1')).toBe('lapsed');
    expect(
      decideSubstitute(shipped, 'S1', { outcome: 'accepted', note: 'ok' }, { person: NURSE, at }),
    ).toMatchObject({ ok: false, error: { code: 'SUBSTITUTION_NOT_OPEN' } });
  });
});

describe('two PCs of the ward decide offline', () => {
  const two = () =>
    ok(
      proposeSubstitutes(
        approvedRequest(),
        [substitute, { ...substitute, itemId: 'ITM-8', quantity: 10 }],
        BUYER,
      ),
    );

  it('the merge keeps the earlier decision on one proposal, whichever way round', () => {
    const early = ok(
      decideSubstitute(
        two(),
        'S1',
        { outcome: 'accepted', note: 'ok' },
        { person: NURSE, at: '2026-11-02T11:00:00Z' },
      ),
    );
    const late = ok(
      decideSubstitute(
        two(),
        'S1',
        { outcome: 'refused', refusal: 'wait', note: 'no' },
        { person: { id: 'USR-NM2', role: 'nurse-manager' }, at: '2026-11-02T11:05:00Z' },
      ),
    );
    const ab = ok(mergeRequests(early, late));
    expect(ab).toStrictEqual(ok(mergeRequests(late, early)));
    expect(ab.substitutions?.[0]?.decision?.outcome).toBe('accepted');
    expect(effectiveLines(ab)[0]).toEqual({ itemId: 'ITM-9', quantity: 20 });
  });

  it('two acceptances on one line: the earlier stands, the other is superseded; a shipped one stands first', () => {
    const a = ok(
      decideSubstitute(
        two(),
        'S2',
        { outcome: 'accepted', note: 'ok' },
        { person: NURSE, at: '2026-11-02T11:00:00Z' },
      ),
    );
    const b = ok(
      decideSubstitute(
        two(),
        'S1',
        { outcome: 'accepted', note: 'ok' },
        { person: NURSE, at: '2026-11-02T11:30:00Z' },
      ),
    );
    const merged = ok(mergeRequests(a, b));
    expect(substitutionStates(merged)).toEqual(
      new Map([
        ['S1', 'superseded'],
        ['S2', 'accepted'],
      ]),
    );
    // PC b's stockroom already shipped its accepted substitute: what left the shelf is counted.
    const bShipped = ok(
      transition(ok(transition(b, 'picking', { at: '2026-11-02T11:31:00Z', by: 'x' })), 'shipped', {
        at: '2026-11-02T11:40:00Z',
        by: 'x',
        lines: [{ itemId: 'ITM-9', quantity: 20 }],
      }),
    );
    const shippedMerge = ok(mergeRequests(a, bShipped));
    expect(shippedMerge).toStrictEqual(ok(mergeRequests(bShipped, a)));
    expect(substitutionStates(shippedMerge).get('S1')).toBe('accepted');
    expect(lineProgress(shippedMerge)[0]).toMatchObject({ itemId: 'ITM-9', shipped: 20 });
  });
});
