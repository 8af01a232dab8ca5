import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Delivery } from '../../shared/model';
import { startWebhookWorker, type WebhookWorker } from '../../sync/webhooks/worker';
import { describeOnBackends } from './sync-helpers/backends';
import {
  call,
  createApiKey,
  enrollDevice,
  uniqueId,
  type EnrolledDevice,
} from './sync-helpers/devices';
import { startReceiver } from './sync-helpers/receiver';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';
import { waitFor } from './sync-helpers/wait';
import { FAST_WORKER, signedWith, testWebhookSettings } from './sync-helpers/webhook-settings';
import { registerWebhook } from './sync-helpers/webhook-flow';

type Answer = { status: number; body: unknown };
const codeOf = (answer: Answer) => (answer.body as { code?: string }).code;

describeOnBackends(
  'sync: a stockroom closes a delivery and the ERP hears of it',
  'delivery_closure',
  (server) => {
    let worker: WebhookWorker;
    let erp: string;
    let device: EnrolledDevice;
    beforeAll(async () => {
      worker = startWebhookWorker(
        server().database.db,
        server().app.log,
        server().context.webhooks,
        FAST_WORKER,
      );
      erp = await createApiKey(server(), ['deliveries:write', 'inventory:read', 'webhooks:manage']);
      device = await enrollDevice(server(), await addStaffedFacility(server()));
    });
    afterAll(async () => {
      await worker.stop();
    });

    async function expected(): Promise<Delivery> {
      const delivery: Delivery = {
        id: uniqueId('PO'),
        facilityId: device.facilityId,
        supplier: 'Meridian Vascular',
        expectedAt: '2026-12-03T14:00:00Z',
        lines: [
          { itemId: 'ITM-1001', quantity: 100, lotCode: 'IVC2612C' },
          { itemId: 'ITM-1006', quantity: 120 },
        ],
        status: 'expected',
      };
      expect((await call(server(), 'PUT', '/v1/erp/deliveries', erp, [delivery])).status).toBe(200);
      return delivery;
    }

    const closed = (delivery: Delivery, by: string = STAFF.tech): Delivery => ({
      ...delivery,
      closure: {
        closedAt: '2026-12-03T15:00:00Z',
        closedBy: by,
        discrepancies: [
          { kind: 'short', itemId: 'ITM-1001', quantity: 40 },
          { kind: 'damaged', itemId: 'ITM-1006', quantity: 5 },
          { kind: 'wrong-lot', itemId: 'ITM-1001', lotCode: 'IVC2611A', quantity: 10 },
        ],
        note: 'Two cartons crushed',
      },
    });
    const push = (before: Delivery | null, after: Delivery): Promise<Answer> =>
      call(server(), 'POST', '/v1/replication/deliveries/push', device.token, [
        {
          assumedMasterState: before ? { ...before, _deleted: false } : null,
          newDocumentState: { ...after, _deleted: false },
        },
      ]);

    it('the closing is stored, comes back down, and reaches the ERP as a signed delivery.closed', async () => {
      const receiver = await startReceiver(() => ({ status: 204 }));
      try {
        const hook = await registerWebhook(server(), erp, receiver.url, ['delivery.closed']);
        const delivery = await expected();
        expect(await push(delivery, closed(delivery))).toEqual({ status: 200, body: [] });
        const mine = () => receiver.received.filter((r) => r.body.includes(delivery.id));
        await waitFor(() => mine().length >= 1, 15_000);
        const message = mine()[0]!;
        expect(signedWith(hook.secret, message)).toBe(true);
        const body = JSON.parse(message.body) as {
          type: string;
          data: { document: Delivery };
        };
        expect(body.type).toBe('delivery.closed');
        expect(body.data.document.closure?.discrepancies).toHaveLength(3);
        expect(body.data.document.closure?.closedBy).toBe(STAFF.tech);
        // The ERP sending the delivery again without the closing does not erase it.
        expect((await call(server(), 'PUT', '/v1/erp/deliveries', erp, [delivery])).status).toBe(
          200,
        );
        const page = await call(
          server(),
          'GET',
          '/v1/replication/deliveries/pull?checkpoint=0&limit=1000',
          device.token,
        );
        const pulled = (page.body as { documents: Delivery[] }).documents.find(
          (d) => d.id === delivery.id,
        );
        expect(pulled?.closure?.note).toBe('Two cartons crushed');
      } finally {
        await receiver.close();
      }
    });

    it('refuses a closing by a nurse manager, a changed line, a second closing, a new delivery, and an ERP write of the closing', async () => {
      const delivery = await expected();
      const byNurse = await push(delivery, closed(delivery, STAFF.nurseManager));
      expect([byNurse.status, codeOf(byNurse)]).toEqual([403, 'ROLE_NOT_PERMITTED']);
      const moreLines = await push(delivery, {
        ...closed(delivery),
        lines: [{ itemId: 'ITM-1001', quantity: 1 }],
      });
      expect([moreLines.status, codeOf(moreLines)]).toEqual([403, 'CENTRE_ONLY']);
      const invented = { ...closed(delivery), id: uniqueId('PO') };
      const made = await push(null, invented);
      expect([made.status, codeOf(made)]).toEqual([403, 'CENTRE_ONLY']);
      const stray = closed(delivery);
      stray.closure!.discrepancies = [{ kind: 'short', itemId: 'ITM-9999', quantity: 1 }];
      const strayAnswer = await push(delivery, stray);
      expect([strayAnswer.status, codeOf(strayAnswer)]).toEqual([422, 'CLOSURE_INVALID']);
      expect((await push(delivery, closed(delivery))).status).toBe(200);
      const again = closed(delivery);
      again.closure!.note = 'changed my mind';
      const second = await push(closed(delivery), again);
      expect([second.status, codeOf(second)]).toEqual([422, 'DELIVERY_ALREADY_CLOSED']);
      const erpClosing = await call(server(), 'PUT', '/v1/erp/deliveries', erp, [again]);
      expect([erpClosing.status, codeOf(erpClosing)]).toEqual([422, 'STOCKROOM_FIELD']);
    });
  },
  { webhooks: testWebhookSettings() },
);
