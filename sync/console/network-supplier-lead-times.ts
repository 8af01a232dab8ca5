import { sql, type Kysely } from 'kysely';
import { supplierLeadTimes, type Period, type SupplierLeadTime } from '../../shared/indicators';
import type { Delivery, StockEvent, SupplyRequest } from '../../shared/model';
import type { Database } from '../db/schema';
import { textArray } from '../store/json';

/**
 * Supplier lead time across the network (or one facility): the ERP's deliveries that fulfil a
 * request, those requests' histories, and the receipts booked against deliveries. Receipts are read
 * whatever their day, since the first one decides the receipt time and may fall before the period.
 * The ids go as one array parameter each: a network's deliveries can outnumber the 65,535
 * parameters a statement may bind, which an `in (…)` list of one parameter per id would hit.
 */
export async function networkSupplierLeadTimes(
  db: Kysely<Database>,
  period: Period,
  only?: string,
): Promise<SupplierLeadTime[]> {
  const ofFacility =
    only === undefined ? sql<boolean>`true` : sql<boolean>`doc->>'facilityId' = ${only}`;
  const deliveries = (
    await db
      .selectFrom('documents')
      .select('doc')
      .where('collection', '=', 'deliveries')
      .where('deleted', '=', false)
      .where(sql<boolean>`doc->>'requestId' is not null`)
      .where(ofFacility)
      .execute()
  ).map((row) => row.doc as unknown as Delivery);
  const requestIds = [...new Set(deliveries.flatMap((d) => (d.requestId ? [d.requestId] : [])))];
  if (requestIds.length === 0) return [];
  const requests = (
    await db
      .selectFrom('documents')
      .select('doc')
      .where('collection', '=', 'supply_requests')
      .where(sql<boolean>`id = any(${textArray(requestIds)})`)
      .execute()
  ).map((row) => row.doc as unknown as SupplyRequest);
  const receipts = (
    await db
      .selectFrom('documents')
      .select('doc')
      .where('collection', '=', 'stock_events')
      .where(sql<boolean>`doc->>'type' = 'receive'`)
      .where(sql<boolean>`doc->>'deliveryId' = any(${textArray(deliveries.map((d) => d.id))})`)
      .execute()
  ).map((row) => row.doc as unknown as StockEvent);
  return supplierLeadTimes(deliveries, requests, receipts, period).bySupplier;
}
