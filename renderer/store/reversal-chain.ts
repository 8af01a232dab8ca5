import type { StockEvent } from '../../shared/model';
import { REVERSAL_CHAIN_LIMIT } from '../../shared/permissions';
import type { StockroomDatabase } from './collections';

/**
 * What a reversal names, what that names, and so on, from this write's earlier events or the
 * store: the permission model judges a reversal by the effect it cancels (reversal-act.ts).
 */
export async function reversedChain(
  db: StockroomDatabase,
  reversal: StockEvent,
  earlierInWrite: readonly StockEvent[],
): Promise<StockEvent[]> {
  const chain: StockEvent[] = [];
  let next = reversal.reverses;
  while (next !== undefined && chain.length < REVERSAL_CHAIN_LIMIT) {
    const id = next;
    const found =
      earlierInWrite.find((e) => e.id === id) ??
      (await db.stock_events.findOne(id).exec())?.toMutableJSON();
    if (!found) break;
    chain.push(found);
    next = found.type === 'reversal' ? found.reverses : undefined;
  }
  return chain;
}
