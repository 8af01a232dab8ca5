import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DISPOSITIONS,
  RECALL_CASE_STEPS,
  documentValidator,
  type RecallCase,
  type RecallCaseEntry,
} from '../../shared/model';
import { compareCaseEntries, mergeRecallCases, stepIndex } from '../../shared/recall';

// Some instants name one moment with two offsets, so ties in time happen.
const AT = [
  '2026-11-01T10:00:00Z',
  '2026-11-01T11:00:00+01:00',
  '2026-11-01T10:05:00Z',
  '2026-11-01T10:20:00Z',
  '2026-11-01T09:00:00Z',
];

const entryArb: fc.Arbitrary<RecallCaseEntry> = fc.record(
  {
    step: fc.constantFrom(...RECALL_CASE_STEPS),
    at: fc.constantFrom(...AT),
    by: fc.constantFrom('USR-TECH', 'USR-SUP', 'USR-ADMIN'),
    note: fc.constantFrom('shelf A1', 'dock', ''),
    units: fc.integer({ min: 0, max: 40 }),
  },
  { requiredKeys: ['step', 'at', 'by'] },
);

/** One case as some PC holds it: a step and the entries it has seen. */
const caseArb: fc.Arbitrary<RecallCase> = fc
  .record({
    step: fc.constantFrom(...RECALL_CASE_STEPS),
    history: fc.array(entryArb, { maxLength: 6 }),
    quarantinedUnits: fc.integer({ min: 0, max: 40 }),
    disposition: fc.option(fc.constantFrom(...DISPOSITIONS), { nil: undefined }),
  })
  .map(({ step, history, quarantinedUnits, disposition }) => {
    const rc: RecallCase = {
      id: 'RCS-1',
      facilityId: 'FAC-NORTH',
      noticeId: 'RCL-1',
      step,
      history,
      quarantinedUnits,
    };
    if (disposition !== undefined) rc.disposition = disposition;
    return rc;
  });

function merged(a: RecallCase, b: RecallCase): RecallCase {
  const result = mergeRecallCases(a, b);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const entryKey = (e: RecallCaseEntry) =>
  JSON.stringify([e.step, e.at, e.by, e.note ?? null, e.units ?? null]);

describe('recall case merge', () => {
  it('is commutative, associative and idempotent, so every PC reaches the same case', () => {
    fc.assert(
      fc.property(caseArb, caseArb, caseArb, (a, b, c) => {
        expect(merged(a, b)).toEqual(merged(b, a));
        expect(merged(merged(a, b), c)).toEqual(merged(a, merged(b, c)));
        const once = merged(a, b);
        expect(merged(once, once)).toEqual(once);
        expect(merged(once, a)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the furthest step and every entry either PC recorded, once each, in workflow order', () => {
    fc.assert(
      fc.property(caseArb, caseArb, (a, b) => {
        const m = merged(a, b);
        expect(stepIndex(m.step)).toBe(Math.max(stepIndex(a.step), stepIndex(b.step)));
        const keys = m.history.map(entryKey);
        expect(new Set(keys).size).toBe(keys.length);
        for (const e of [...a.history, ...b.history]) expect(keys).toContain(entryKey(e));
        for (let i = 1; i < m.history.length; i += 1) {
          expect(compareCaseEntries(m.history[i - 1]!, m.history[i]!)).toBeLessThan(0);
        }
        expect(m.quarantinedUnits).toBe(Math.max(a.quarantinedUnits, b.quarantinedUnits));
        if (a.disposition ?? b.disposition) expect(m.disposition).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('gives a document the schema accepts', () => {
    const validator = documentValidator('recall_cases');
    fc.assert(
      fc.property(caseArb, caseArb, (a, b) => {
        expect(validator.validate(merged(a, b)).ok).toBe(true);
      }),
    );
  });

  it('refuses to merge two different cases', () => {
    const a: RecallCase = {
      id: 'RCS-1',
      facilityId: 'FAC-NORTH',
      noticeId: 'RCL-1',
      step: 'received',
      history: [],
      quarantinedUnits: 0,
    };
    const result = mergeRecallCases(a, { ...a, noticeId: 'RCL-2' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('MERGE_DIFFERENT_CASES');
  });

  it('a worked example: two PCs matched offline, one went on to locate', () => {
    const received: RecallCaseEntry = {
      step: 'received',
      at: '2026-11-01T10:00:00Z',
      by: 'USR-TECH',
    };
    const a: RecallCase = {
      id: 'RCS-1',
      facilityId: 'FAC-NORTH',
      noticeId: 'RCL-1',
      step: 'located',
      history: [
        received,
        { step: 'located', at: '2026-11-01T10:20:00Z', by: 'USR-TECH' },
        { step: 'matched', at: '2026-11-01T10:05:00Z', by: 'USR-TECH', units: 12 },
      ],
      quarantinedUnits: 0,
    };
    const b: RecallCase = {
      ...a,
      step: 'matched',
      history: [
        received,
        { step: 'matched', at: '2026-11-01T10:07:00Z', by: 'USR-SUP', units: 12 },
      ],
    };
    const m = merged(a, b);
    expect(m.step).toBe('located');
    expect(m.history.map((e) => `${e.step}@${e.at.slice(11, 16)}:${e.by}`)).toEqual([
      'received@10:00:USR-TECH',
      'matched@10:05:USR-TECH',
      'matched@10:07:USR-SUP',
      'located@10:20:USR-TECH',
    ]);
  });
});
