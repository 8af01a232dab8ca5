import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SupplyRequest } from '../../shared/model';
import { decideSubstitute } from '../../shared/replenishment/substitution';
import { adminTokenAuthenticator } from '../../sync/auth/admin-auth';
import { startWebhookWorker, type WebhookWorker } from '../../sync/webhooks/worker';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { signedInPerson } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import {
  call,
  createApiKey,
  enrollDevice,
  uniqueId,
  type EnrolledDevice,
} from './sync-helpers/devices';
import { supplyRequest } from './sync-helpers/documents';
import { startReceiver, type Received } from './sync-helpers/receiver';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';
import { waitFor } from './sync-helpers/wait';
import { FAST_WORKER, signedWith, testWebhookSettings } from './sync-helpers/webhook-settings';

/**
 * Issue 15, point 4: the centre proposes substitutes (ERP and console), the ward decides on its PC,
 * the centre checks who decided, and the ERP hears both by webhook; a substitute is never shipped
 * before it is accepted.
 */
const ADMIN = 'adm_substitutions-credential-long-enough';

describeOnBackends(
  'requests: substitutes proposed at the centre, decided by the ward',
  'substitutions',
  (server) => {
    let worker: WebhookWorker;
    let facility: string;
    let device: EnrolledDevice;
    let erpKey: string;
    let substitute: string;
    let retired: string;
    beforeAll(async () => {
      worker = startWebhookWorker(
        server().database.db,
        server().app.log,
        server().context.webhooks,
        FAST_WORKER,
      );
      facility = await addStaffedFacility(server());
      device = await enrollDevice(server(), facility);
      erpKey = await createApiKey(server(), [
        'requests:read',
        'requests:write',
        'webhooks:manage',
        'items:write',
      ]);
      substitute = uniqueId('ITM-SUB');
      retired = uniqueId('ITM-OLD');
      const items = await call(server(), 'PUT', '/v1/erp/items', erpKey, [
        SAMPLE_DOCUMENTS.items,
        {
          ...SAMPLE_DOCUMENTS.items,
          id: substitute,
          name: 'IV catheter 22G',
          gtins: [],
          hibccCodes: [],
        },
        { ...SAMPLE_DOCUMENTS.items, id: retired, status: 'inactive', gtins: [], hibccCodes: [] },
      ]);
      expect(items.status, JSON.stringify(items.body)).toBe(200);
    });
    afterAll(() => worker.stop());

    const push = (doc: SupplyRequest, assumed?: SupplyRequest) =>
      call(server(), 'POST', '/v1/replication/supply_requests/push', device.token, [
        { newDocumentState: doc, ...(assumed ? { assumedMasterState: assumed } : {}) },
      ]);
    const pulled = async (id: string) =>
      (
        (
          await call(
            server(),
            'GET',
            '/v1/replication/supply_requests/pull?limit=1000',
            device.token,
          )
        ).body as { documents: SupplyRequest[] }
      ).documents.find((d) => d.id === id)!;
    const propose = (id: string, body: unknown, key = erpKey) =>
      call(server(), 'POST', `/v1/erp/requests/${id}/substitutions`, key, body);
    const proposal = (lineItemId = 'ITM-1001', itemId = substitute) => ({
      lineItemId,
      itemId,
      quantity: 60,
      reason: '20G backordered until next week; 22G fits the same sets',
    });

    it('the ERP proposes, the nurse manager accepts offline, the ERP hears both, signed; only then is it shipped', async () => {
      const receiver = await startReceiver(() => ({ status: 204 }));
      const hook = await call(server(), 'POST', '/v1/erp/webhooks', erpKey, {
        url: receiver.url,
        eventTypes: ['supply_request.substitution_proposed', 'supply_request.substitution_decided'],
      });
      expect(hook.status, JSON.stringify(hook.body)).toBe(201);
      const { secret } = hook.body as { secret: string };
      try {
        const request = supplyRequest(facility, { createdBy: STAFF.nurseManager });
        expect((await push(request)).status).toBe(200);

        const refusals = [
          [proposal('ITM-1001', 'ITM-NOWHERE'), 422, 'SUBSTITUTE_ITEM_UNKNOWN'],
          [proposal('ITM-1001', retired), 422, 'SUBSTITUTE_ITEM_UNKNOWN'],
          [proposal('ITM-2002'), 422, 'SUBSTITUTE_LINE_UNKNOWN'],
          [proposal('ITM-1001', 'ITM-1001'), 422, 'SUBSTITUTE_INVALID'],
        ] as const;
        for (const [body, status, code] of refusals) {
          const answer = await propose(request.id, { substitutes: [body], by: 'jdoe' });
          expect([answer.status, (answer.body as { code: string }).code]).toEqual([status, code]);
        }
        const noReason = await propose(request.id, {
          substitutes: [{ ...proposal(), reason: '' }],
          by: 'jdoe',
        });
        expect(noReason.status).toBe(400);
        const readOnly = await createApiKey(server(), ['requests:read']);
        expect(
          (await propose(request.id, { substitutes: [proposal()], by: 'jdoe' }, readOnly)).status,
        ).toBe(403);
        expect(
          (await propose('REQ-NOT-THERE', { substitutes: [proposal()], by: 'jdoe' })).status,
        ).toBe(404);

        const proposed = await propose(request.id, { substitutes: [proposal()], by: 'jdoe' });
        expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
        expect((proposed.body as SupplyRequest).substitutions).toEqual([
          expect.objectContaining({
            id: 'S1',
            lineItemId: 'ITM-1001',
            itemId: substitute,
            proposedBy: expect.stringMatching(/^erp:.*:jdoe$/),
          }),
        ]);
        const again = await propose(request.id, { substitutes: [proposal()], by: 'jdoe' });
        expect([again.status, (again.body as { code: string }).code]).toEqual([
          409,
          'SUBSTITUTE_ALREADY_PROPOSED',
        ]);

        // Not accepted yet: the centre cannot ship the substitute.
        const early = await call(
          server(),
          'POST',
          `/v1/erp/requests/${request.id}/status`,
          erpKey,
          {
            status: 'acknowledged',
            by: 'jdoe',
          },
        );
        expect(early.status, JSON.stringify(early.body)).toBe(200);
        for (const status of ['approved', 'ordered'] as const) {
          const step = await call(
            server(),
            'POST',
            `/v1/erp/requests/${request.id}/status`,
            erpKey,
            {
              status,
              by: 'jdoe',
            },
          );
          expect(step.status, JSON.stringify(step.body)).toBe(200);
        }
        const shipTooSoon = await call(
          server(),
          'POST',
          `/v1/erp/requests/${request.id}/status`,
          erpKey,
          { status: 'shipped', by: 'jdoe', lines: [{ itemId: substitute, quantity: 60 }] },
        );
        expect([shipTooSoon.status, (shipTooSoon.body as { code: string }).code]).toEqual([
          422,
          'QUANTITY_BEYOND_OUTSTANDING',
        ]);

        // The PC pulls it; a tech may not decide, the nurse manager may.
        const atPc = await pulled(request.id);
        const byTech = decideSubstitute(
          atPc,
          'S1',
          { outcome: 'accepted', note: 'fine' },
          { person: { id: STAFF.tech, role: 'nurse-manager' }, at: new Date().toISOString() },
        );
        if (!byTech.ok) throw new Error(byTech.error.message);
        const forged = await push(byTech.value, atPc);
        expect([forged.status, (forged.body as { code: string }).code]).toEqual([
          403,
          'ROLE_NOT_PERMITTED',
        ]);
        const accepted = decideSubstitute(
          atPc,
          'S1',
          { outcome: 'accepted', note: 'Same sets take 22G; flush volumes unchanged' },
          {
            person: { id: STAFF.nurseManager, role: 'nurse-manager' },
            at: new Date().toISOString(),
          },
        );
        if (!accepted.ok) throw new Error(accepted.error.message);
        const decided = await push(accepted.value, atPc);
        expect(decided.status, JSON.stringify(decided.body)).toBe(200);
        expect((decided.body as unknown[]).length).toBe(0);
        // Re-sending the same decision is harmless and announces nothing new.
        expect((await push(accepted.value, accepted.value)).status).toBe(200);

        const shipped = await call(
          server(),
          'POST',
          `/v1/erp/requests/${request.id}/status`,
          erpKey,
          {
            status: 'shipped',
            by: 'jdoe',
            lines: [{ itemId: substitute, quantity: 60 }],
          },
        );
        expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
        expect((shipped.body as SupplyRequest).history.at(-1)?.lines).toEqual([
          { itemId: substitute, quantity: 60 },
        ]);

        const mine = (r: Received) => r.body.includes(request.id);
        const messages = await waitFor(
          () =>
            receiver.received.filter(mine).length >= 2 ? receiver.received.filter(mine) : undefined,
          15_000,
        );
        await worker.tick();
        const bodies = receiver.received.filter(mine).map(
          (m) =>
            JSON.parse(m.body) as {
              type: string;
              data: Record<string, unknown>;
            },
        );
        expect(bodies.map((b) => b.type).sort()).toEqual([
          'supply_request.substitution_decided',
          'supply_request.substitution_proposed',
        ]);
        expect(bodies.find((b) => b.type.endsWith('decided'))?.data).toMatchObject({
          requestId: request.id,
          facilityId: facility,
          proposal: { id: 'S1', itemId: substitute, lineItemId: 'ITM-1001' },
          decision: { outcome: 'accepted', by: STAFF.nurseManager },
          state: 'accepted',
        });
        expect(messages.every((m) => signedWith(secret, m))).toBe(true);
      } finally {
        await receiver.close();
      }
    });

    it('a buyer proposes in the console; an analyst may not; a PC may not invent a proposal', async () => {
      const request = supplyRequest(facility, { createdBy: STAFF.nurseManager });
      expect((await push(request)).status).toBe(200);
      const analyst = await signedInPerson(server(), 'analyst');
      expect(
        (
          await analyst.request('POST', `/v1/admin/requests/${request.id}/substitutions`, {
            substitutes: [proposal()],
          })
        ).status,
      ).toBe(403);
      const buyer = await signedInPerson(server(), 'buyer');
      // The choice list: active items only, searched by part of the name, wildcards taken literally.
      const choices = await buyer.request('GET', '/v1/admin/items?search=catheter%2022');
      expect(choices.status).toBe(200);
      const listed = (choices.body as { items: { id: string }[] }).items.map((i) => i.id);
      expect(listed).toContain(substitute);
      expect(listed).not.toContain(retired);
      const all = await buyer.request('GET', '/v1/admin/items');
      expect((all.body as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(
        retired,
      );
      const wildcard = await buyer.request('GET', '/v1/admin/items?search=%25');
      expect((wildcard.body as { items: unknown[] }).items).toEqual([]);
      expect((await buyer.request('GET', '/v1/admin/items?search=x&extra=1')).status).toBe(400);
      const proposed = await buyer.request(
        'POST',
        `/v1/admin/requests/${request.id}/substitutions`,
        { substitutes: [proposal()] },
      );
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
      expect((proposed.body as SupplyRequest).substitutions?.[0]?.proposedBy).toMatch(/^console:/);

      const atPc = await pulled(request.id);
      const invented: SupplyRequest = {
        ...atPc,
        substitutions: [
          ...(atPc.substitutions ?? []),
          { ...atPc.substitutions![0]!, id: 'S2', itemId: 'ITM-ANY', quantity: 1 },
        ],
      };
      const refused = await push(invented, atPc);
      expect([refused.status, (refused.body as { code: string }).code]).toEqual([
        422,
        'SUBSTITUTION_NOT_THE_STOCKROOMS',
      ]);
    });
  },
  { adminAuth: adminTokenAuthenticator([ADMIN]), webhooks: testWebhookSettings() },
);
