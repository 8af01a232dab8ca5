import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Item, StockEvent, SupplyRequest } from '../../shared/model';
import { REQUEST_STATUSES } from '../../shared/model';
import { searchsetBundle } from '../../sync/fhir/bundle';
import { capabilityStatement } from '../../sync/fhir/capability-statement';
import type { FhirResource } from '../../sync/fhir/fhir-resource';
import { inventoryItemOf } from '../../sync/fhir/inventory-item';
import { inventoryReportOf } from '../../sync/fhir/inventory-report';
import { operationOutcome } from '../../sync/fhir/operation-outcome';
import { supplyDeliveryOf } from '../../sync/fhir/supply-delivery';
import { supplyRequestsOf } from '../../sync/fhir/supply-request';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { r5SchemaErrors } from '../fixtures/fhir/r5-schema';

const require = createRequire(import.meta.url);
/** The codes of an R5 code system, read from the same official package as the schema. */
function r5Codes(codeSystem: string): string[] {
  const cs = require(`hl7.fhir.r5.core/CodeSystem-${codeSystem}.json`) as {
    concept: { code: string }[];
  };
  return cs.concept.map((c) => c.code);
}

const item: Item = SAMPLE_DOCUMENTS.items;
const items = new Map([[item.id, item]]);
const stored = { lastUpdated: '2026-11-02T09:05:00.000Z', facilityId: 'FAC-NORTH' };
const event = (over: Partial<StockEvent>): StockEvent => ({
  ...SAMPLE_DOCUMENTS.stock_events,
  ...over,
});

function valid(resource: FhirResource): FhirResource {
  expect(r5SchemaErrors(resource), JSON.stringify(resource)).toEqual([]);
  return resource;
}

