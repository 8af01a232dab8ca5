import type { RecallClass } from '../../shared/model';
import type { Spread, Stockouts } from '../../shared/indicators';

/** Hours as a stockroom reads them: hours under two days, days beyond. */
export const hoursWords = (h: number): string =>
  h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`;

/**
 * The recall response card's headline and caption. A dash where a figure is missing ("Class I: —
 * to quarantine") left a supervisor guessing whether nothing happened or nothing was measured; the
 * words say which.
 */
export function recallResponseWords(
  byClass: readonly { recallClass: RecallClass; toQuarantined: Spread }[],
  cases: number,
): { figure: string; caption: string } {
  if (cases === 0) {
    return {
      figure: 'No recall cases',
      caption: 'No recall case was opened at this stockroom in this period.',
    };
  }
  const classI = byClass.find((c) => c.recallClass === 'I')?.toQuarantined;
  if (classI?.median != null && classI.p90 != null) {
    return {
      figure: `Class I: ${hoursWords(classI.median)} to quarantine`,
      caption: `median · p90 ${hoursWords(classI.p90)}`,
    };
  }
  const quarantined = byClass.reduce((n, c) => n + c.toQuarantined.count, 0);
  return {
    figure: 'No Class I case quarantined',
    caption:
      quarantined === 0
        ? `${cases} case${cases === 1 ? '' : 's'} in this period, none fully quarantined yet.`
        : `${quarantined} case${quarantined === 1 ? '' : 's'} of other classes quarantined: see the chart.`,
  };
}

/** The urgent-acknowledgement card's caption: the median, or why there is none. */
export function acknowledgementCaption(acknowledged: Spread, requests: number): string {
  if (acknowledged.median !== null) {
    return `median ${Math.round(acknowledged.median)} min to acknowledge`;
  }
  if (requests === 0) return 'No urgent requests in this period.';
  return `None acknowledged yet: ${requests} waiting.`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The stockout card's headline and caption. "0" alone would not say whether the shelves never ran
 * out, nothing was issued to run out of, or the ledger has not been read yet; the words say which.
 */
export function stockoutDaysWords(
  stockouts: Pick<Stockouts, 'stockoutDays' | 'byDay' | 'days' | 'atZero'> | undefined,
  /** Whether anything was issued in the period or the 30 days before it. */
  used: boolean,
): { figure: string; caption: string } {
  if (!stockouts) {
    return {
      figure: 'Reading the ledger…',
      caption: 'The stockout days appear once the last 120 days of stock events are read.',
    };
  }
  const days = stockouts.byDay.length;
  if (stockouts.stockoutDays === 0) {
    return {
      figure: 'No stockout days',
      caption: used
        ? `Everything issued in the 30 days to each day still had stock available at the end of each of the ${days} days.`
        : 'Nothing was issued in this period or the 30 days before it, so nothing could run out.',
    };
  }
  const places = new Set(stockouts.days.map((d) => `${d.locationId}\u0000${d.itemId}`)).size;
  const daysOut = stockouts.byDay.filter((d) => d.itemLocations > 0).length;
  return {
    figure: plural(stockouts.stockoutDays, 'stockout day'),
    caption: `${plural(places, 'item-location')} ran out on ${daysOut} of the ${days} days · ${stockouts.atZero.length} at zero now`,
  };
}
