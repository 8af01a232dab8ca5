import { afterAll, beforeAll, expect, it } from 'vitest';
import { exceptionSummaryAt } from '../../shared/console';
import type { SupplyRequest } from '../../shared/model';
import { adminTokenAuthenticator } from '../../sync/auth/admin-auth';
import { currentConditions } from '../../sync/console/exception-sources';
import { sweepEscalations } from '../../sync/escalation/escalation-sweep';
import { startWebhookWorker, type WebhookWorker } from '../../sync/webhooks/worker';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, type EnrolledDevice } from './sync-helpers/devices';
import { moved, supplyRequest } from './sync-helpers/documents';
import { startReceiver } from './sync-helpers/receiver';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';
import { waitFor } from './sync-helpers/wait';
import { FAST_WORKER, signedWith, testWebhookSettings } from './sync-helpers/webhook-settings';

/** Issue 15: the escalation ladder at the centre, under the facility's own service levels. */
const ADMIN = 'adm_escalation-ladder-credential-long-enough';
const T0 = Date.parse('2026-11-02T10:00:00Z');
const minute = (m: number) => new Date(T0 + m * 60_000);

describeOnBackends(
  'requests: the escalation ladder at the centre',
  'escalation_ladder',
  (server) => {
    let worker: WebhookWorker;
    let facility: string;
    let device: EnrolledDevice;
    let erpKey: string;
    beforeAll(async () => {
      worker = startWebhookWorker(
        server().database.db,
        server().app.log,
        server().context.webhooks,
        FAST_WORKER,
      );
      facility = await addStaffedFacility(server());
      device = await enrollDevice(server(), facility);
      erpKey = await createApiKey(server(), ['requests:read', 'webhooks:manage']);
      const crossed = await call(
        server(),
        'POST',
        `/v1/admin/facilities/${facility}/approval-policies`,
        ADMIN,
        {
          nonStockNeedsApproval: false,
          controlledItemIds: [],
          serviceLevels: { stat: { acknowledgeMinutes: 10, deliverMinutes: 5 } },
        },
      );
      expect([crossed.status, (crossed.body as { code: string }).code]).toEqual([
        422,
        'SERVICE_LEVEL_CROSSED',
      ]);
      // This facility acknowledges STAT within 10 minutes and delivers within 60.
      const saved = await call(
        server(),
        'POST',
        `/v1/admin/facilities/${facility}/approval-policies`,
        ADMIN,
        {
          nonStockNeedsApproval: false,
          controlledItemIds: [],
          serviceLevels: { stat: { acknowledgeMinutes: 10, deliverMinutes: 60 } },
        },
      );
      expect(saved.status).toBe(201);
    });
    afterAll(async () => {
      await worker.stop();
    });

    const push = (next: SupplyRequest, current?: SupplyRequest) =>
      call(server(), 'POST', '/v1/replication/supply_requests/push', device.token, [
        current
          ? { assumedMasterState: current, newDocumentState: next }
          : { newDocumentState: next },
      ]);
    const stat = () =>
      supplyRequest(facility, {
        status: 'submitted',
        priority: 'stat',
        kind: 'urgent',
        createdBy: STAFF.nurseManager,
        history: [
          { status: 'draft', at: minute(0).toISOString(), by: STAFF.nurseManager },
          { status: 'submitted', at: minute(0).toISOString(), by: STAFF.nurseManager },
        ],
      });
    const rungsOf = async (requestId: string) =>
      (
        await server()
          .database.db.selectFrom('request_escalations')
          .select(['clock', 'rung'])
          .where('request_id', '=', requestId)
          .orderBy('reached_at')
          .orderBy('rung')
          .execute()
      ).map((r) => `${r.clock}:${r.rung}`);
    const escalatedConditions = async (now: Date, requestId: string) =>
      (await currentConditions(server().database.db, now)).filter(
        (c) => c.kind === 'request-escalated' && c.id.includes(requestId),
      );

    it('a STAT request nobody acknowledges climbs rung by rung; the ERP hears once, signed, however often and wherever it is swept', async () => {
      const receiver = await startReceiver(() => ({ status: 204 }));
      const hook = await call(server(), 'POST', '/v1/erp/webhooks', erpKey, {
        url: receiver.url,
        eventTypes: ['supply_request.escalated'],
      });
      expect(hook.status).toBe(201);
      const { secret } = hook.body as { secret: string };
      try {
        const request = stat();
        expect((await push(request)).status).toBe(200);
        const db = server().database.db;

        expect(await sweepEscalations(db, minute(9))).toBe(0);
        expect(await rungsOf(request.id)).toEqual([]);
        expect(await sweepEscalations(db, minute(25))).toBe(0);
        expect((await rungsOf(request.id)).sort()).toEqual([
          'acknowledge:reminder',
          'acknowledge:supervisor',
        ]);
        expect(await escalatedConditions(minute(25), request.id)).toEqual([]);
        const queued = await escalatedConditions(minute(31), request.id);
        expect(queued).toHaveLength(1);
        expect(queued[0]!.summary).toMatch(
          /Not acknowledged for 31 min — escalated to the centre$/,
        );
        // The console says it again against its own clock: the wait counts on, the words are one.
        expect(queued[0]!.ladder).toMatchObject({
          clock: 'acknowledge',
          rung: 'exception-queue',
          startedAt: minute(0).toISOString(),
          windowMinutes: 10,
        });
        expect(exceptionSummaryAt(queued[0]!, minute(38))).toBe(
          queued[0]!.summary.replace('for 31 min', 'for 38 min'),
        );
        // Past the next window, the next rung: what the ladder itself would say then.
        expect(exceptionSummaryAt(queued[0]!, minute(41))).toMatch(
          /Not acknowledged for 41 min — escalated to the centre and the ERP$/,
        );

        // The last rung: two endpoint processes sweeping at once, and again later, report it once.
        const sweeps = await Promise.all([
          sweepEscalations(db, minute(41)),
          sweepEscalations(db, minute(41)),
        ]);
        expect(sweeps.reduce((a, b) => a + b, 0)).toBe(1);
        expect(await sweepEscalations(db, minute(90))).toBe(0);
        const messages = await waitFor(
          () =>
            receiver.received.filter((r) => r.body.includes(request.id)).length > 0
              ? receiver.received.filter((r) => r.body.includes(request.id))
              : undefined,
          15_000,
        );
        await worker.tick();
        const unique = new Set(messages.map((m) => String(m.headers['webhook-id'])));
        expect(unique.size).toBe(1);
        expect(messages.every((m) => signedWith(secret, m))).toBe(true);
        expect(JSON.parse(messages[0]!.body)).toMatchObject({
          type: 'supply_request.escalated',
          data: {
            requestId: request.id,
            facilityId: facility,
            clock: 'acknowledge',
            rung: 'erp',
            priority: 'stat',
          },
        });
      } finally {
        await receiver.close();
      }
    });

    it('once acknowledged the delivery clock runs; a received request leaves the ladder and the queue', async () => {
      const request = stat();
      expect((await push(request)).status).toBe(200);
      const acked = moved(request, 'acknowledged', STAFF.supervisor, minute(5).toISOString());
      const pushed = await push(acked, request);
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
      const db = server().database.db;
      await sweepEscalations(db, minute(50));
      expect(await rungsOf(request.id)).toEqual([]);
      await sweepEscalations(db, minute(130));
      expect((await rungsOf(request.id)).sort()).toEqual([
        'deliver:reminder',
        'deliver:supervisor',
      ]);
      expect(await escalatedConditions(minute(185), request.id)).toHaveLength(1);
    });
  },
  { adminAuth: adminTokenAuthenticator([ADMIN]), webhooks: testWebhookSettings() },
);