describe('FHIR R5 mappings: every resource passes the official R5 JSON schema', () => {
  it('the schema validator is real: it refuses an unknown element, a bad date and a wrong type', () => {
    expect(r5SchemaErrors({ resourceType: 'SupplyDelivery', bogus: 1 })).not.toEqual([]);
    expect(
      r5SchemaErrors({ resourceType: 'SupplyDelivery', occurrenceDateTime: '2026-13-01' }),
    ).not.toEqual([]);
    expect(
      r5SchemaErrors({ resourceType: 'SupplyRequest', item: {}, quantity: { value: 'x' } }),
    ).not.toEqual([]);
    expect(r5SchemaErrors({ resourceType: 'SupplyRequest' })).not.toEqual([]);
    // A Bundle's entries are checked too (the schema's ResourceList).
    expect(
      r5SchemaErrors({
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [{ resource: { resourceType: 'InventoryItem', bogus: true } }],
      }),
    ).not.toEqual([]);
  }, 60_000); // the first call compiles the 4 MB schema

  it('a supply request becomes one SupplyRequest per line, with priority, status, requester, deliverTo and occurrence', () => {
    const request: SupplyRequest = {
      ...SAMPLE_DOCUMENTS.supply_requests,
      createdAt: '2026-11-02t09:00:00z',
      lines: [
        { itemId: 'ITM-1001', quantity: 50 },
        { itemId: 'ITM-UNKNOWN', quantity: 3 },
      ],
    };
    const [first, second] = supplyRequestsOf(request, stored, items).map(valid);
    expect(first).toMatchObject({
      resourceType: 'SupplyRequest',
      status: 'active',
      priority: 'stat',
      occurrenceDateTime: '2026-11-02T12:00:00.000Z',
      authoredOn: '2026-11-02T09:00:00.000Z',
      requester: { type: 'Practitioner', identifier: { value: 'USR-NM' } },
      deliverTo: { type: 'Location', identifier: { value: 'LOC-A1' } },
      quantity: { value: 50, unit: 'each' },
      item: { concept: { text: item.name } },
      meta: { lastUpdated: stored.lastUpdated, tag: [{ code: 'FAC-NORTH' }] },
    });
    expect(second).toMatchObject({
      quantity: { value: 3 },
      item: { concept: { coding: [{ code: 'ITM-UNKNOWN' }] } },
    });
    expect(first!['id']).not.toEqual(second!['id']);
    expect(first!['identifier']).toContainEqual(
      second!['identifier'] && (second!['identifier'] as unknown[])[0],
    );
  });

  it('every request status maps to an R5 supplyrequest-status code, and every priority to request-priority', () => {
    const statuses = r5Codes('supplyrequest-status');
    for (const status of REQUEST_STATUSES) {
      const [resource] = supplyRequestsOf(
        { ...SAMPLE_DOCUMENTS.supply_requests, status },
        stored,
        items,
      );
      expect(statuses).toContain(resource!['status']);
      valid(resource!);
    }
    expect(r5Codes('request-priority')).toEqual(['routine', 'urgent', 'asap', 'stat']);
  });

  it('receipts, issues and transfers are SupplyDeliveries; a reversed one is entered-in-error', () => {
    const codes = r5Codes('supplydelivery-status');
    const receipt = valid(
      supplyDeliveryOf(event({ deliveryId: 'PO-77001', requestId: 'REQ-1' }), stored, items, false),
    );
    expect(receipt).toMatchObject({
      status: 'completed',
      destination: { identifier: { value: 'LOC-A1' } },
      receiver: [{ identifier: { value: 'USR-TECH' } }],
      basedOn: [{ type: 'SupplyRequest', identifier: { value: 'REQ-1' } }],
      suppliedItem: [
        {
          quantity: { value: 100, unit: 'each' },
          itemReference: { reference: expect.stringMatching(/^InventoryItem\//) },
        },
      ],
      occurrenceDateTime: '2026-11-02T07:15:00.000Z',
    });
    const issue = valid(
      supplyDeliveryOf(
        event({ type: 'issue', toLocationId: 'DEPT-ER', lotCode: '' }),
        stored,
        items,
        true,
      ),
    );
    expect(issue).toMatchObject({
      status: 'entered-in-error',
      destination: { identifier: { value: 'DEPT-ER' } },
      suppliedItem: [{ itemCodeableConcept: { text: item.name } }],
    });
    expect(issue['receiver']).toBeUndefined();
    const transfer = valid(
      supplyDeliveryOf(event({ type: 'transfer', toLocationId: 'LOC-B2' }), stored, items, false),
    );
    expect(transfer).toMatchObject({ destination: { identifier: { value: 'LOC-B2' } } });
    for (const r of [receipt, issue, transfer]) expect(codes).toContain(r['status']);
  });

  it('a count is a snapshot InventoryReport, an adjustment a difference with its signed change', () => {
    const count = valid(
      inventoryReportOf(
        event({ type: 'count', quantity: 0, countedQuantity: 37, expectedQuantity: 40 }),
        stored,
        items,
        false,
      ),
    );
    expect(count).toMatchObject({
      status: 'active',
      countType: 'snapshot',
      reporter: { identifier: { value: 'USR-TECH' } },
      inventoryListing: [
        { location: { identifier: { value: 'LOC-A1' } }, item: [{ quantity: { value: 37 } }] },
      ],
    });
    const adjust = valid(
      inventoryReportOf(
        event({ type: 'adjust', quantity: 0, delta: -3, reason: 'damaged', lotCode: '' }),
        stored,
        items,
        true,
      ),
    );
    expect(adjust).toMatchObject({
      status: 'entered-in-error',
      countType: 'difference',
      operationTypeReason: { coding: [{ code: 'damaged' }] },
      inventoryListing: [
        { item: [{ quantity: { value: -3 }, item: { concept: { text: item.name } } }] },
      ],
    });
    expect(r5Codes('inventoryreport-counttype')).toEqual(['snapshot', 'difference']);
    expect(r5Codes('inventoryreport-status')).toEqual(
      expect.arrayContaining(['active', 'entered-in-error']),
    );
  });

  it('a lot is an InventoryItem with lot number and expiry; the receipt and the count point at it', () => {
    const lot = valid(
      inventoryItemOf(
        {
          itemId: 'ITM-1001',
          lotCode: 'ABC123',
          expiry: '2029-03-31',
          facilityIds: ['FAC-NORTH'],
          lastUpdated: stored.lastUpdated,
        },
        item,
      ),
    );
    expect(lot).toMatchObject({
      status: 'active',
      instance: { lotNumber: 'ABC123', expiry: '2029-03-31' },
    });
    expect(r5Codes('inventoryitem-status')).toContain(lot['status']);
    const receipt = supplyDeliveryOf(event({}), stored, items, false);
    expect(
      (receipt['suppliedItem'] as { itemReference: { reference: string } }[])[0]!.itemReference
        .reference,
    ).toBe(`InventoryItem/${String(lot['id'])}`);
    valid(
      inventoryItemOf(
        {
          itemId: 'ITM-X',
          lotCode: 'L:1_2',
          expiry: undefined,
          facilityIds: [],
          lastUpdated: stored.lastUpdated,
        },
        undefined,
      ),
    );
  });

  it('searchset Bundles, the CapabilityStatement and OperationOutcomes are valid R5', () => {
    const resources = supplyRequestsOf(SAMPLE_DOCUMENTS.supply_requests, stored, items);
    const bundle = valid(
      searchsetBundle({
        url: 'https://centre.example/fhir/R5/SupplyRequest',
        params: [
          ['facility', 'FAC-NORTH'],
          ['_lastUpdated', 'ge2026-11-01'],
        ],
        after: 0,
        next: 42,
        resources,
        timestamp: '2026-12-03T10:00:00.000Z',
      }),
    );
    expect(bundle['link']).toEqual([
      {
        relation: 'self',
        url: 'https://centre.example/fhir/R5/SupplyRequest?facility=FAC-NORTH&_lastUpdated=ge2026-11-01',
      },
      {
        relation: 'next',
        url: 'https://centre.example/fhir/R5/SupplyRequest?facility=FAC-NORTH&_lastUpdated=ge2026-11-01&_cursor=42',
      },
    ]);
    expect((bundle['entry'] as { fullUrl: string }[])[0]!.fullUrl).toBe(
      `https://centre.example/fhir/R5/SupplyRequest/${String(resources[0]!['id'])}`,
    );
    valid(capabilityStatement('2026-12-03T10:00:00.000Z', '1'));
    valid(operationOutcome('invalid', 'INVALID_SEARCH', 'bad', '_count'));
  });
});
