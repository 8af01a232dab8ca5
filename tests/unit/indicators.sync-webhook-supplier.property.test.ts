import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../shared/inventory/calendar';
import {
  supplierLeadTimes,
  syncLag,
  webhookFailureRates,
  DELIVERY_OUTCOMES,
  type Period,
  type PcContact,
  type ReceivedEvent,
  type WebhookDeliveryRecord,
} from '../../shared/indicators';
import type { Delivery, StockEvent, SupplyRequest } from '../../shared/model';

/**
 * The three network indicators of issue 16 against a direct fold written out plainly: sorted
 * arrays indexed by rank, sums in loops, the standard deviation from its textbook formula. A
 * shortcut in an indicator (a filter, a rank, a grouping key, a clamp) shows as a disagreement.
 */

const RUNS = { numRuns: 150 };
const FIRST = parseIsoDate('2026-11-01')!;
const PERIOD: Period = { from: '2026-11-03', to: '2026-11-10' };
const NOW = '2026-11-12T00:00:00.000Z';
const FACILITIES = ['FAC-A', 'FAC-B', 'FAC-C'];
const HOUR = 3_600_000;

/** An instant within 12 days from FIRST, to the minute. */
const anyInstant = fc
  .nat(12 * 24 * 60 - 1)
  .map((minutes) => new Date((FIRST * 1440 + minutes) * 60_000).toISOString());
const inPeriodDirect = (at: string) =>
  at.slice(0, 10) >= PERIOD.from && at.slice(0, 10) <= PERIOD.to;

function rank(values: number[], q: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  let index = 0;
  while ((index + 1) / sorted.length < q) index += 1;
  return sorted[index]!;
}
const tail = (values: number[]) => ({
  count: values.length,
  median: rank(values, 0.5),
  p90: rank(values, 0.9),
  max: values.length === 0 ? null : [...values].sort((a, b) => b - a)[0]!,
});

