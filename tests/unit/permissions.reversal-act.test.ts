import { describe, expect, it } from 'vitest';
import type { StockEvent } from '../../shared/model';
import { reversalAct, stockEventAct } from '../../shared/permissions';

const base = {
  facilityId: 'FAC-1',
  deviceId: 'PC-1',
  deviceSeq: 1,
  actorId: 'USR-T',
  occurredAt: '2026-12-01T10:00:00Z',
  itemId: 'ITM-1',
  lotCode: 'L1',
  locationId: 'LOC-1',
};
const event = (id: string, fields: Partial<StockEvent>): StockEvent =>
  ({ ...base, id, type: 'receive', quantity: 0, ...fields }) as StockEvent;

const receipt = event('E1', { type: 'receive', quantity: 500 });
const hold = event('E2', { type: 'quarantine', quantity: 10, reason: 'hold' });
const release = event('E3', { type: 'release', quantity: 10 });
const undo = (id: string, of: string) => event(id, { type: 'reversal', reverses: of });

describe('reversalAct', () => {
  it('judges cancelling a receipt as taking its units off the shelf', () => {
    expect(reversalAct({ expectedQuantity: 500 }, [receipt])).toEqual({
      act: 'stock.reversal',
      needsSecond: true,
    });
    expect(reversalAct({ expectedQuantity: 100_000 }, [receipt]).needsSecond).toBe(false);
  });

  it('needs the second person when the ledger it was judged against is not said', () => {
    expect(reversalAct({}, [receipt]).needsSecond).toBe(true);
  });

  it('gives the strictest answer when the chain is unknown or cut short', () => {
    expect(reversalAct({ expectedQuantity: 1_000_000 }, [])).toEqual({
      act: 'stock.reversal',
      needsSecond: true,
    });
    expect(reversalAct({ expectedQuantity: 1_000_000 }, [undo('R1', 'E9')]).needsSecond).toBe(true);
  });

  it('calls cancelling a quarantine a release, and restoring it a quarantine', () => {
    expect(reversalAct({}, [hold]).act).toBe('stock.release');
    expect(reversalAct({}, [undo('R1', 'E2'), hold]).act).toBe('stock.quarantine');
    expect(reversalAct({}, [release]).act).toBe('stock.quarantine');
    expect(reversalAct({}, [undo('R1', 'E3'), release]).act).toBe('stock.release');
  });

  it('asks nothing of a reversal whose root moves no units on the shelf', () => {
    const count = event('E4', { type: 'count', countedQuantity: 5, expectedQuantity: 5 });
    expect(reversalAct({}, [count])).toEqual({ act: 'stock.reversal', needsSecond: false });
  });

  it('is what stockEventAct answers for a reversal', () => {
    expect(
      stockEventAct(
        { type: 'reversal', expectedQuantity: 0 },
        { reversedChain: [undo('R1', 'E1'), receipt] },
      ),
    ).toEqual({ act: 'stock.reversal', needsSecond: true });
  });
});
