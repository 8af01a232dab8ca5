import type {
  ParLevel,
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
import { stockNowFromEvents, type StockNow } from './stock-now';
import { stockouts } from './stockouts';

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
  /** Over the period: item-location days out of stock while used (the `stockouts` definition). */
  stockoutDays: number;
  /** Now, not over the period: item-locations out of stock with usage in the last 30 days. */
  stockoutsNow: number;
  /** Now: item-locations with fewer days of cover than their par level's lead time. */
  atRiskNow: number;
  /** Now: units and value on hand whose lot expires within 30 days (and 60, 90: cumulative). */
  expiringUnits30: number;
  expiringValue30: number;
  expiringValue60: number;
  expiringValue90: number;
}

export interface FacilityRecords {
  facilityId: string;
  events: Iterable<StockEvent>;
  requests: readonly SupplyRequest[];
  cases: Iterable<RecallCase>;
  notices: Iterable<Pick<RecallNotice, 'id' | 'class'>>;
  unitCost: (itemId: string) => number | undefined;
  acknowledgeTargets: Partial<Record<RequestPriority, number>>;
  parLevels: Iterable<Pick<ParLevel, 'locationId' | 'itemId' | 'leadTimeDays'>>;
}

/**
 * The records behind a summary with the event-based figures already taken (from kept totals and
 * the centre's balances projection).
 */
export type FacilityRecordsWithFigures = Omit<FacilityRecords, 'events' | 'parLevels'> & {
  eventFigures: EventFigures;
  stock: StockNow;
  stockoutDays: number;
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
  const { events, parLevels, ...rest } = records;
  const list = [...events];
  return facilitySummaryFrom(
    {
      ...rest,
      eventFigures: eventFiguresFromEvents(list, records.unitCost, period),
      stock: stockNowFromEvents(list, parLevels, records.unitCost, now),
      stockoutDays: stockouts(list, period).stockoutDays,
    },
    period,
    now,
  );
}

/** As `facilitySummary`, with the event-based and stock figures given rather than folded. */
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
    stockoutDays: records.stockoutDays,
    stockoutsNow: records.stock.stockoutsNow,
    atRiskNow: records.stock.atRiskNow,
    expiringUnits30: expiringWithin(records.stock, 30).units,
    expiringValue30: expiringWithin(records.stock, 30).value,
    expiringValue60: expiringWithin(records.stock, 60).value,
    expiringValue90: expiringWithin(records.stock, 90).value,
  };
}

function expiringWithin(stock: StockNow, days: number): { units: number; value: number } {
  return stock.expiring.find((band) => band.withinDays === days) ?? { units: 0, value: 0 };
}
