import { describe, expect, it } from 'vitest';
import { spread } from '../../shared/indicators';
import {
  acknowledgementCaption,
  recallResponseWords,
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
