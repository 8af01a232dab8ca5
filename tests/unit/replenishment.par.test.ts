import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParLevel } from '../../shared/model';
import { minMaxSuggestion, parSuggestion } from '../../shared/replenishment';
import { MIN_MAX_EXAMPLES, PAR_EXAMPLES } from '../fixtures/replenishment/review-examples';

const level: ParLevel = {
  id: 'PAR-9',
  facilityId: 'FAC-NORTH',
  locationId: 'LOC-A1',
  itemId: 'ITM-1001',
  method: 'par',
  par: 200,
};
const stock = { available: 10, onOrder: 0, orderMultiple: 10 };

describe('par suggestion: worked examples of DOMAIN.md §3', () => {
  it.each(PAR_EXAMPLES)('$name', (example) => {
    const result = parSuggestion(example.level, example.stock);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.decision).toBe(example.decision);
    expect(result.value.quantity).toBe(example.quantity);
    expect(result.value.shortfall).toBe(example.shortfall);
    expect(result.value.explanation).toBe(example.explanation);
    expect(result.value.inputs).toMatchObject({
      available: example.stock.available,
      onOrder: example.stock.onOrder,
      orderMultiple: example.stock.orderMultiple,
      par: example.level.par,
      reorderPoint: example.level.reorderPoint ?? example.level.par,
      reorderPointIsPar: example.level.reorderPoint === undefined,
    });
  });
});

describe('min/max suggestion: worked examples', () => {
  it.each(MIN_MAX_EXAMPLES)('$name', (example) => {
    const result = minMaxSuggestion(example.level, example.stock);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.decision).toBe(example.decision);
    expect(result.value.quantity).toBe(example.quantity);
    expect(result.value.shortfall).toBe(example.shortfall);
    expect(result.value.explanation).toBe(example.explanation);
    expect(result.value.inputs).toMatchObject({ min: example.level.min, max: example.level.max });
  });
});

describe('par levels and stock the review refuses', () => {
  const cases: [string, ReturnType<typeof parSuggestion>, string][] = [
    ['no par', parSuggestion({ ...level, par: undefined }, stock), 'PAR_LEVEL_INCOMPLETE'],
    [
      'reorder point above par',
      parSuggestion({ ...level, reorderPoint: 250 }, stock),
      'PAR_LEVEL_INVALID',
    ],
    ['fractional par', parSuggestion({ ...level, par: 10.5 }, stock), 'PAR_LEVEL_INVALID'],
    [
      'a min/max level',
      parSuggestion({ ...level, method: 'min-max', min: 1, max: 2 }, stock),
      'PAR_METHOD_MISMATCH',
    ],
    [
      'item not in the item master',
      parSuggestion(level, { ...stock, orderMultiple: undefined }),
      'ITEM_NOT_IN_MASTER',
    ],
    ['pack of 0', parSuggestion(level, { ...stock, orderMultiple: 0 }), 'ITEM_NOT_IN_MASTER'],
    ['available NaN', parSuggestion(level, { ...stock, available: NaN }), 'QUANTITY_INVALID'],
    ['negative on order', parSuggestion(level, { ...stock, onOrder: -1 }), 'QUANTITY_INVALID'],
  ];
  it.each(cases)('%s', (_name, result, code) => {
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/PAR-9|ITM-1001/);
    }
  });

  it('min/max without max, with min above max, or a par level', () => {
    const mm: ParLevel = { ...level, method: 'min-max', min: 20, par: undefined };
    const noMax = minMaxSuggestion(mm, stock);
    const inverted = minMaxSuggestion({ ...mm, max: 10 }, stock);
    const wrong = minMaxSuggestion(level, stock);
    expect(!noMax.ok && noMax.error.code).toBe('PAR_LEVEL_INCOMPLETE');
    expect(!inverted.ok && inverted.error.code).toBe('PAR_LEVEL_INVALID');
    expect(!inverted.ok && inverted.error.message).toContain('min 20 is above max 10');
    expect(!wrong.ok && wrong.error.code).toBe('PAR_METHOD_MISMATCH');
  });
});

describe('par suggestion properties', () => {
  const inputs = fc.record({
    par: fc.integer({ min: 0, max: 5000 }),
    ropShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    available: fc.integer({ min: -50, max: 6000 }),
    onOrder: fc.integer({ min: 0, max: 3000 }),
    orderMultiple: fc.integer({ min: 1, max: 500 }),
  });

  it('orders exactly when the position is at or below the reorder point and below par, in whole packs covering the gap', () => {
    fc.assert(
      fc.property(inputs, ({ par, ropShare, available, onOrder, orderMultiple }) => {
        const reorderPoint = ropShare === undefined ? undefined : Math.floor(par * ropShare);
        const result = parSuggestion(
          { ...level, par, reorderPoint },
          { available, onOrder, orderMultiple },
        );
        if (!result.ok) return false;
        const s = result.value;
        const position = Math.max(available, 0) + onOrder;
        const shouldOrder = position <= (reorderPoint ?? par) && position < par;
        expect(s.decision === 'order').toBe(shouldOrder);
        expect(s.quantity % orderMultiple).toBe(0);
        if (shouldOrder) {
          expect(s.quantity).toBeGreaterThanOrEqual(par - position);
          expect(s.quantity - (par - position)).toBeLessThan(orderMultiple);
          expect(s.explanation).toContain(`= ${position} ≤ reorder point`);
        } else {
          expect(s.quantity).toBe(0);
          expect(s.explanation).toMatch(/no order\.$/);
        }
        return true;
      }),
    );
  });
});
