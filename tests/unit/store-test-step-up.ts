import { expect } from 'vitest';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { recordEvents, type WriterContext } from '../../renderer/store/ledger-writer';
import type { StepUpProof } from '../../renderer/session/step-up';

const lot = { itemId: 'ITM-1', lotCode: 'L1', locationId: 'LOC-A1' };

/** A count from 100 to 0: beyond any tolerance, so it needs a second person's badge and PIN. */
const countToZero = {
  ...lot,
  type: 'count' as const,
  quantity: 0,
  countedQuantity: 0,
  expectedQuantity: 100,
};

/**
 * Receives 100 of a lot as `stocker`, then returns a probe: the refusal codes of the count to zero
 * recorded with a given second person (none when it was stored).
 */
export async function countNeedingStepUp(
  db: StockroomDatabase,
  stocker: WriterContext,
  counter: (stepUp: StepUpProof) => WriterContext,
): Promise<(stepUp: StepUpProof) => Promise<string[]>> {
  const stocked = await recordEvents(db, stocker, [
    { ...lot, type: 'receive', quantity: 100, expiry: '2027-06-30' },
  ]);
  expect(stocked.ok).toBe(true);
  return async (stepUp) => {
    const result = await recordEvents(db, counter(stepUp), [countToZero]);
    return result.ok ? [] : result.problems.map((p) => p.code);
  };
}
