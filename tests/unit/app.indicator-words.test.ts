import { describe, expect, it } from 'vitest';
import { spread } from '../../shared/indicators';
import {
  acknowledgementCaption,
  recallResponseWords,
  stockoutDaysWords,
} from '../../renderer/components/indicator-words';

const none = spread([]);
const classes = (i: number[], ii: number[] = []) => [
  { recallClass: 'I' as const, toQuarantined: spread(i) },
  { recallClass: 'II' as const, toQuarantined: spread(ii) },
  { recallClass: 'III' as const, toQuarantined: none },
];

describe('the dashboard says why a figure is missing instead of a dash', () => {
  it('no recall case at all', () => {
    expect(recallResponseWords(classes([]), 0)).toEqual({
      figure: 'No recall cases',
      caption: 'No recall case was opened at this stockroom in this period.',
    });
  });
  it('Class I cases quarantined: the median and p90, in hours or days', () => {
    expect(recallResponseWords(classes([2, 4, 6]), 3)).toEqual({
      figure: 'Class I: 4.0 h to quarantine',
      caption: 'median · p90 6.0 h',
    });
    expect(recallResponseWords(classes([72]), 1).figure).toBe('Class I: 3.0 days to quarantine');
  });
  it('cases, but none fully quarantined yet', () => {
    expect(recallResponseWords(classes([]), 2)).toEqual({
      figure: 'No Class I case quarantined',
      caption: '2 cases in this period, none fully quarantined yet.',
    });
  });
  it('only other classes quarantined: the chart has them', () => {
    expect(recallResponseWords(classes([], [5]), 1).caption).toBe(
      '1 case of other classes quarantined: see the chart.',
    );
  });
  it('acknowledgement: the median, nothing asked, or all still waiting', () => {
    expect(acknowledgementCaption(spread([10, 20, 31]), 3)).toBe('median 20 min to acknowledge');
    expect(acknowledgementCaption(none, 0)).toBe('No urgent requests in this period.');
    expect(acknowledgementCaption(none, 1)).toBe('None acknowledged yet: 1 waiting.');
  });
});

describe('the stockout card says why there are no stockout days', () => {
  const quiet = (days: number) => ({
    stockoutDays: 0,
    atZero: [],
    days: [],
    byDay: Array.from({ length: days }, (_, i) => ({ date: `2026-11-${i + 1}`, itemLocations: 0 })),
  });
  it('the ledger is still being read', () => {
    expect(stockoutDaysWords(undefined, true).figure).toBe('Reading the ledger…');
  });
  it('nothing was issued, so nothing could run out', () => {
    expect(stockoutDaysWords(quiet(30), false)).toEqual({
      figure: 'No stockout days',
      caption:
        'Nothing was issued in this period or the 30 days before it, so nothing could run out.',
    });
  });
  it('issued, and never out', () => {
    expect(stockoutDaysWords(quiet(30), true).caption).toBe(
      'Everything issued in the 30 days to each day still had stock available at the end of each of the 30 days.',
    );
  });
  it('the days out, the item-locations and the days they fall on', () => {
    const a = { locationId: 'LOC-A', itemId: 'ITM-1' };
    const b = { locationId: 'LOC-B', itemId: 'ITM-1' };
    const words = stockoutDaysWords(
      {
        stockoutDays: 3,
        atZero: [b],
        days: [
          { date: '2026-11-01', ...a },
          { date: '2026-11-01', ...b },
          { date: '2026-11-02', ...b },
        ],
        byDay: [
          { date: '2026-11-01', itemLocations: 2 },
          { date: '2026-11-02', itemLocations: 1 },
          { date: '2026-11-03', itemLocations: 0 },
        ],
      },
      true,
    );
    expect(words).toEqual({
      figure: '3 stockout days',
      caption: '2 item-locations ran out on 2 of the 3 days · 1 at zero now',
    });
  });
});
