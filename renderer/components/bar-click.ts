import type { ShowCategory } from './indicator-card';

/**
 * Bar props that open the records behind a clicked bar: its category is the datum's `dataKey`
 * value, the same label the records' categories carry.
 */
export function barsOpenRecords(show: ShowCategory, dataKey: string) {
  return {
    cursor: 'pointer',
    onClick: (bar: { payload?: Record<string, unknown> }) => {
      const category = bar.payload?.[dataKey];
      if (typeof category === 'string') show(category);
    },
  };
}
