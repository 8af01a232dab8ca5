import { daysFromCivil, isoDateFromDays, parseIsoDate } from '../../shared/inventory/calendar';
import type { StockEvent } from '../../shared/model';
import { DEMO_FACILITY, DEMO_PAR_LEVELS } from './demo-catalogue';

/** The device the demo's past is recorded under, apart from this PC's own sequence. */
export const DEMO_HISTORY_DEVICE = 'demo-history';
export const DEMO_HISTORY_DAYS = 120;

/** A small deterministic generator (mulberry32): the same history on every first run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Months of past stock movements for the demo facility, so that its figures say something on the
 * first run: deliveries, daily issues with weekday rhythm, cycle counts (some off the book), and
 * what was left of a lot wasted when it expired. Every past lot is its own (`HX…`) and ends at zero,
 * so today's shelves are exactly the demo's opening stock.
 */
export function demoHistory(today: string): StockEvent[] {
  const end = (parseIsoDate(today) ?? daysFromCivil(2026, 1, 1)) - 8;
  const start = end - DEMO_HISTORY_DAYS;
  const next = random(20_261_203);
  const events: StockEvent[] = [];
  const at = (day: number, hour: number, minute: number) =>
    `${isoDateFromDays(day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
  const push = (day: number, hour: number, fields: Omit<StockEvent, keyof typeof base>) => {
    events.push({
      ...base,
      id: `evt-demo-history-${events.length + 1}`,
      deviceSeq: events.length + 1,
      occurredAt: at(day, hour, Math.floor(next() * 60)),
      ...fields,
    } as StockEvent);
  };
  const base = {
    id: '',
    facilityId: DEMO_FACILITY,
    deviceId: DEMO_HISTORY_DEVICE,
    deviceSeq: 0,
    actorId: 'USR-ALEX',
    occurredAt: '',
  };
  DEMO_PAR_LEVELS.forEach((level, index) => {
    const par = level.par ?? level.max ?? level.binQuantity ?? 50;
    // About a par's worth used every two weeks, more on weekdays.
    const typical = Math.max(1, Math.round(par / 14));
    let lot = 0;
    let onHand = 0;
    let lotCode = '';
    for (let day = start; day <= end; day += 1) {
      if (onHand <= typical * 2 && (day - start) % 3 === index % 3) {
        if (onHand > 0) {
          // The rest of the old lot expired on the shelf.
          push(day, 7, {
            type: 'waste',
            itemId: level.itemId,
            lotCode,
            locationId: level.locationId,
            quantity: onHand,
            reason: 'expired',
          });
          onHand = 0;
        }
        lot += 1;
        lotCode = `HX${index}${lot}`;
        const quantity = par;
        push(day, 8, {
          type: 'receive',
          itemId: level.itemId,
          lotCode,
          locationId: level.locationId,
          quantity,
          expiry: isoDateFromDays(day + 60 + Math.floor(next() * 300)),
          note: 'Past delivery (demo history)',
        });
        onHand = quantity;
      }
      const weekday = (day + 4) % 7 < 5;
      const used = Math.min(onHand, Math.round(typical * (weekday ? 1 : 0.4) * (0.5 + next())));
      if (used > 0) {
        push(day, 10 + Math.floor(next() * 8), {
          type: 'issue',
          itemId: level.itemId,
          lotCode,
          locationId: level.locationId,
          toLocationId: next() < 0.5 ? 'DEPT-ICU' : 'DEPT-ED',
          quantity: used,
        });
        onHand -= used;
      }
      if ((day - start) % 14 === index % 14 && onHand > 0) {
        // Most counts agree with the book; now and then one finds a unit missing.
        const counted = next() < 0.8 ? onHand : onHand - 1;
        push(day, 19, {
          type: 'count',
          itemId: level.itemId,
          lotCode,
          locationId: level.locationId,
          quantity: 0,
          countedQuantity: counted,
          expectedQuantity: onHand,
          ...(counted !== onHand ? { approvedBy: 'USR-SAM' } : {}),
        });
        onHand = counted;
      }
    }
    if (onHand > 0) {
      push(end, 20, {
        type: 'issue',
        itemId: level.itemId,
        lotCode,
        locationId: level.locationId,
        toLocationId: 'DEPT-ICU',
        quantity: onHand,
      });
    }
  });
  // One unusual day in the last week, so the dashboard's usage flags have something to show: a
  // delivery of its own lot issued in full the same day, many times a usual day's use.
  const first = DEMO_PAR_LEVELS[0];
  if (first) {
    const spike = Math.max(40, 8 * Math.round((first.par ?? first.max ?? 50) / 14));
    const day = end + 6;
    const lot = { itemId: first.itemId, lotCode: 'HXSPIKE', locationId: first.locationId };
    push(day, 8, {
      type: 'receive',
      ...lot,
      quantity: spike,
      expiry: isoDateFromDays(day + 200),
      note: 'Past delivery (demo history)',
    });
    push(day, 14, { type: 'issue', ...lot, toLocationId: 'DEPT-ED', quantity: spike });
  }
  return events;
}
