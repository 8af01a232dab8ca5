import type { RecallClass } from '../../shared/model';
import type { Spread } from '../../shared/indicators';

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
