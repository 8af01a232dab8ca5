import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { FhirType } from '../fhir/capability-statement';
import { inventoryItemOf } from '../fhir/inventory-item';
import { inventoryReportOf, REPORT_EVENT_TYPES } from '../fhir/inventory-report';
import type { FhirSearch } from '../fhir/search-params';
import { DELIVERY_EVENT_TYPES, supplyDeliveryOf } from '../fhir/supply-delivery';
import { supplyRequestsOf } from '../fhir/supply-request';
import {
  itemsById,
  lotPage,
  reversedAmong,
  stockEventPage,
  supplyRequestPage,
  type Page,
} from '../store/fhir-pages';
import type { FhirResource } from '../fhir/fhir-resource';

/** What a search answers: the resources of one page of stockroom records, and the next cursor. */
export interface FhirAnswer {
  resources: FhirResource[];
  next: number | undefined;
  /** Records read that name people (requesters, reporters, receivers): audited. */
  personal: boolean;
}

function logSkipped(log: FastifyBaseLogger, type: FhirType, page: Page<unknown>): void {
  if (page.skipped.length > 0) {
    log.warn({ type, skipped: page.skipped }, 'stored documents fail the schema; not served');
  }
}

const stored = (row: { updatedAt: Date; facilityId: string }) => ({
  lastUpdated: row.updatedAt.toISOString(),
  facilityId: row.facilityId,
});

/** Reads one page of stockroom records for a FHIR search and maps them (sync/fhir, pure). */
export async function fhirPage(
  db: Kysely<Database>,
  type: FhirType,
  search: FhirSearch,
  log: FastifyBaseLogger,
): Promise<FhirAnswer> {
  if (type === 'InventoryItem') {
    const { lots, next } = await lotPage(db, search);
    const items = await itemsById(
      db,
      lots.map((l) => l.itemId),
    );
    return {
      resources: lots.map((lot) => inventoryItemOf(lot, items.get(lot.itemId))),
      next,
      personal: false,
    };
  }
  if (type === 'SupplyRequest') {
    const page = await supplyRequestPage(db, search);
    logSkipped(log, type, page);
    const items = await itemsById(
      db,
      page.rows.flatMap((r) => r.doc.lines.map((l) => l.itemId)),
    );
    return {
      resources: page.rows.flatMap((r) => supplyRequestsOf(r.doc, stored(r), items)),
      next: page.next,
      personal: true,
    };
  }
  const delivery = type === 'SupplyDelivery';
  const page = await stockEventPage(
    db,
    delivery ? DELIVERY_EVENT_TYPES : REPORT_EVENT_TYPES,
    search,
  );
  logSkipped(log, type, page);
  const [items, reversed] = await Promise.all([
    itemsById(
      db,
      page.rows.map((r) => r.doc.itemId),
    ),
    reversedAmong(
      db,
      page.rows.map((r) => r.doc.id),
    ),
  ]);
  const map = delivery ? supplyDeliveryOf : inventoryReportOf;
  return {
    resources: page.rows.map((r) => map(r.doc, stored(r), items, reversed.has(r.doc.id))),
    next: page.next,
    personal: true,
  };
}
