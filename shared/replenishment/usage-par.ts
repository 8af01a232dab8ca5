import { fail, succeed, type Outcome } from './result';
import { formatDecimal, formatDays } from './wording';

export interface UsageParInput {
  /** Units issued on each day of the period, one number per day, days with no issue as 0. */
  dailyUsage: readonly number[];
  /** R: days between replenishments. */
  reviewDays: number;
  /** L: days from ordering to the stock being on the shelf. */
  leadTimeDays: number;
  /** Service factor; 1.65 covers about 95% of review periods without a stockout. */
  z?: number;
}

export interface UsageParRecommendation {
  /** Suggested par, whole units, rounded up. */
  par: number;
  /** d̄·(R + L) + z·σ_d·√(R + L) before rounding. */
  exactPar: number;
  meanDailyUsage: number;
  /** Sample standard deviation (n − 1) of the daily usage. */
  stdDevDailyUsage: number;
  days: number;
  reviewDays: number;
  leadTimeDays: number;
  z: number;
  /** d̄·(R + L): what is used, on average, until the next delivery after this one. */
  cycleStock: number;
  /** z·σ_d·√(R + L): the cushion for busier than average days. */
  safetyStock: number;
  explanation: string;
}

export const DEFAULT_SERVICE_FACTOR = 1.65;

function inputProblem(input: UsageParInput, z: number): Outcome<never> | undefined {
  const { dailyUsage, reviewDays, leadTimeDays } = input;
  if (dailyUsage.length === 0) {
    return fail(
      'USAGE_EMPTY',
      'There is no usage history for this item yet: set par by hand for now.',
    );
  }
  const bad = dailyUsage.findIndex((units) => !Number.isFinite(units) || units < 0);
  if (bad >= 0) {
    return fail(
      'USAGE_INVALID',
      `Day ${bad + 1} of the usage history is ${String(dailyUsage[bad])}, not a quantity: correct the history, then ask again.`,
    );
  }
  // One day says nothing about how usage varies, and the sample deviation divides by n − 1.
  if (dailyUsage.length < 2) {
    return fail(
      'USAGE_TOO_SHORT',
      'One day of usage is not enough to suggest a par: wait for at least two days of history.',
    );
  }
  if (!Number.isFinite(reviewDays) || reviewDays <= 0) {
    return fail(
      'REVIEW_DAYS_INVALID',
      `Days between replenishments must be more than 0 (got ${reviewDays}): fix the par level.`,
    );
  }
  if (!Number.isFinite(leadTimeDays) || leadTimeDays < 0) {
    return fail(
      'LEAD_TIME_INVALID',
      `Lead time must be 0 days or more (got ${leadTimeDays}): fix the par level.`,
    );
  }
  if (!Number.isFinite(z) || z < 0) {
    return fail(
      'SERVICE_FACTOR_INVALID',
      `The service factor must be 0 or more (got ${z}); 1.65 covers about 95% of periods.`,
    );
  }
  return undefined;
}

/** Floating-point noise (96.00000000000001) must not add a unit to the suggestion. */
function roundUpUnits(value: number): number {
  return Math.ceil(Number(value.toPrecision(12)));
}

/**
 * Usage-based par (DOMAIN.md §3): par ≈ d̄·(R + L) + z·σ_d·√(R + L). Every figure comes back with
 * the suggestion, and the explanation spells the sum out, so a nurse manager can see why.
 */
export function recommendPar(input: UsageParInput): Outcome<UsageParRecommendation> {
  const z = input.z ?? DEFAULT_SERVICE_FACTOR;
  const problem = inputProblem(input, z);
  if (problem !== undefined) return problem;
  const { dailyUsage, reviewDays, leadTimeDays } = input;

  const days = dailyUsage.length;
  const mean = dailyUsage.reduce((sum, units) => sum + units, 0) / days;
  const squares = dailyUsage.reduce((sum, units) => sum + (units - mean) ** 2, 0);
  const stdDev = Math.sqrt(squares / (days - 1));
  const horizon = reviewDays + leadTimeDays;
  const cycleStock = mean * horizon;
  const safetyStock = z * stdDev * Math.sqrt(horizon);
  const exactPar = cycleStock + safetyStock;
  const par = roundUpUnits(exactPar);

  const explanation =
    `Average use ${formatDecimal(mean)} a day (standard deviation ${formatDecimal(stdDev)}) over ${formatDays(days)}; ` +
    `review every ${formatDays(reviewDays)} + lead time ${formatDays(leadTimeDays)} = ${formatDays(horizon)}. ` +
    `${formatDecimal(mean)} × ${horizon} = ${formatDecimal(cycleStock)}, plus safety stock ` +
    `${z} × ${formatDecimal(stdDev)} × √${horizon} = ${formatDecimal(safetyStock)}, ` +
    `makes ${formatDecimal(exactPar)}: suggested par ${par}.`;

  return succeed({
    par,
    exactPar,
    meanDailyUsage: mean,
    stdDevDailyUsage: stdDev,
    days,
    reviewDays,
    leadTimeDays,
    z,
    cycleStock,
    safetyStock,
    explanation,
  });
}
