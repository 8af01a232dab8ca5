import { describe, expect, it } from 'vitest';
import { onHandFigure } from '../../renderer/components/on-hand-figure';

const lot = [
  { locationId: 'LOC-A1', onHand: 175 },
  { locationId: 'LOC-A2', onHand: 25 },
  { locationId: 'LOC-QC', onHand: 3 },
];

describe('the on-hand figure on an item card', () => {
  it('counts the chosen location only, and names it', () => {
    expect(onHandFigure(lot, { locationId: 'LOC-A2', name: 'Shelf 2' })).toEqual({
      label: 'On hand here',
      units: 25,
      where: 'Shelf 2',
    });
  });

  it('says 0 at a chosen location that holds none of the lot', () => {
    expect(onHandFigure(lot, { locationId: 'LOC-A3', name: 'Shelf 3' }).units).toBe(0);
  });

  it('with no location chosen, is the lot across the facility and never says "here"', () => {
    const figure = onHandFigure(lot, undefined);
    expect(figure).toEqual({ label: 'On hand across the facility', units: 203 });
    expect(figure.label).not.toMatch(/here/);
  });

  it('with no location chosen and none of the lot anywhere, is 0 across the facility', () => {
    expect(onHandFigure([], undefined)).toEqual({
      label: 'On hand across the facility',
      units: 0,
    });
  });
});
