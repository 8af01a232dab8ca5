import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RequestStatus, SupplyRequest } from '../../shared/model';
import { transition } from '../../shared/replenishment/request-status';
import { BehaviorSubject } from 'rxjs';
import { followApprovalPolicy } from '../../renderer/replication/approval-policy-fetch';
import { STOPPED, type SyncStatus } from '../../renderer/replication/sync-status';
import { localApprovalPolicy } from '../../renderer/store/approval-policy-local';
import { adminTokenAuthenticator } from '../../sync/auth/admin-auth';
import { openTestStore } from '../unit/store-test-db';
import { startWebhookWorker, type WebhookWorker } from '../../sync/webhooks/worker';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, type EnrolledDevice } from './sync-helpers/devices';
import { supplyRequest } from './sync-helpers/documents';
import { startReceiver } from './sync-helpers/receiver';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';
import { waitFor } from './sync-helpers/wait';
import { FAST_WORKER, signedWith, testWebhookSettings } from './sync-helpers/webhook-settings';

/** Issue 15: a request's life across PC, centre and ERP, with the facility's approval policy. */
const ADMIN = 'adm_request-approvals-credential-long-enough';
const at = (minute: number) => `2026-11-02T10:${String(minute).padStart(2, '0')}:00Z`;

describeOnBackends(
  'requests: steps, approval policy and segregation of duties',
  'request_approvals',
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
      erpKey = await createApiKey(server(), ['requests:write', 'requests:read', 'webhooks:manage']);
      // Version 1: anything unstocked needs one approval; above 500.00 a second level.
      const saved = await call(
        server(),
        'POST',
        `/v1/admin/facilities/${facility}/approval-policies`,
        ADMIN,
        { nonStockNeedsApproval: true, controlledItemIds: [], secondLevelValueAbove: 500 },
      );
      expect(saved.status).toBe(201);
    });
    afterAll(async () => {
      await worker.stop();
    });

    const push = (current: SupplyRequest | undefined, next: SupplyRequest) =>
      call(server(), 'POST', '/v1/replication/supply_requests/push', device.token, [
        current
          ? { assumedMasterState: current, newDocumentState: next }
          : { newDocumentState: next },
      ]);
    function step(r: SupplyRequest, to: RequestStatus, by: string, minute: number, extra = {}) {
      const moved = transition(r, to, { at: at(minute), by, ...extra });
      if (!moved.ok) throw new Error(moved.error.message);
      return moved.value;
    }
    const codeOf = (a: { body: unknown }) => (a.body as { code?: string }).code;

    it('the PC fetches the latest policy version; the admin API lists every version', async () => {
      const fetched = await call(server(), 'GET', '/v1/replication/approval-policy', device.token);
      expect(fetched.body).toMatchObject({ policy: { facilityId: facility, version: 1 } });
      const listed = await call(
        server(),
        'GET',
        `/v1/admin/facilities/${facility}/approval-policies`,
        ADMIN,
      );
      expect((listed.body as { policies: unknown[] }).policies).toHaveLength(1);
      const crossed = await call(
        server(),
        'POST',
        `/v1/admin/facilities/${facility}/approval-policies`,
        ADMIN,
        {
          valueAbove: 900,
          secondLevelValueAbove: 100,
          nonStockNeedsApproval: false,
          controlledItemIds: [],
        },
      );
      expect([crossed.status, codeOf(crossed)]).toEqual([422, 'POLICY_THRESHOLDS_CROSSED']);
    });

    it('a PC keeps the fetched policy when sync comes online, and applies it offline', async () => {
      const db = await openTestStore();
      try {
        const status = new BehaviorSubject<SyncStatus>({ ...STOPPED, phase: 'offline' });
        const follow = followApprovalPolicy(db, {
          url: server().url,
          token: async () => device.token,
          status$: status,
        });
        expect((await localApprovalPolicy(db)).version).toBe(0); // the built-in version
        status.next({ ...STOPPED, phase: 'online' });
        await follow.idle();
        follow.subscription.unsubscribe();
        expect(await localApprovalPolicy(db)).toMatchObject({
          version: 1,
          secondLevelValueAbove: 500,
        });
      } finally {
        await db.close();
      }
    });

    it('refuses an acknowledgement that understates the levels or names an unknown version', async () => {
      const raised = supplyRequest(facility, { status: 'submitted' });
      expect((await push(undefined, raised)).status).toBe(200);
      const none = step(raised, 'acknowledged', STAFF.supervisor, 10, {
        approval: { policyVersion: 1, levels: 0 },
      });
      const understated = await push(raised, none);
      expect([understated.status, codeOf(understated)]).toEqual([
        422,
        'APPROVAL_LEVELS_UNDERSTATED',
      ]);
      const forged = step(raised, 'acknowledged', STAFF.supervisor, 10, {
        approval: { policyVersion: 9, levels: 1 },
      });
      expect(codeOf(await push(raised, forged))).toBe('POLICY_VERSION_UNKNOWN');
    });

    it('the requester never approves their own request; another supervisor does, and the ERP learns each step', async () => {
      const receiver = await startReceiver(() => ({ status: 204 }));
      const hook = await call(server(), 'POST', '/v1/erp/webhooks', erpKey, {
        url: receiver.url,
        eventTypes: ['supply_request.step'],
      });
      expect(hook.status).toBe(201);
      const { secret } = hook.body as { secret: string };
      try {
        // Raised by a supervisor (who may also acknowledge it), on the PC.
        const raised = supplyRequest(facility, {
          status: 'submitted',
          createdBy: STAFF.supervisor,
          history: [
            { status: 'draft', at: at(0), by: STAFF.supervisor },
            { status: 'submitted', at: at(1), by: STAFF.supervisor },
          ],
        });
        expect((await push(undefined, raised)).status).toBe(200);
        const acked = step(raised, 'acknowledged', STAFF.supervisor, 2, {
          approval: { policyVersion: 1, levels: 1 },
        });
        expect((await push(raised, acked)).status).toBe(200);
        const own = await push(acked, step(acked, 'approved', STAFF.supervisor, 3));
        expect([own.status, codeOf(own)]).toEqual([403, 'SEGREGATION_OF_DUTIES']);
        const approved = step(acked, 'approved', STAFF.supervisor2, 3);
        expect(approved.history.at(-1)).toMatchObject({ level: 1, policyVersion: 1 });
        expect((await push(acked, approved)).status).toBe(200);
        // The ERP orders and ships in two parts; the stockroom receives both.
        const path = `/v1/erp/requests/${raised.id}/status`;
        const line = raised.lines[0]!;
        for (const body of [
          { status: 'ordered', by: 'buyer.jones' },
          { status: 'shipped', by: 'dock.smith', lines: [{ itemId: line.itemId, quantity: 1 }] },
          { status: 'shipped', by: 'dock.smith' },
        ]) {
          const answer = await call(server(), 'POST', path, erpKey, { ...body, at: at(20) });
          expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        }
        const ownReceipt = await call(server(), 'POST', path, erpKey, {
          status: 'received',
          by: 'buyer.jones',
        });
        expect([ownReceipt.status, codeOf(ownReceipt)]).toEqual([403, 'STEP_NOT_PERMITTED']);
        const pulled = (
          await call(
            server(),
            'GET',
            '/v1/replication/supply_requests/pull?limit=1000',
            device.token,
          )
        ).body as { documents: SupplyRequest[] };
        const shipped = pulled.documents.find((d) => d.id === raised.id)!;
        expect(shipped.status).toBe('shipped');
        const received = step(shipped, 'received', STAFF.tech, 40);
        expect(received.status).toBe('received');
        expect((await push(shipped, received)).status).toBe(200);

        const steps = await waitFor(() => {
          // At least once: a delivery retried after a slow answer repeats its webhook-id.
          const mine = [
            ...new Map(
              receiver.received
                .filter((r) => r.body.includes(raised.id))
                .map((r) => [String(r.headers['webhook-id']), r]),
            ).values(),
          ];
          return mine.length >= 8 ? mine : undefined;
        }, 15_000);
        expect(steps.every((m) => signedWith(secret, m))).toBe(true);
        const statuses = steps.map(
          (m) => (JSON.parse(m.body) as { data: { step: { status: string } } }).data.step.status,
        );
        // draft and submitted arrived with the first push; each later step exactly once.
        expect([...statuses].sort()).toEqual(
          [
            'draft',
            'submitted',
            'acknowledged',
            'approved',
            'ordered',
            'shipped',
            'shipped',
            'received',
          ].sort(),
        );
      } finally {
        await receiver.close();
      }
    });
  },
  { adminAuth: adminTokenAuthenticator([ADMIN]), webhooks: testWebhookSettings() },
);
