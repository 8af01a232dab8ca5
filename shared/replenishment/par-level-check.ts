import type { ParLevel, ParMethod } from '../model';
import { fail, type Outcome } from './result';
import { parLevelPlace } from './wording';

/** Par levels come from the centre; the review refuses incomplete ones rather than guess. */
export function wrongMethod<T>(level: ParLevel, expected: ParMethod): Outcome<T> {
  return fail(
    'PAR_METHOD_MISMATCH',
    `Par level ${level.id} (${parLevelPlace(level)}) uses the ${level.method} method, not ${expected}: review it with the ${level.method} rule.`,
  );
}

export function missingField<T>(level: ParLevel, what: string): Outcome<T> {
  return fail(
    'PAR_LEVEL_INCOMPLETE',
    `Par level ${level.id} (${parLevelPlace(level)}) has no ${what}: ask central stores to set it, then sync.`,
  );
}

export function badLevel<T>(level: ParLevel, why: string): Outcome<T> {
  return fail(
    'PAR_LEVEL_INVALID',
    `Par level ${level.id} (${parLevelPlace(level)}): ${why}. Ask central stores to correct it, then sync.`,
  );
}

/** Whole units, as the model declares them; guards data that skipped validation. */
export function isUnits(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}