describe('network indicators agree with a direct fold', () => {
  it('sync lag: contact ages and event delays per facility, median, p90 and max', () => {
    const pc = fc.record({
      deviceId: fc.string({ minLength: 1, maxLength: 4 }),
      facilityId: fc.constantFrom(...FACILITIES, 'FAC-UNKNOWN'),
      lastContactAt: fc.option(anyInstant, { nil: null }),
      revoked: fc.boolean(),
    });
    const event = fc.record({
      facilityId: fc.constantFrom(...FACILITIES),
      occurredAt: anyInstant,
      receivedAt: anyInstant,
    });
    fc.assert(
      fc.property(
        fc.array(pc, { maxLength: 12 }),
        fc.array(event, { maxLength: 40 }),
        (pcs, events) => {
          const result = syncLag(
            FACILITIES,
            pcs as PcContact[],
            events as ReceivedEvent[],
            PERIOD,
            NOW,
          );
          for (const facilityId of FACILITIES) {
            const mine = pcs.filter((p) => p.facilityId === facilityId && !p.revoked);
            const ages: number[] = [];
            for (const p of mine) {
              if (p.lastContactAt === null) continue;
              ages.push(Math.max(0, Date.parse(NOW) - Date.parse(p.lastContactAt)) / HOUR);
            }
            const delays: number[] = [];
            for (const e of events) {
              if (e.facilityId !== facilityId || !inPeriodDirect(e.receivedAt)) continue;
              const delay = (Date.parse(e.receivedAt) - Date.parse(e.occurredAt)) / HOUR;
              delays.push(delay < 0 ? 0 : delay);
            }
            expect(result.find((r) => r.facilityId === facilityId)).toEqual({
              facilityId,
              pcs: mine.length,
              neverContacted: mine.filter((p) => p.lastContactAt === null).length,
              contactAgeHours: tail(ages),
              eventDelayHours: tail(delays),
            });
          }
          expect(result.map((r) => r.facilityId)).toEqual(FACILITIES);
        },
      ),
      RUNS,
    );
  });

  it('webhook failure rate: failed attempts over attempts per subscription and event type', () => {
    const delivery = fc.record({
      endpointId: fc.constantFrom('WH-1', 'WH-2'),
      eventType: fc.constantFrom('request.status', 'recall.case'),
      queuedAt: anyInstant,
      status: fc.constantFrom(...DELIVERY_OUTCOMES),
      attempts: fc.nat(8),
    });
    fc.assert(
      fc.property(fc.array(delivery, { maxLength: 40 }), (deliveries) => {
        const result = webhookFailureRates(deliveries as WebhookDeliveryRecord[], PERIOD);
        const expected: Record<string, { deliveries: number; attempts: number; failed: number }> =
          {};
        for (const d of deliveries) {
          if (!inPeriodDirect(d.queuedAt)) continue;
          const key = `${d.endpointId} ${d.eventType}`;
          expected[key] ??= { deliveries: 0, attempts: 0, failed: 0 };
          expected[key].deliveries += 1;
          expected[key].attempts += d.attempts;
          for (let attempt = 1; attempt <= d.attempts; attempt += 1) {
            const succeeded = d.status === 'delivered' && attempt === d.attempts;
            if (!succeeded) expected[key].failed += 1;
          }
        }
        expect(result).toHaveLength(Object.keys(expected).length);
        for (const row of result) {
          const e = expected[`${row.endpointId} ${row.eventType}`]!;
          expect(row).toEqual({
            endpointId: row.endpointId,
            eventType: row.eventType,
            deliveries: e.deliveries,
            attempts: e.attempts,
            failedAttempts: e.failed,
            failureRate: e.attempts === 0 ? null : e.failed / e.attempts,
          });
        }
        const rates = result.map((r) => r.failureRate ?? -1);
        expect(rates).toEqual([...rates].sort((a, b) => b - a));
      }),
      RUNS,
    );
  });

  it('supplier lead time: ordered → first receipt per supplier, mean, sample deviation, p90', () => {
    const world = fc
      .array(
        fc.record({
          supplier: fc.constantFrom('Acme', 'Medline', 'Baxter'),
          hasRequest: fc.boolean(),
          orderedAt: fc.option(anyInstant, { nil: undefined }),
          requestReceivedAt: fc.option(anyInstant, { nil: undefined }),
          receipts: fc.array(anyInstant, { maxLength: 3 }),
        }),
        { maxLength: 15 },
      )
      .map((specs) =>
        specs.map((spec, i) => {
          const delivery: Delivery = {
            id: `DEL-${i}`,
            facilityId: 'FAC-A',
            supplier: spec.supplier,
            expectedAt: NOW,
            lines: [{ itemId: 'ITM-1', quantity: 1 }],
            status: 'expected',
            ...(spec.hasRequest ? { requestId: `REQ-${i}` } : {}),
          };
          const history: SupplyRequest['history'] = [];
          if (spec.orderedAt) history.push({ status: 'ordered', at: spec.orderedAt, by: 'erp' });
          if (spec.requestReceivedAt)
            history.push({ status: 'received', at: spec.requestReceivedAt, by: 'USR' });
          const receipts = spec.receipts.map(
            (at) => ({ type: 'receive', deliveryId: delivery.id, occurredAt: at }) as StockEvent,
          );
          return { delivery, request: { id: `REQ-${i}`, history }, receipts, spec };
        }),
      );
    fc.assert(
      fc.property(world, (cases) => {
        const others = [{ type: 'issue', deliveryId: 'DEL-0', occurredAt: '2026-11-01T00:00:00Z' }];
        const result = supplierLeadTimes(
          cases.map((c) => c.delivery),
          cases.map((c) => c.request),
          [...cases.flatMap((c) => c.receipts), ...(others as StockEvent[])],
          PERIOD,
        );
        const days: Record<string, number[]> = {};
        for (const c of cases) {
          if (!c.spec.hasRequest || c.spec.orderedAt === undefined) continue;
          const earliest = [...c.spec.receipts].sort()[0];
          const received = earliest ?? c.spec.requestReceivedAt;
          if (received === undefined || !inPeriodDirect(received)) continue;
          const took = (Date.parse(received) - Date.parse(c.spec.orderedAt)) / 86_400_000;
          if (took < 0) continue;
          (days[c.spec.supplier] ??= []).push(took);
        }
        const expected = Object.keys(days)
          .sort()
          .map((supplier) => {
            const values = days[supplier]!;
            let sum = 0;
            for (const v of values) sum += v;
            const mean = sum / values.length;
            let squares = 0;
            for (const v of values) squares += (v - mean) * (v - mean);
            return {
              supplier,
              deliveries: values.length,
              meanDays: mean,
              deviationDays: values.length < 2 ? null : Math.sqrt(squares / (values.length - 1)),
              p90Days: rank(values, 0.9),
            };
          });
        expect(result.bySupplier).toHaveLength(expected.length);
        result.bySupplier.forEach((row, i) => {
          const e = expected[i]!;
          expect(row.supplier).toBe(e.supplier);
          expect(row.deliveries).toBe(e.deliveries);
          expect(row.meanDays).toBeCloseTo(e.meanDays, 9);
          if (e.deviationDays === null) expect(row.deviationDays).toBeNull();
          else expect(row.deviationDays).toBeCloseTo(e.deviationDays, 9);
          expect(row.p90Days).toBe(e.p90Days);
        });
      }),
      RUNS,
    );
  });
});
