import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  FacilitySyncLag,
  SupplierLeadTime,
  WebhookFailureRate,
} from '../../shared/indicators';
import type { Delivery, RequestStatus, SupplyRequest } from '../../shared/model';
import { transition, type TransitionStamp } from '../../shared/replenishment/request-status';
import { writeDocument } from '../../sync/store/documents';
import { sequencedWrite } from '../../sync/store/sequenced';
import { startWebhookWorker, type WebhookWorker } from '../../sync/webhooks/worker';
import { signedInPerson } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { stockEvent, supplyRequest } from './sync-helpers/documents';
import { startReceiver } from './sync-helpers/receiver';
import { addStaffedFacility } from './sync-helpers/staff';
import { waitFor } from './sync-helpers/wait';
import { FAST_WORKER, testWebhookSettings } from './sync-helpers/webhook-settings';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Answer {
  syncLag: FacilitySyncLag[];
  webhookFailures: WebhookFailureRate[];
  supplierLeadTimes: SupplierLeadTime[];
  definitions: Record<string, { title: string }>;
}

/** A request taken through `steps` by the ERP and the ward, each step at its own instant. */
function requestThrough(facility: string, steps: [RequestStatus, string][]): SupplyRequest {
  let request = supplyRequest(facility, {
    status: 'submitted',
    lines: [{ itemId: 'ITM-1001', quantity: 10 }],
  });
  const stamps: Partial<Record<RequestStatus, Omit<TransitionStamp, 'at'>>> = {
    acknowledged: { by: 'erp:k:b', approval: { policyVersion: 0, levels: 0 } },
    ordered: { by: 'erp:k:b' },
    shipped: { by: 'erp:k:d' },
    received: { by: 'USR-NM' },
  };
  for (const [to, at] of steps) {
    const moved = transition(request, to, { ...(stamps[to] ?? { by: 'USR-NM' }), at });
    if (!moved.ok) throw new Error(moved.error.message);
    request = moved.value;
  }
  return request;
}

/**
 * Issue 16: sync lag, webhook failure rate and supplier lead time, read over real HTTP from what the
 * centre recorded — PC contacts and receipts of a real push, the webhook worker's attempts against
 * a real receiver, the ERP's deliveries with their requests and the receipts booked against them.
 */
