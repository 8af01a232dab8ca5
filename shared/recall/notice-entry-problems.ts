import { itemCodeProblems } from '../inventory/item-code-problems';
import type { FieldError, RecallNotice } from '../model';
import { lotRangeProblem } from './lot-range';

/** How far past its issue a notice may take effect: later than this is a typing slip. */
const MOST_DAYS_TO_TAKE_EFFECT = 366;
/** How far ahead of the centre's clock an issue time may be: clocks and time zones differ. */
const CLOCK_SKEW_HOURS = 24;
const HOUR_MS = 3_600_000;

/**
 * What is wrong with a recall notice as the centre receives it, beyond its shape: each of these
 * would let affected units through without anyone being told, so the notice is refused and the
 * sender hears why. A notice that names units in a way the stockroom cannot read for sure (a lot
 * range with ends of other shapes) is still taken: it matches its two ends and the screens say so
 * (lot-range.ts), while a reversed range is plainly the ends swapped.
 *
 * - no product named: it would match no item;
 * - a GTIN with a wrong check digit: no label carries it;
 * - a lot range that starts after it ends, or has an empty end;
 * - an expiry window that ends before it starts;
 * - issued more than a day after `now`, or taking effect more than a year after its issue: issuing
 *   an affected unit before then would not count as issuing a recalled one.
 */
export function recallNoticeProblems(notice: RecallNotice, now: Date): FieldError[] {
  const problems: FieldError[] = [];
  const namesProduct =
    notice.gtins.length + notice.hibccCodes.length + notice.itemIds.length > 0 ||
    notice.catalogNumbers.some((c) => c.trim() !== '');
  if (!namesProduct) {
    problems.push({
      field: 'gtins',
      message:
        'the notice names no product: give at least one GTIN, HIBCC code, item id or catalogue number',
    });
  }
  problems.push(...itemCodeProblems(notice));
  notice.lotRanges.forEach((range, index) => {
    const problem = lotRangeProblem(range);
    if (problem?.code === 'LOT_RANGE_REVERSED' || problem?.code === 'LOT_RANGE_EMPTY_END') {
      problems.push({
        field: `lotRanges[${index}]`,
        message:
          problem.code === 'LOT_RANGE_REVERSED'
            ? `lot range "${problem.from}" to "${problem.to}" starts after it ends: send it with the ends the right way round`
            : `lot range "${problem.from}" to "${problem.to}" has an empty end: send both ends, or list the lots`,
      });
    }
  });
  if (
    notice.expiryFrom !== undefined &&
    notice.expiryTo !== undefined &&
    notice.expiryFrom > notice.expiryTo
  ) {
    problems.push({
      field: 'expiryFrom',
      message: `the expiry window ${notice.expiryFrom} to ${notice.expiryTo} ends before it starts`,
    });
  }
  const issued = Date.parse(notice.issuedAt);
  const effective = Date.parse(notice.effectiveAt);
  if (issued > now.getTime() + CLOCK_SKEW_HOURS * HOUR_MS) {
    problems.push({
      field: 'issuedAt',
      message: `issued ${notice.issuedAt}, which has not come yet: check the date`,
    });
  }
  if (effective > issued + MOST_DAYS_TO_TAKE_EFFECT * 24 * HOUR_MS) {
    problems.push({
      field: 'effectiveAt',
      message: `takes effect ${notice.effectiveAt}, more than a year after it was issued (${notice.issuedAt}): until then issuing an affected unit would not count as issuing a recalled one; check the date`,
    });
  }
  return problems;
}
