import type { RequestStatus, StockEvent, SupplyRequest } from '../../../shared/model';
import { transition } from '../../../shared/replenishment/request-status';
import { SAMPLE_DOCUMENTS } from '../../fixtures/model/sample-documents';
import { uniqueId, type EnrolledDevice } from './devices';

/**
 * A valid stock event: made on `device` (its facility and its id, as the centre demands of a
 * push) or, given only a facility id, on the sample's PC "DEV-1", which no test server enrols.
 */
export function stockEvent(
  device: string | Pick<EnrolledDevice, 'facilityId' | 'deviceId'>,
  overrides: Partial<StockEvent> = {},
): StockEvent {
  const made =
    typeof device === 'string'
      ? { facilityId: device }
      : { facilityId: device.facilityId, deviceId: device.deviceId };
  return { ...SAMPLE_DOCUMENTS.stock_events, id: uniqueId('EVT'), ...made, ...overrides };
}

const PATH: Partial<Record<RequestStatus, RequestStatus[]>> = {
  draft: ['draft'],
  submitted: ['draft', 'submitted'],
  cancelled: ['draft', 'cancelled'],
};

/**
 * A valid supply request raised by the nurse manager (USR-NM). Given a status a stockroom reaches
 * (draft, submitted, cancelled) and no history, its history is the path there, as the PC's
 * writers record it; the centre replays that path.
 */
export function supplyRequest(
  facilityId: string,
  overrides: Partial<SupplyRequest> = {},
): SupplyRequest {
  const status = overrides.status ?? SAMPLE_DOCUMENTS.supply_requests.status;
  const path = PATH[status];
  const history = path
    ? path.map((s, i) => ({
        status: s,
        at: `2026-11-02T09:0${i}:00Z`,
        by: 'USR-NM',
        ...(s === 'cancelled' ? { note: 'No longer needed' } : {}),
      }))
    : SAMPLE_DOCUMENTS.supply_requests.history;
  return {
    ...SAMPLE_DOCUMENTS.supply_requests,
    id: uniqueId('REQ'),
    facilityId,
    history,
    ...overrides,
  };
}

/** The request moved on one step by `by`, as the PC's request writer records it. */
export function moved(
  request: SupplyRequest,
  to: RequestStatus,
  by = 'USR-NM',
  at = '2026-11-02T10:00:00Z',
): SupplyRequest {
  const next = transition(request, to, {
    at,
    by,
    ...(to === 'cancelled' || to === 'rejected' ? { note: 'No longer needed' } : {}),
    ...(to === 'acknowledged' ? { approval: { policyVersion: 0, levels: 1 } } : {}),
  });
  if (!next.ok) throw new Error(next.error.message);
  return next.value;
}
