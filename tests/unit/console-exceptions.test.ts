import { describe, expect, it } from 'vitest';
import {
  ageBand,
  conditionId,
  countByBand,
  exceptionRefusal,
  type ExceptionAct,
  type ExceptionKind,
} from '../../shared/console';

const NOW = '2026-12-03T12:00:00.000Z';
const ago = (ms: number) => new Date(Date.parse(NOW) - ms).toISOString();
const H = 3_600_000;

describe('exception age bands', () => {
  it('puts each age in one band, edges in the older band', () => {
    expect(ageBand(ago(0), NOW)).toBe('under-1h');
    expect(ageBand(ago(H - 1), NOW)).toBe('under-1h');
    expect(ageBand(ago(H), NOW)).toBe('1h-4h');
    expect(ageBand(ago(4 * H), NOW)).toBe('4h-24h');
    expect(ageBand(ago(24 * H), NOW)).toBe('1d-7d');
    expect(ageBand(ago(7 * 24 * H), NOW)).toBe('over-7d');
    // A condition stamped slightly ahead of the centre's clock is new, not unknown.
    expect(ageBand(ago(-5000), NOW)).toBe('under-1h');
  });

  it('counts every band, empty ones as zero', () => {
    expect(countByBand([{ detectedAt: ago(0) }, { detectedAt: ago(30 * H) }], NOW)).toEqual({
      'under-1h': 1,
      '1h-4h': 0,
      '4h-24h': 0,
      '1d-7d': 1,
      'over-7d': 0,
    });
  });

  it('names a condition by its kind and parts', () => {
    expect(conditionId('sequence-gap', 'PC-1', '3-4')).toBe('sequence-gap:PC-1:3-4');
  });
});

describe('who may move an exception', () => {
  const ask = (
    act: ExceptionAct,
    state: 'open' | 'owned' | 'resolved',
    extra: {
      role?: 'admin' | 'buyer' | 'analyst';
      owner?: string | null;
      comment?: string;
      kind?: ExceptionKind;
      outcome?: 'confirmed' | 'dismissed';
    } = {},
  ) =>
    exceptionRefusal({
      role: extra.role ?? 'buyer',
      actor: 'ann',
      act,
      kind: extra.kind ?? 'dead-letter',
      state,
      owner: extra.owner ?? null,
      comment: extra.comment,
      outcome: extra.outcome,
    })?.code;

  it('a usage flag is resolved as a decision: confirmed or dismissed, its note short enough', () => {
    const flag = { kind: 'usage-anomaly' as const, owner: 'ann', comment: 'ward outbreak' };
    expect(ask('resolve', 'owned', flag)).toBe('OUTCOME_REQUIRED');
    expect(ask('resolve', 'owned', { ...flag, outcome: 'dismissed' })).toBeUndefined();
    expect(ask('resolve', 'owned', { ...flag, outcome: 'confirmed' })).toBeUndefined();
    expect(
      ask('resolve', 'owned', { ...flag, outcome: 'confirmed', comment: 'x'.repeat(501) }),
    ).toBe('COMMENT_TOO_LONG');
    expect(ask('resolve', 'owned', { owner: 'ann', comment: 'x', outcome: 'confirmed' })).toBe(
      'OUTCOME_NOT_APPLICABLE',
    );
    // Taking a flag needs no outcome yet.
    expect(ask('take', 'open', { kind: 'usage-anomaly' })).toBeUndefined();
  });

  it('open → owned → resolved by its owner with a comment', () => {
    expect(ask('take', 'open')).toBeUndefined();
    expect(ask('resolve', 'owned', { owner: 'ann', comment: 'fixed' })).toBeUndefined();
    expect(ask('take', 'open', { role: 'admin' })).toBeUndefined();
  });

  it('an analyst reads only', () => {
    expect(ask('take', 'open', { role: 'analyst' })).toBe('ROLE_NOT_PERMITTED');
    expect(ask('resolve', 'owned', { role: 'analyst', owner: 'ann', comment: 'x' })).toBe(
      'ROLE_NOT_PERMITTED',
    );
  });

  it('refuses skipping a step, resolving another’s item, a bare or long comment, and a resolved item', () => {
    expect(ask('resolve', 'open', { comment: 'x' })).toBe('EXCEPTION_NOT_OWNED');
    expect(ask('resolve', 'owned', { owner: 'bob', comment: 'x' })).toBe(
      'EXCEPTION_OWNED_BY_OTHER',
    );
    expect(ask('resolve', 'owned', { owner: 'ann', comment: '  ' })).toBe('COMMENT_REQUIRED');
    expect(ask('resolve', 'owned', { owner: 'ann', comment: 'x'.repeat(2001) })).toBe(
      'COMMENT_TOO_LONG',
    );
    expect(ask('take', 'resolved')).toBe('EXCEPTION_RESOLVED');
    expect(ask('take', 'owned', { owner: 'ann' })).toBe('EXCEPTION_ALREADY_YOURS');
    // Taking over from someone else is a step of the item's history, allowed.
    expect(ask('take', 'owned', { owner: 'bob' })).toBeUndefined();
  });
});
