import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../shared/model';
import {
  authorize,
  checkMember,
  secondPersonRolesFor,
  stockEventAct,
  type Act,
} from '../../shared/permissions';

const counter = { id: 'USR-TESS', role: 'tech' as Role };

describe('a count or adjustment beyond the tolerance needs a second person', () => {
  it('decides the need from the quantities (5 % or no unit off)', () => {
    expect(stockEventAct({ type: 'count', countedQuantity: 96, expectedQuantity: 100 })).toEqual({
      act: 'stock.count',
      needsSecond: false,
    });
    expect(stockEventAct({ type: 'count', countedQuantity: 0, expectedQuantity: 500 })).toEqual({
      act: 'stock.count',
      needsSecond: true,
    });
    expect(stockEventAct({ type: 'adjust', delta: 2, expectedQuantity: 100 }).needsSecond).toBe(
      false,
    );
    expect(stockEventAct({ type: 'adjust', delta: -900, expectedQuantity: 1000 }).needsSecond).toBe(
      true,
    );
    // An adjustment that does not say what the ledger held is judged against 0.
    expect(stockEventAct({ type: 'adjust', delta: 1 }).needsSecond).toBe(true);
    expect(stockEventAct({ type: 'receive' }).needsSecond).toBe(false);
  });

  const acts: Act[] = ['stock.count', 'stock.adjust'];
  it.each(acts)('%s: no second person is refused', (act) => {
    const result = authorize(act, { actor: counter, needsSecond: true });
    expect(result.ok ? '' : result.error.code).toBe('SECOND_PERSON_REQUIRED');
  });

  it.each(acts)('%s: the person who counted cannot confirm it', (act) => {
    const result = authorize(act, { actor: counter, second: counter, needsSecond: true });
    expect(result.ok ? '' : result.error.code).toBe('SECOND_PERSON_SAME');
  });

  it.each(acts)('%s: a supervisor confirming their own change is still the same person', (act) => {
    const boss = { id: 'USR-SAM', role: 'supervisor' as Role };
    const result = authorize(act, { actor: boss, second: boss, needsSecond: true });
    expect(result.ok ? '' : result.error.code).toBe('SECOND_PERSON_SAME');
  });

  const seconds = acts.flatMap((act) => ROLES.map((role) => ({ act, role })));
  it.each(seconds)('$act confirmed by a $role', ({ act, role }) => {
    const result = authorize(act, {
      actor: counter,
      second: { id: 'USR-OTHER', role },
      needsSecond: true,
    });
    const allowed = role === 'supervisor' || role === 'admin';
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.error.code).toBe('SECOND_PERSON_NOT_PERMITTED');
  });

  it.each(acts)('%s within tolerance needs nobody else', (act) => {
    expect(authorize(act, { actor: counter, needsSecond: false })).toEqual({ ok: true });
  });

  it('only counts and adjustments name second-person roles', () => {
    expect(secondPersonRolesFor('stock.count')).toEqual(['supervisor', 'admin']);
    expect(secondPersonRolesFor('stock.receive')).toEqual([]);
  });
});

describe('segregation of duties', () => {
  const sam = { id: 'USR-SAM', role: 'supervisor' as Role };
  const quarantinedBySam = [{ act: 'recall.quarantined' as Act, by: 'USR-SAM' }];

  it.each(['recall.disposed', 'recall.closed'] as Act[])('who quarantined cannot %s', (act) => {
    const result = authorize(act, { actor: sam, earlier: quarantinedBySam });
    expect(result.ok ? '' : result.error.code).toBe('SEGREGATION_OF_DUTIES');
    expect(
      authorize(act, { actor: { id: 'USR-ALEX', role: 'admin' }, earlier: quarantinedBySam }),
    ).toEqual({ ok: true });
  });

  it('who quarantined a lot cannot dispose of it', () => {
    const earlier = [{ act: 'stock.quarantine' as Act, by: 'USR-SAM' }];
    const result = authorize('stock.dispose', { actor: sam, earlier });
    expect(result.ok ? '' : result.error.code).toBe('SEGREGATION_OF_DUTIES');
  });

  it('a tech who quarantined cannot dispose either: the role refuses first', () => {
    const result = authorize('stock.dispose', {
      actor: counter,
      earlier: [{ act: 'stock.quarantine', by: counter.id }],
    });
    expect(result.ok ? '' : result.error.code).toBe('ROLE_NOT_PERMITTED');
  });
});

describe('the people named are active users of the facility', () => {
  const user = {
    id: 'USR-TESS',
    name: 'Tess',
    role: 'tech' as Role,
    active: true,
    facilityIds: ['FAC-A'],
  };
  it('takes a known, active user of the facility', () => {
    expect(checkMember('USR-TESS', user, 'FAC-A')).toEqual({
      ok: true,
      person: { id: 'USR-TESS', role: 'tech' },
    });
  });
  it.each([
    ['an id no user has', 'USR-GHOST', undefined, 'FAC-A', 'USER_UNKNOWN'],
    ['a switched-off user', 'USR-TESS', { ...user, active: false }, 'FAC-A', 'USER_INACTIVE'],
    ['a user of another facility', 'USR-TESS', user, 'FAC-B', 'USER_NOT_AT_FACILITY'],
    ['a record of another id', 'USR-SAM', user, 'FAC-A', 'USER_UNKNOWN'],
  ] as const)('refuses %s', (_what, id, known, facility, code) => {
    const result = checkMember(id, known, facility, 'second person');
    expect(result.ok ? '' : result.error.code).toBe(code);
  });
});
