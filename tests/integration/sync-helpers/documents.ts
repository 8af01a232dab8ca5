import type { StockEvent, SupplyRequest } from '../../../shared/model';
import { SAMPLE_DOCUMENTS } from '../../fixtures/model/sample-documents';
import { uniqueId } from './devices';

export function stockEvent(facilityId: string, overrides: Partial<StockEvent> = {}): StockEvent {
  return {
    ...SAMPLE_DOCUMENTS.stock_events,
    id: uniqueId('EVT'),
    facilityId,
    ...overrides,
  };
}

export function supplyRequest(
  facilityId: string,
  overrides: Partial<SupplyRequest> = {},
): SupplyRequest {
  return {
    ...SAMPLE_DOCUMENTS.supply_requests,
    id: uniqueId('REQ'),
    facilityId,
    ...overrides,
  };
}
