import type {
  RecallCase,
  RecallNotice,
  RequestPriority,
  StockEvent,
  SupplyRequest,
} from '../model';
import { eventFiguresFromEvents, type EventFigures } from './event-day-totals';
import { fillRate } from './fill-rate';
import type { Period } from './period';
import { recallResponse } from './recall-response';
import { acknowledgementTimes, orderCycleTimes } from './request-times';
import { median } from './stats';

/** One facility's headline figures over a period, as the console compares them side by side. */
export interface FacilitySummary {
  facilityId: string;
  countAccuracy: number | null;
  counts: number;
  lineFillRate: number | null;
  unitFillRate: number | null;
  linesDelivered: number;
  /** Submitted → received, every priority, median hours. */
  cycleMedianHours: number | null;
  urgentAcknowledgeMedianMinutes: number | null;
  urgentLate: number;
  wasteUnits: number;
  wasteValue: number;
  classIQuarantineMedianHours: number | null;
}

export interface FacilityRecords {
  facilityId: string;
  events: Iterable<StockEvent>;
  requests: readonly SupplyRequest[];
  cases: Iterable<RecallCase>;
  notices: Iterable<Pick<RecallNotice, 'id' | 'class'>>;
  unitCost: (itemId: string) => number | undefined;
  acknowledgeTargets: Partial<Record<RequestPriority, number>>;
}

/** The records behind a summary with the event-based figures already taken (e.g. from kept totals). */
export type FacilityRecordsWithFigures = Omit<FacilityRecords, 'events'> & {
  eventFigures: EventFigures;
};

/**
 * The headline of each indicator for one facility, from the same pure functions the stockroom
 * dashboard draws (one definition each, shared/indicators): the console's comparison and the ERP's
 * indicators API read exactly what the PC shows.
 */
export function facilitySummary(
  records: FacilityRecords,
  period: Period,
  now: string,
): FacilitySummary {
  const { events, ...rest } = records;
  return facilitySummaryFrom(
    { ...rest, eventFigures: eventFiguresFromEvents(events, records.unitCost, period) },
    period,
    now,
  );
}

/** As `facilitySummary`, with the count and waste figures given rather than folded from events. */
export function facilitySummaryFrom(
  records: FacilityRecordsWithFigures,
  period: Period,
  now: string,
): FacilitySummary {
  const figures = records.eventFigures;
  const fill = fillRate(records.requests, period);
  const cycle = orderCycleTimes(records.requests, period);
  const acknowledgement = acknowledgementTimes(
    records.requests,
    records.acknowledgeTargets,
    period,
    now,
  );
  const recalls = recallResponse(records.cases, records.notices, period);
  return {
    facilityId: records.facilityId,
    countAccuracy: figures.accuracy,
    counts: figures.counts,
    lineFillRate: fill.lineRate,
    unitFillRate: fill.unitRate,
    linesDelivered: fill.lines,
    cycleMedianHours: median(cycle.requests.map((r) => r.hours)),
    urgentAcknowledgeMedianMinutes: acknowledgement.acknowledged.median,
    urgentLate: acknowledgement.late,
    wasteUnits: figures.wasteUnits,
    wasteValue: figures.wasteValue,
    classIQuarantineMedianHours:
      recalls.byClass.find((c) => c.recallClass === 'I')?.toQuarantined.median ?? null,
  };
}
