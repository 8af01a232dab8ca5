import { describe, expect, it } from 'vitest';
import type { ParLevel, RequestStatus } from '../../shared/model';
import { twoBinSuggestion } from '../../shared/replenishment';
import { draftRequest } from '../fixtures/replenishment/requests';

const bin: ParLevel = {
  id: 'BIN-4',
  facilityId: 'FAC-NORTH',
  locationId: 'LOC-A1',
  itemId: 'ITM-1001',
  method: 'two-bin',
  binQuantity: 120,
};

const binRequest = (id: string, status: RequestStatus, createdAt = '2026-11-02T09:00:00Z') =>
  draftRequest({ id, status, kind: 'two-bin', parLevelId: bin.id, createdAt });

describe('two-bin kanban', () => {
  it('scanning an empty bin card orders the bin quantity, rounded up to packs', () => {
    const result = twoBinSuggestion(bin, 50, []);
    expect(result).toEqual({
      ok: true,
      value: {
        method: 'two-bin',
        parLevelId: 'BIN-4',
        facilityId: 'FAC-NORTH',
        locationId: 'LOC-A1',
        itemId: 'ITM-1001',
        decision: 'order',
        quantity: 150,
        explanation:
          'Bin card scanned: one bin holds 120, order 120, rounded up to 150 (packs of 50).',
        inputs: { binQuantity: 120, orderMultiple: 50 },
      },
    });
  });

  it('a bin that is a whole number of packs is ordered as is', () => {
    const result = twoBinSuggestion({ ...bin, binQuantity: 100 }, 50, []);
    expect(result.ok && result.value.quantity).toBe(100);
    expect(result.ok && result.value.explanation).toBe(
      'Bin card scanned: one bin holds 100, order 100 (packs of 50).',
    );
  });

  it.each(['draft', 'submitted', 'approved', 'ordered', 'shipped'] as const)(
    'a second scan while a request is %s is not ordered twice',
    (status) => {
      const result = twoBinSuggestion(bin, 50, [binRequest('REQ-31', status)]);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.decision).toBe('already-on-order');
      expect(result.value.quantity).toBe(0);
      expect(result.value.inputs.openRequestId).toBe('REQ-31');
      expect(result.value.inputs.openRequestStatus).toBe(status);
      expect(result.value.explanation).toBe(
        `Bin card scanned, but request REQ-31 for this bin is still open (${status}): the bin is not ordered twice.`,
      );
    },
  );

  it.each(['received', 'rejected', 'cancelled'] as const)(
    'a %s request for the bin does not stop a new order',
    (status) => {
      const result = twoBinSuggestion(bin, 50, [binRequest('REQ-31', status)]);
      expect(result.ok && result.value.decision).toBe('order');
    },
  );

  it('requests for other bins do not count', () => {
    const other = draftRequest({ id: 'REQ-40', status: 'submitted', parLevelId: 'BIN-5' });
    const noCard = draftRequest({ id: 'REQ-41', status: 'submitted' });
    const result = twoBinSuggestion(bin, 50, [other, noCard]);
    expect(result.ok && result.value.decision).toBe('order');
  });

  it('names the oldest open request when there are several', () => {
    const requests = [
      binRequest('REQ-52', 'submitted', '2026-11-03T08:00:00Z'),
      binRequest('REQ-51', 'ordered', '2026-11-03T08:00:00+01:00'), // 07:00Z, the oldest
      binRequest('REQ-50', 'cancelled', '2026-11-01T08:00:00Z'),
    ];
    const result = twoBinSuggestion(bin, 50, requests);
    expect(result.ok && result.value.inputs.openRequestId).toBe('REQ-51');
    const reversed = twoBinSuggestion(bin, 50, [...requests].reverse());
    expect(reversed.ok && reversed.value.inputs.openRequestId).toBe('REQ-51');
  });

  it('refuses a level without a bin quantity, another method, and an unknown item', () => {
    const noQty = twoBinSuggestion({ ...bin, binQuantity: undefined }, 50, []);
    const wrong = twoBinSuggestion({ ...bin, method: 'par', par: 5 }, 50, []);
    const unknown = twoBinSuggestion(bin, undefined, []);
    expect(!noQty.ok && noQty.error.code).toBe('PAR_LEVEL_INCOMPLETE');
    expect(!wrong.ok && wrong.error.code).toBe('PAR_METHOD_MISMATCH');
    expect(!unknown.ok && unknown.error.code).toBe('ITEM_NOT_IN_MASTER');
  });
});