describeOnBackends(
  'indicators: sync lag, webhook failures, supplier lead times',
  'indicators_network',
  (server) => {
    let worker: WebhookWorker;
    beforeAll(() => {
      worker = startWebhookWorker(
        server().database.db,
        server().app.log,
        server().context.webhooks,
        FAST_WORKER,
      );
    });
    afterAll(async () => {
      await worker.stop();
    });

    it('the ERP and the console read each figure, equal to what the records say', async () => {
      const facility = await addStaffedFacility(server());
      const key = await createApiKey(server(), [
        'webhooks:manage',
        'events:read',
        'indicators:read',
      ]);
      // The receiver fails the first message once; everything after is delivered.
      const receiver = await startReceiver((n) => ({ status: n === 1 ? 500 : 204 }));
      try {
        const registered = await call(server(), 'POST', '/v1/erp/webhooks', key, {
          url: receiver.url,
          eventTypes: ['stock_event.recorded'],
        });
        expect(registered.status).toBe(201);
        const hookId = (registered.body as { id: string }).id;

        // Two deliveries the ERP sent, each fulfilling a request it ordered.
        const now = Date.now();
        const receiptAt = new Date(now - 1 * HOUR).toISOString();
        const acme1 = requestThrough(facility, [
          ['acknowledged', new Date(now - 6 * DAY).toISOString()],
          ['ordered', new Date(now - 1 * HOUR - 2 * DAY).toISOString()],
        ]);
        const acme2 = requestThrough(facility, [
          ['acknowledged', new Date(now - 6 * DAY).toISOString()],
          ['ordered', new Date(now - 1 * HOUR - 4 * DAY).toISOString()],
        ]);
        // No receipt booked against this one: the request's own received step stands in.
        const baxter = requestThrough(facility, [
          ['acknowledged', new Date(now - 6 * DAY).toISOString()],
          ['ordered', new Date(now - 2 * HOUR - 1 * DAY).toISOString()],
          ['shipped', new Date(now - 3 * HOUR).toISOString()],
          ['received', new Date(now - 2 * HOUR).toISOString()],
        ]);
        const delivery = (request: SupplyRequest, supplier: string): Delivery => ({
          id: uniqueId('PO'),
          facilityId: facility,
          supplier,
          expectedAt: new Date(now).toISOString(),
          requestId: request.id,
          lines: [{ itemId: 'ITM-1001', quantity: 10 }],
          status: 'expected',
        });
        const deliveries = [
          delivery(acme1, 'Acme'),
          delivery(acme2, 'Acme'),
          delivery(baxter, 'Baxter'),
        ];
        await sequencedWrite(server().database.db, async (trx) => {
          for (const body of [acme1, acme2, baxter]) {
            await writeDocument(trx, {
              collection: 'supply_requests',
              body,
              deleted: false,
              writtenBy: 'test',
            });
          }
          for (const body of deliveries) {
            await writeDocument(trx, {
              collection: 'deliveries',
              body,
              deleted: false,
              writtenBy: 'test',
            });
          }
        });

        // One PC pushes three events: one made five hours ago, two receipts an hour ago. A second
        // PC never calls in; a third is revoked and does not count.
        const device = await enrollDevice(server(), facility);
        await enrollDevice(server(), facility);
        const revoked = await enrollDevice(server(), facility);
        await server().admin('device', 'revoke', '--device', revoked.deviceId);
        const events = [
          stockEvent(device, { deviceSeq: 1, occurredAt: new Date(now - 5 * HOUR).toISOString() }),
          stockEvent(device, {
            deviceSeq: 2,
            occurredAt: receiptAt,
            deliveryId: deliveries[0]!.id,
          }),
          stockEvent(device, {
            deviceSeq: 3,
            occurredAt: receiptAt,
            deliveryId: deliveries[1]!.id,
          }),
        ];
        const pushed = await call(
          server(),
          'POST',
          '/v1/replication/stock_events/push',
          device.token,
          events.map((newDocumentState) => ({ newDocumentState })),
        );
        expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);

        const read = async (): Promise<Answer> => {
          const answer = await call(
            server(),
            'GET',
            `/v1/erp/indicators?facility=${facility}`,
            key,
          );
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
          return answer.body as Answer;
        };
        // Three messages, four attempts, one failed: once the worker has settled them all.
        const settled = await waitFor(async () => {
          const body = await read();
          return body.webhookFailures[0]?.attempts === 4 ? body : undefined;
        });
        expect(settled.webhookFailures).toEqual([
          {
            endpointId: hookId,
            eventType: 'stock_event.recorded',
            deliveries: 3,
            attempts: 4,
            failedAttempts: 1,
            failureRate: 0.25,
          },
        ]);

        const [lag] = settled.syncLag;
        expect(settled.syncLag).toHaveLength(1);
        expect(lag).toMatchObject({ facilityId: facility, pcs: 2, neverContacted: 1 });
        expect(lag!.contactAgeHours.count).toBe(1);
        expect(lag!.contactAgeHours.max!).toBeLessThan(0.1);
        expect(lag!.eventDelayHours.count).toBe(3);
        expect(lag!.eventDelayHours.median!).toBeCloseTo(1, 1);
        expect(lag!.eventDelayHours.p90!).toBeCloseTo(5, 1);
        expect(lag!.eventDelayHours.max!).toBeCloseTo(5, 1);

        expect(settled.supplierLeadTimes).toEqual([
          { supplier: 'Acme', deliveries: 2, meanDays: 3, deviationDays: Math.SQRT2, p90Days: 4 },
          { supplier: 'Baxter', deliveries: 1, meanDays: 1, deviationDays: null, p90Days: 1 },
        ]);
        expect(settled.definitions['sync-lag']).toMatchObject({ title: 'Sync lag' });
        expect(settled.definitions['supplier-lead-time']).toMatchObject({
          title: 'Supplier lead time',
        });

        // The console sees every subscription; another key's ERP sees none of this one's.
        const analyst = await signedInPerson(server(), 'analyst');
        const consoleAnswer = await analyst.request(
          'GET',
          `/v1/admin/indicators?facility=${facility}`,
        );
        expect(consoleAnswer.status).toBe(200);
        expect(consoleAnswer.body.webhookFailures).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ endpointId: hookId, failureRate: 0.25 }),
          ]),
        );
        expect(consoleAnswer.body.syncLag).toEqual(settled.syncLag.map(() => expect.any(Object)));
        const otherKey = await createApiKey(server(), ['indicators:read']);
        const other = await call(server(), 'GET', '/v1/erp/indicators', otherKey);
        expect((other.body as Answer).webhookFailures).toEqual([]);
        // A period before anything happened: no lag, no failures, no lead times.
        const before = await call(
          server(),
          'GET',
          `/v1/erp/indicators?facility=${facility}&from=2020-01-01&to=2020-01-31`,
          key,
        );
        expect((before.body as Answer).webhookFailures).toEqual([]);
        expect((before.body as Answer).supplierLeadTimes).toEqual([]);
        expect((before.body as Answer).syncLag[0]!.eventDelayHours.count).toBe(0);
      } finally {
        await receiver.close();
      }
    });
  },
  { webhooks: testWebhookSettings() },
);
