/** Median and 90th percentile of durations or amounts; nearest-rank, so each is a value observed. */
export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
}

/** The q-quantile by nearest rank (q in (0, 1]); null for no values. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** The median proper: the mean of the two middle values of an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

export function spread(values: readonly number[]): Spread {
  return { count: values.length, median: quantile(values, 0.5), p90: quantile(values, 0.9) };
}

/** A share as a fraction in [0, 1]; null when there is nothing to share out. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The largest value; null for none. */
export function maximum(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.max(...values);
}

/** Median, 90th percentile and the worst case: a lag's tail matters as much as its middle. */
export interface TailSpread extends Spread {
  max: number | null;
}

export function tailSpread(values: readonly number[]): TailSpread {
  return { ...spread(values), max: maximum(values) };
}

/**
 * Arithmetic mean and sample standard deviation (n − 1: the deliveries seen are a sample of the
 * supplier's behaviour); the deviation is null below two values, where it says nothing.
 */
export function meanAndDeviation(values: readonly number[]): {
  mean: number | null;
  deviation: number | null;
} {
  if (values.length === 0) return { mean: null, deviation: null };
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  if (values.length < 2) return { mean, deviation: null };
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  return { mean, deviation: Math.sqrt(squares / (values.length - 1)) };
}
