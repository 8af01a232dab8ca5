import { expect, it } from 'vitest';
import { writeCentreDocuments } from '../../sync/store/centre-write';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { describeOnBackends } from './sync-helpers/backends';
import { createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { stockEvent, supplyRequest } from './sync-helpers/documents';
import { fhirGet } from './sync-helpers/fhir';
import type { TestServer } from './sync-helpers/server';
import { addStaffedFacility, STAFF } from './sync-helpers/staff';

interface Bundle {
  resourceType: string;
  type: string;
  link: { relation: string; url: string }[];
  entry?: { fullUrl: string; resource: Record<string, unknown> }[];
}

/** Every page of a search, following `next` links to the end. */
async function allPages(server: TestServer, path: string, key: string): Promise<Bundle[]> {
  const pages: Bundle[] = [];
  let url: string | undefined = path;
  while (url) {
    const answer = await fhirGet(server, url, key);
    expect(answer.status).toBe(200);
    const page = answer.body as unknown as Bundle;
    expect(page).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    pages.push(page);
    url = page.link.find((l) => l.relation === 'next')?.url;
  }
  return pages;
}

const identifiers = (pages: Bundle[], system: string) =>
  pages.flatMap((p) =>
    (p.entry ?? []).map(
      (e) =>
        (e.resource['identifier'] as { system: string; value: string }[]).find(
          (i) => i.system === system,
        )?.value,
    ),
  );

describeOnBackends('sync: FHIR R5 read-only view (/fhir/R5)', 'fhir', (server) => {
  it('metadata is a CapabilityStatement; searches need an API key with fhir:read, refusals are OperationOutcomes', async () => {
    const metadata = await fhirGet(server(), '/metadata', null);
    expect(metadata.status).toBe(200);
    expect(metadata.type).toMatch(/^application\/fhir\+json/);
    expect(metadata.body).toMatchObject({
      resourceType: 'CapabilityStatement',
      fhirVersion: '5.0.0',
    });

    const anonymous = await fhirGet(server(), '/SupplyRequest', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.type).toMatch(/^application\/fhir\+json/);
    expect(anonymous.body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ code: 'login' }],
    });

    const events = await createApiKey(server(), ['events:read']);
    const forbidden = await fhirGet(server(), '/SupplyDelivery', events);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ issue: [{ code: 'forbidden' }] });

    const key = await createApiKey(server(), ['fhir:read']);
    for (const bad of [
      '_lastUpdated=ge2026-02-30',
      '_count=0',
      'status=active',
      'facility=a&facility=b',
    ]) {
      const refused = await fhirGet(server(), `/InventoryReport?${bad}`, key);
      expect(refused.status, bad).toBe(400);
      expect(refused.body).toMatchObject({
        resourceType: 'OperationOutcome',
        issue: [{ code: 'invalid' }],
      });
    }
    for (const type of ['SupplyRequest', 'SupplyDelivery', 'InventoryReport', 'InventoryItem']) {
      const widest = await fhirGet(
        server(),
        `/${type}?_lastUpdated=ge0001-01-01&_lastUpdated=le9999-12-30&_count=1`,
        key,
      );
      expect(widest.status, type).toBe(200);
    }
    const unknown = await fhirGet(server(), '/Patient', key);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ resourceType: 'OperationOutcome' });
  }, 60_000); // the first check compiles the 4 MB schema

  it('requests, receipts, issues, counts, adjustments and lots page in the events feed order, by facility and _lastUpdated', async () => {
    const facility = await addStaffedFacility(server());
    const other = await addStaffedFacility(server());
    await writeCentreDocuments(server().database, 'items', [SAMPLE_DOCUMENTS.items], 'test:items');
    const device = await enrollDevice(server(), facility);
    const key = await createApiKey(server(), ['fhir:read']);
    const push = async (collection: string, docs: unknown[]) => {
      const answer = await fetch(`${server().url}/v1/replication/${collection}/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(docs.map((d) => ({ newDocumentState: d }))),
      });
      expect(answer.status, await answer.clone().text()).toBe(200);
    };

    const requests = [
      supplyRequest(facility),
      supplyRequest(facility, { priority: 'routine', kind: 'replenishment' }),
    ];
    await push('supply_requests', requests);
    const lot = uniqueId('LOT').slice(0, 20);
    const receipts = [1, 2, 3].map((n) =>
      stockEvent(device, { deviceSeq: n, lotCode: lot, requestId: requests[0]!.id }),
    );
    const issue = stockEvent(device, {
      deviceSeq: 4,
      type: 'issue',
      lotCode: lot,
      quantity: 5,
      toLocationId: 'DEPT-ER',
    });
    await push('stock_events', [...receipts, issue]);
    const count = stockEvent(facility, {
      type: 'count',
      quantity: 0,
      countedQuantity: 295,
      expectedQuantity: 295,
      lotCode: lot,
    });
    const adjust = stockEvent(facility, {
      type: 'adjust',
      quantity: 0,
      delta: -2,
      reason: 'damaged',
      lotCode: lot,
      approvedBy: STAFF.supervisor,
    });
    const elsewhere = stockEvent(other, { lotCode: lot });
    await writeCentreDocuments(
      server().database,
      'stock_events',
      [count, adjust, elsewhere],
      'test:ledger',
    );

    const deliveries = await allPages(
      server(),
      `/SupplyDelivery?facility=${facility}&_count=2`,
      key,
    );
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    expect(identifiers(deliveries, 'urn:stockroom-edge:stock-event')).toEqual([
      ...receipts.map((r) => r.id),
      issue.id,
    ]);
    const issued = deliveries.flatMap((p) => p.entry ?? []).at(-1)!.resource;
    expect(issued).toMatchObject({
      status: 'completed',
      destination: { identifier: { value: 'DEPT-ER' } },
    });

    const reports = await allPages(server(), `/InventoryReport?facility=${facility}`, key);
    expect(reports.flatMap((p) => p.entry ?? []).map((e) => e.resource['countType'])).toEqual([
      'snapshot',
      'difference',
    ]);

    const asked = await allPages(server(), `/SupplyRequest?facility=${facility}&_count=1`, key);
    expect(asked).toHaveLength(3); // two full pages, then an empty one ends the search
    expect(identifiers(asked, 'urn:stockroom-edge:supply-request')).toEqual(
      requests.map((r) => r.id),
    );
    expect(asked[0]!.entry![0]!.resource).toMatchObject({ priority: 'stat', status: 'active' });

    const lots = (await allPages(server(), `/InventoryItem?facility=${other}`, key)).flatMap(
      (p) => p.entry ?? [],
    );
    const ours = lots.filter(
      (e) => (e.resource['instance'] as { lotNumber: string }).lotNumber === lot,
    );
    expect(ours).toHaveLength(1);
    expect(ours[0]!.resource).toMatchObject({
      instance: { lotNumber: lot, expiry: '2029-03-31' },
      meta: {
        tag: expect.arrayContaining([{ system: 'urn:stockroom-edge:facility', code: facility }]),
      },
    });
    const lotRef = (
      deliveries[0]!.entry![0]!.resource['suppliedItem'] as {
        itemReference: { reference: string };
      }[]
    )[0]!.itemReference.reference;
    expect(ours[0]!.fullUrl.endsWith(lotRef)).toBe(true);

    const future = await fhirGet(
      server(),
      `/SupplyDelivery?facility=${facility}&_lastUpdated=gt2100-01-01`,
      key,
    );
    expect((future.body as unknown as Bundle).entry).toEqual([]);
    const recent = await allPages(
      server(),
      `/SupplyDelivery?facility=${facility}&_lastUpdated=ge${new Date(Date.now() - 3_600_000).toISOString()}`,
      key,
    );
    expect(identifiers(recent, 'urn:stockroom-edge:stock-event')).toHaveLength(4);
  });

  it('a reversed receipt reads as entered-in-error; reads naming people are audited, lots are not', async () => {
    const facility = await addStaffedFacility(server());
    const key = await createApiKey(server(), ['fhir:read']);
    const receipt = stockEvent(facility);
    const reversal = stockEvent(facility, { type: 'reversal', quantity: 0, reverses: receipt.id });
    await writeCentreDocuments(
      server().database,
      'stock_events',
      [receipt, reversal],
      'test:ledger',
    );
    const page = await fhirGet(server(), `/SupplyDelivery?facility=${facility}`, key);
    expect((page.body as unknown as Bundle).entry!.map((e) => e.resource['status'])).toEqual([
      'entered-in-error',
    ]);
    await fhirGet(server(), `/InventoryItem?facility=${facility}`, key);

    const lines = await server()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('action', 'like', 'GET /fhir/R5/%')
      .execute();
    const ofThisRead = lines.filter((l) => JSON.stringify(l.detail).includes(facility));
    expect(ofThisRead.map((l) => l.action)).toEqual(['GET /fhir/R5/SupplyDelivery']);
    expect(ofThisRead[0]!.detail).toMatchObject({ read: 'FHIR SupplyDelivery', returned: 1 });
  });
});
