import {
  DEFAULT_COUNT_TOLERANCE,
  varianceReport,
  type CountTolerance,
} from '../inventory/count-reconciliation';
import { isoDateFromDays } from '../inventory/calendar';
import type { StockEvent } from '../model';
import { countAccuracy, countRecordOf, isAccuracyCount } from './count-accuracy';
import { unitsWastedToExpiry, expiryWasteByMonth } from './expiry-waste';
import { dayOf, inPeriod, type Period } from './period';
import { share } from './stats';

/**
 * What the stock events of one facility, one UTC day and one item add to the event-based headline
 * figures (count accuracy and expiry waste). Sums of these are what the centre keeps as events are
 * written, so the network's figures read a few rows per facility and day instead of every event:
 * each event adds to exactly one total, and totals only ever add.
 */
export interface EventDayTotal {
  facilityId: string;
  /** YYYY-MM-DD, the UTC day the event names (as the indicators' periods count days). */
  day: string;
  itemId: string;
  counts: number;
  countsWithin: number;
  wasteUnits: number;
}

/** The event-based headline figures of a facility over a period. */
export interface EventFigures {
  counts: number;
  withinTolerance: number;
  accuracy: number | null;
  wasteUnits: number;
  wasteValue: number;
}

/**
 * One event's share of the totals; undefined when it adds to no figure (an issue, a receipt, an
 * approval repeating its count, an event whose time is not a date). Counted exactly as
 * `countAccuracy` and `expiryWasteByMonth` count, which the fold-agreement test holds to.
 */
export function eventDayTotal(
  event: StockEvent,
  tolerance: CountTolerance = DEFAULT_COUNT_TOLERANCE,
): EventDayTotal | undefined {
  const day = dayOf(event.occurredAt);
  if (day === undefined) return undefined;
  const wasteUnits = unitsWastedToExpiry(event);
  const counted = isAccuracyCount(event);
  if (!counted && wasteUnits === 0) return undefined;
  const within =
    counted && varianceReport([countRecordOf(event)], { tolerance }).lines[0]?.withinTolerance;
  return {
    facilityId: event.facilityId,
    day: isoDateFromDays(day),
    itemId: event.itemId,
    counts: counted ? 1 : 0,
    countsWithin: within ? 1 : 0,
    wasteUnits,
  };
}

const keyOf = (t: Pick<EventDayTotal, 'facilityId' | 'day' | 'itemId'>) =>
  `${t.facilityId}\u0000${t.day}\u0000${t.itemId}`;

/** Events folded into their totals, one per facility, day and item that any event added to. */
export function foldEventDayTotals(events: Iterable<StockEvent>): EventDayTotal[] {
  const totals = new Map<string, EventDayTotal>();
  for (const event of events) {
    const part = eventDayTotal(event);
    if (!part) continue;
    const key = keyOf(part);
    const total = totals.get(key);
    if (!total) totals.set(key, part);
    else {
      total.counts += part.counts;
      total.countsWithin += part.countsWithin;
      total.wasteUnits += part.wasteUnits;
    }
  }
  return [...totals.values()];
}

/** The totals whose day falls in the period. */
export function totalsInPeriod<T extends Pick<EventDayTotal, 'day'>>(
  totals: Iterable<T>,
  period: Period,
): T[] {
  return [...totals].filter((t) => inPeriod(t.day, period));
}

/**
 * The figures from totals already chosen for the period (or summed over it, per item: the value
 * needs the item). Item cost is today's, as the direct fold values waste.
 */
export function eventFiguresFromTotals(
  totals: Iterable<Pick<EventDayTotal, 'itemId' | 'counts' | 'countsWithin' | 'wasteUnits'>>,
  unitCost: (itemId: string) => number | undefined,
): EventFigures {
  let counts = 0;
  let within = 0;
  let wasteUnits = 0;
  let wasteValue = 0;
  for (const t of totals) {
    counts += t.counts;
    within += t.countsWithin;
    wasteUnits += t.wasteUnits;
    wasteValue += t.wasteUnits * (unitCost(t.itemId) ?? 0);
  }
  return {
    counts,
    withinTolerance: within,
    accuracy: share(within, counts),
    wasteUnits,
    wasteValue,
  };
}

/** The same figures by the indicators' own definitions, straight from the events. */
export function eventFiguresFromEvents(
  events: Iterable<StockEvent>,
  unitCost: (itemId: string) => number | undefined,
  period: Period,
): EventFigures {
  const list = [...events];
  const accuracy = countAccuracy(list, period);
  const waste = expiryWasteByMonth(list, unitCost, period);
  return {
    counts: accuracy.counts,
    withinTolerance: accuracy.withinTolerance,
    accuracy: accuracy.accuracy,
    wasteUnits: waste.reduce((sum, m) => sum + m.units, 0),
    wasteValue: waste.reduce((sum, m) => sum + m.value, 0),
  };
}
