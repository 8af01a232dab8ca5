import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/model';
import { ACTS, authorize, rolesFor, type Act } from '../../shared/permissions';

const T: Role = 'tech';
const N: Role = 'nurse-manager';
const S: Role = 'supervisor';
const A: Role = 'admin';

/** Written out by hand, so a change to the model's table shows up here as a failing case. */
const ALLOWED: Readonly<Record<Act, readonly Role[]>> = {
  'stock.receive': [T, S, A],
  'stock.transfer': [T, S, A],
  'stock.issue': [T, N, S, A],
  'stock.return': [T, N, S, A],
  'stock.waste': [T, S, A],
  'stock.count': [T, S, A],
  'stock.adjust': [T, S, A],
  'stock.quarantine': [T, S, A],
  'stock.release': [S, A],
  'stock.dispose': [S, A],
  'stock.reversal': [T, S, A],
  'recall.received': [T, S, A],
  'recall.matched': [T, S, A],
  'recall.located': [T, S, A],
  'recall.quarantined': [T, S, A],
  'recall.counted': [T, S, A],
  'recall.acknowledged': [T, S, A],
  'recall.disposed': [S, A],
  'recall.closed': [S, A],
  'request.draft': [T, N, S, A],
  'request.submitted': [T, N, S, A],
  'request.acknowledged': [S, A],
  'request.approved': [S, A],
  'request.approved-second': [A],
  'request.substitution': [N, S, A],
  'request.rejected': [S, A],
  'request.ordered': [],
  'request.picking': [T, S, A],
  'request.shipped': [T, S, A],
  'request.received': [T, N, S, A],
  'request.cancelled': [T, N, S, A],
  'request.urgent': [N, S, A],
  'stock.count-approval': [S, A],
  'delivery.close': [T, S, A],
  'label.print': [T, S, A],
  'anomaly.decide': [S, A],
};

describe('every act names the roles that may take it', () => {
  it('covers every act of the model', () => {
    expect([...ACTS].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  const cases = ACTS.flatMap((act) => ROLES.map((role) => ({ act, role })));
  it.each(cases)('$role → $act', ({ act, role }) => {
    const result = authorize(act, { actor: { id: 'USR-1', role } });
    const allowed = ALLOWED[act].includes(role);
    expect(result.ok).toBe(allowed);
    if (!result.ok) {
      expect(result.error.code).toBe(
        ALLOWED[act].length === 0 ? 'CENTRE_ONLY' : 'ROLE_NOT_PERMITTED',
      );
      expect(result.error.message).toMatch(/[Aa]sk/);
    }
    expect(rolesFor(act).includes(role)).toBe(allowed);
  });

  it('tells a nurse manager who may receive instead', () => {
    const result = authorize('stock.receive', { actor: { id: 'USR-N', role: 'nurse-manager' } });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'ROLE_NOT_PERMITTED',
        message:
          'Your role (nurse manager) cannot receive stock. Ask a tech, supervisor or admin to sign in and do it.',
      },
    });
  });
});
