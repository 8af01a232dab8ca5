import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_APPROVAL_POLICY,
  approvalRequirement,
  type PolicyRules,
} from '../../shared/replenishment';

const policy: PolicyRules = {
  version: 7,
  valueAbove: 1000,
  quantityAbove: 100,
  nonStockNeedsApproval: true,
  controlledItemIds: ['ITM-MORPH'],
  secondLevelValueAbove: 5000,
};
const COSTS: Record<string, number> = { 'ITM-GLOVE': 0.5, 'ITM-PUMP': 900, 'ITM-MORPH': 2 };
const facts = {
  unitCost: (id: string) => COSTS[id],
  stockedAtLocation: (id: string) => id !== 'ITM-PUMP',
};
const lines = (...l: [string, number][]) => ({
  lines: l.map(([itemId, quantity]) => ({ itemId, quantity })),
});

describe('approval policy', () => {
  it('a routine stocked request under every threshold needs nobody', () => {
    expect(approvalRequirement(lines(['ITM-GLOVE', 100]), policy, facts)).toEqual({
      policyVersion: 7,
      levels: 0,
      reasons: [],
    });
  });

  it('one level for value, quantity, an unstocked item or a controlled category, each said', () => {
    const byValue = approvalRequirement(
      lines(['ITM-MORPH', 100], ['ITM-GLOVE', 100]),
      {
        ...policy,
        valueAbove: 200,
        controlledItemIds: [],
      },
      facts,
    );
    expect(byValue.levels).toBe(1);
    expect(byValue.reasons).toEqual(['worth 250.00, above 200.00']);
    expect(approvalRequirement(lines(['ITM-GLOVE', 101]), policy, facts).reasons).toEqual([
      '101 × ITM-GLOVE, more than 100 units',
    ]);
    expect(approvalRequirement(lines(['ITM-PUMP', 1]), policy, facts).reasons).toEqual([
      'ITM-PUMP is not stocked at this location (no par level)',
    ]);
    expect(approvalRequirement(lines(['ITM-MORPH', 1]), policy, facts).reasons).toEqual([
      'ITM-MORPH is in a controlled category',
    ]);
  });

  it('a second level above the higher threshold', () => {
    const big = approvalRequirement(lines(['ITM-PUMP', 6]), policy, facts); // 5400.00
    expect(big.levels).toBe(2);
    expect(big.reasons).toContain('worth more than 5000.00: a second level approves too');
    const justUnder = approvalRequirement(lines(['ITM-PUMP', 5]), policy, facts); // 4500.00
    expect(justUnder.levels).toBe(1);
  });

  it('the built-in version 0 asks a person for anything unstocked or costly', () => {
    expect(approvalRequirement(lines(['ITM-PUMP', 1]), DEFAULT_APPROVAL_POLICY, facts).levels).toBe(
      1,
    );
    expect(
      approvalRequirement(lines(['ITM-PUMP', 12]), DEFAULT_APPROVAL_POLICY, facts).levels,
    ).toBe(2);
  });

  it('property: more of anything never needs fewer levels; a stricter policy never fewer', () => {
    const item = fc.constantFrom('ITM-GLOVE', 'ITM-PUMP', 'ITM-MORPH', 'ITM-NEW');
    const line = fc.record({ itemId: item, quantity: fc.integer({ min: 1, max: 1000 }) });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 500 }),
        (requested, which, extra) => {
          const base = approvalRequirement({ lines: requested }, policy, facts);
          const index = which % requested.length;
          const more = requested.map((l, i) =>
            i === index ? { ...l, quantity: l.quantity + extra } : l,
          );
          expect(approvalRequirement({ lines: more }, policy, facts).levels).toBeGreaterThanOrEqual(
            base.levels,
          );
          const stricter = { ...policy, valueAbove: 0, secondLevelValueAbove: 1 };
          expect(
            approvalRequirement({ lines: requested }, stricter, facts).levels,
          ).toBeGreaterThanOrEqual(base.levels);
          expect(base.levels === 0).toBe(base.reasons.length === 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
