import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParLevel } from '../../shared/model';
import { locationItemKey, planReplenishment } from '../../shared/replenishment';
import { levelKeys } from '../../shared/replenishment/level-keys';

const FACILITY = 'FAC-NORTH';

function level(n: number, loc: number, item: number): ParLevel {
  return {
    id: `P-${n}`,
    facilityId: FACILITY,
    locationId: `LOC-${loc}`,
    itemId: `ITM-${item}`,
    method: 'par',
    par: 10,
  };
}

/** An edit between two reviews of the same array: the array or a level changed in place. */
const editArb = fc.record({
  kind: fc.constantFrom('replace', 'move-level', 'push', 'pop', 'reverse', 'none' as const),
  at: fc.nat(),
  loc: fc.integer({ min: 0, max: 3 }),
  item: fc.integer({ min: 0, max: 3 }),
});

type Edit = typeof editArb extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(levels: ParLevel[], edit: Edit, n: number): void {
  const at = levels.length === 0 ? 0 : edit.at % levels.length;
  if (edit.kind === 'replace' && levels.length > 0) levels[at] = level(n, edit.loc, edit.item);
  if (edit.kind === 'move-level' && levels.length > 0) {
    // A level object edited in place: same object, other ids.
    Object.assign(levels[at]!, { locationId: `LOC-${edit.loc}`, itemId: `ITM-${edit.item}` });
  }
  if (edit.kind === 'push') levels.push(level(n, edit.loc, edit.item));
  if (edit.kind === 'pop') levels.pop();
  if (edit.kind === 'reverse') levels.reverse();
}

describe('par level keys kept between reviews', () => {
  it('always give the key of the level as it is now, however the array changed (property)', () => {
    const start = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(start, fc.array(editArb, { maxLength: 8 }), (pairs, edits) => {
        const levels = pairs.map(([loc, item], n) => level(n, loc, item));
        let n = levels.length;
        for (const edit of [undefined, ...edits]) {
          if (edit) applyEdit(levels, edit, n++);
          const keys = levelKeys(levels);
          levels.forEach((l, i) => {
            expect(keys.at(i, l)).toBe(locationItemKey(l.locationId, l.itemId));
          });
        }
      }),
    );
  });

  it('a second review of an edited array equals a review of a fresh copy of it', () => {
    const levels = [level(0, 0, 0), level(1, 1, 1), level(2, 0, 1)];
    const available = new Map([
      [locationItemKey('LOC-0', 'ITM-0'), 2],
      [locationItemKey('LOC-1', 'ITM-1'), 50],
      [locationItemKey('LOC-2', 'ITM-2'), 1],
    ]);
    const review = {
      facilityId: FACILITY,
      parLevels: levels,
      available,
      onOrder: new Map<string, number>(),
      orderMultiples: new Map([
        ['ITM-0', 1],
        ['ITM-1', 1],
        ['ITM-2', 1],
      ]),
      ordersOnly: true,
    };
    expect(planReplenishment(review).suggestions.map((s) => s.parLevelId)).toEqual(['P-0', 'P-2']);
    Object.assign(levels[1]!, { locationId: 'LOC-2', itemId: 'ITM-2' }); // now nearly empty
    levels[0] = level(3, 1, 1); // now full
    expect(planReplenishment(review)).toEqual(
      planReplenishment({ ...review, parLevels: [...levels] }),
    );
    expect(planReplenishment(review).suggestions.map((s) => s.parLevelId)).toEqual(['P-1', 'P-2']);
  });
});
