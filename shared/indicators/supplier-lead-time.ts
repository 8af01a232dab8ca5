import type { Delivery, StockEvent, SupplyRequest } from '../model';
import { inPeriod, instantOf, MS_PER_DAY, type Period } from './period';
import { firstAt } from './request-times';
import { meanAndDeviation, quantile } from './stats';

export interface DeliveryLeadTime {
  deliveryId: string;
  supplier: string;
  facilityId: string;
  orderedAt: string;
  receivedAt: string;
  days: number;
}

export interface SupplierLeadTime {
  supplier: string;
  deliveries: number;
  meanDays: number | null;
  /** Sample standard deviation: how far a delivery strays from the mean; null below two. */
  deviationDays: number | null;
  p90Days: number | null;
}

/**
 * Supplier lead time. The ERP sends a delivery (purchase order or ASN) with its supplier but no
 * order or shipment time, so the order time is the `ordered` step of the supply request the
 * delivery fulfils, and the receipt is the first receive booked against the delivery (or, with
 * none booked, the request's first `received` step). Deliveries received in the period count;
 * one without a request or an order step has no lead time to give.
 */
export function supplierLeadTimes(
  deliveries: Iterable<Pick<Delivery, 'id' | 'supplier' | 'facilityId' | 'requestId'>>,
  requests: Iterable<Pick<SupplyRequest, 'id' | 'history'>>,
  receipts: Iterable<Pick<StockEvent, 'type' | 'deliveryId' | 'occurredAt'>>,
  period: Period,
): { bySupplier: SupplierLeadTime[]; deliveries: DeliveryLeadTime[] } {
  const historyOf = new Map([...requests].map((r) => [r.id, r.history]));
  const firstReceipt = new Map<string, { at: string; ms: number }>();
  for (const e of receipts) {
    const ms = instantOf(e.occurredAt);
    if (e.type !== 'receive' || e.deliveryId === undefined || ms === undefined) continue;
    const known = firstReceipt.get(e.deliveryId);
    if (known === undefined || ms < known.ms)
      firstReceipt.set(e.deliveryId, { at: e.occurredAt, ms });
  }
  const rows: DeliveryLeadTime[] = [];
  for (const d of deliveries) {
    const history = d.requestId === undefined ? undefined : historyOf.get(d.requestId);
    const orderedAt = history === undefined ? undefined : firstAt(history, 'ordered');
    const receivedAt =
      firstReceipt.get(d.id)?.at ??
      (history === undefined ? undefined : firstAt(history, 'received'));
    if (orderedAt === undefined || receivedAt === undefined || !inPeriod(receivedAt, period))
      continue;
    const from = instantOf(orderedAt);
    const to = instantOf(receivedAt);
    // A receipt stamped before its order is a clock or data error, not a negative lead time.
    if (from === undefined || to === undefined || to < from) continue;
    rows.push({
      deliveryId: d.id,
      supplier: d.supplier,
      facilityId: d.facilityId,
      orderedAt,
      receivedAt,
      days: (to - from) / MS_PER_DAY,
    });
  }
  const suppliers = [...new Set(rows.map((r) => r.supplier))].sort();
  return {
    bySupplier: suppliers.map((supplier) => {
      const days = rows.filter((r) => r.supplier === supplier).map((r) => r.days);
      const { mean, deviation } = meanAndDeviation(days);
      return {
        supplier,
        deliveries: days.length,
        meanDays: mean,
        deviationDays: deviation,
        p90Days: quantile(days, 0.9),
      };
    }),
    deliveries: rows,
  };
}
