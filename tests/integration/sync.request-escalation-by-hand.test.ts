import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HandEscalation, RequestView } from '../../shared/console';
import type { SupplyRequest } from '../../shared/model';
import { adminTokenAuthenticator } from '../../sync/auth/admin-auth';
import { sweepEscalations } from '../../sync/escalation/escalation-sweep';
import { startWebhookWorker, type WebhookWorker } from '../../sync/webhooks/worker';
import type { ConsoleClient } from './console-helpers/console-client';
import { signedInAs, signedInPerson } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, type EnrolledDevice } from './sync-helpers/devices';
import { moved, supplyRequest } from './sync-helpers/documents';
import { startReceiver } from './sync-helpers/receiver';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';
import { waitFor } from './sync-helpers/wait';
import { FAST_WORKER, signedWith, testWebhookSettings } from './sync-helpers/webhook-settings';

/**
 * A buyer escalates a supply request to the ERP by hand, with a reason, before its clock gets
 * there: recorded once with who and why, the ERP told once (never again by the clock's sweep),
 * audited, shown to the next buyer; every refusal a 4xx with nothing stored.
 */
const ADMIN = 'adm_escalation-by-hand-credential-long-enough';
const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();
const REASON = 'Supplier out of 20G catheters until Friday: the ERP must source them today';

describeOnBackends(
  'requests: a buyer escalates to the ERP by hand',
  'escalation_by_hand',
  (server) => {
    let worker: WebhookWorker;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let secret: string;
    let facility: string;
    let device: EnrolledDevice;
    let buyer: ConsoleClient;
    let buyerName: string;
    beforeAll(async () => {
      const db = server().database.db;
      worker = startWebhookWorker(db, server().app.log, server().context.webhooks, FAST_WORKER);
      facility = await addStaffedFacility(server());
      device = await enrollDevice(server(), facility);
      const erpKey = await createApiKey(server(), ['requests:read', 'webhooks:manage']);
      receiver = await startReceiver(() => ({ status: 204 }));
      const hook = await call(server(), 'POST', '/v1/erp/webhooks', erpKey, {
        url: receiver.url,
        eventTypes: ['supply_request.escalated'],
      });
      expect(hook.status).toBe(201);
      secret = (hook.body as { secret: string }).secret;
      ({ client: buyer, username: buyerName } = await signedInAs(server(), 'buyer'));
    });
    afterAll(async () => {
      await worker.stop();
      await receiver.close();
    });

    const push = async (next: SupplyRequest, current?: SupplyRequest) => {
      const pushed = await call(
        server(),
        'POST',
        '/v1/replication/supply_requests/push',
        device.token,
        [{ newDocumentState: next, ...(current ? { assumedMasterState: current } : {}) }],
      );
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
      return next;
    };
    /** A STAT request submitted `minutes` ago that nobody has acknowledged. */
    const stat = (minutes: number) =>
      supplyRequest(facility, {
        status: 'submitted',
        priority: 'stat',
        kind: 'urgent',
        createdBy: STAFF.nurseManager,
        history: [
          { status: 'draft', at: ago(minutes), by: STAFF.nurseManager },
          { status: 'submitted', at: ago(minutes), by: STAFF.nurseManager },
        ],
      });
    const escalate = (client: ConsoleClient, id: string, body: unknown) =>
      client.request('POST', `/v1/admin/requests/${id}/escalations`, body);
    /** What a request left behind at the centre: its recorded rungs and its queued webhooks. */
    const storedFor = async (id: string) => {
      const db = server().database.db;
      const rungs = (
        await db
          .selectFrom('request_escalations')
          .select(['clock', 'rung', 'escalated_by', 'reason'])
          .where('request_id', '=', id)
          .orderBy('rung')
          .execute()
      ).map((r) => ({ ...r }));
      const queued = await db
        .selectFrom('outbox')
        .select(['payload'])
        .where('event_type', '=', 'supply_request.escalated')
        .where(sql<boolean>`payload->>'requestId' = ${id}`)
        .execute();
      return { rungs, webhooks: queued.map((q) => q.payload as Record<string, unknown>) };
    };
    const delivered = (id: string) =>
      receiver.received.filter(
        (r) => (JSON.parse(r.body) as { data: { requestId: string } }).data.requestId === id,
      );

    it('a buyer escalates an urgent request by hand: once recorded with who and why, the ERP told once, signed, never again by the clock; audited; the next buyer sees it', async () => {
      const request = await push(stat(5));
      const answer = await escalate(buyer, request.id, { reason: `  ${REASON}\n` });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body).toMatchObject({
        requestId: request.id,
        rung: 'erp',
        clock: 'acknowledge',
        manual: true,
        by: `console:${buyerName}`,
        reason: REASON,
      } satisfies Partial<HandEscalation>);

      const stored = await storedFor(request.id);
      expect(stored.rungs).toEqual([
        { clock: 'acknowledge', rung: 'erp', escalated_by: `console:${buyerName}`, reason: REASON },
      ]);
      expect(stored.webhooks).toHaveLength(1);

      // The ERP hears it at once, signed, with the sweep's fields and who and why.
      const messages = await waitFor(
        () => (delivered(request.id).length > 0 ? delivered(request.id) : undefined),
        15_000,
      );
      expect(signedWith(secret, messages[0]!)).toBe(true);
      expect(JSON.parse(messages[0]!.body)).toMatchObject({
        type: 'supply_request.escalated',
        data: {
          requestId: request.id,
          facilityId: facility,
          priority: 'stat',
          status: 'submitted',
          locationId: request.locationId,
          clock: 'acknowledge',
          rung: 'erp',
          submittedAt: request.history[1]!.at,
          dueAt: new Date(Date.parse(request.history[1]!.at) + 15 * MINUTE).toISOString(),
          minutesWaiting: expect.any(Number),
          message: expect.stringMatching(
            new RegExp(
              `^Not acknowledged for \\d+ min — escalated to the ERP by hand by ${buyerName}: Supplier out`,
            ),
          ),
          manual: true,
          by: `console:${buyerName}`,
          reason: REASON,
        },
      });

      // The clock catches up two hours later: it records the lower rungs, the ERP rung is taken.
      const later = new Date(Date.now() + 120 * MINUTE);
      expect(await sweepEscalations(server().database.db, later)).toBe(0);
      expect(await sweepEscalations(server().database.db, later)).toBe(0);
      const after = await storedFor(request.id);
      expect(after.rungs.map((r) => `${r.clock}:${r.rung}`)).toEqual([
        'acknowledge:erp',
        'acknowledge:exception-queue',
        'acknowledge:reminder',
        'acknowledge:supervisor',
      ]);
      expect(after.rungs.find((r) => r.rung === 'erp')).toMatchObject({
        escalated_by: `console:${buyerName}`,
        reason: REASON,
      });
      expect(after.webhooks).toHaveLength(1);
      await worker.tick();
      expect(new Set(delivered(request.id).map((m) => String(m.headers['webhook-id']))).size).toBe(
        1,
      );

      // A second buyer is told when and by whom; nothing more is stored.
      const second = await signedInPerson(server(), 'buyer');
      const twice = await escalate(second, request.id, { reason: 'Ward phoned again' });
      expect([twice.status, twice.body.code]).toEqual([409, 'REQUEST_ALREADY_ESCALATED']);
      expect(twice.body.message).toMatch(
        new RegExp(
          `already escalated to the ERP by hand by ${buyerName} at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`,
        ),
      );
      // Beside the sentence (UTC), the rung itself: the console says the instant in its own clock.
      expect(twice.body.escalation).toEqual({
        clock: 'acknowledge',
        at: answer.body.at,
        by: `console:${buyerName}`,
        reason: REASON,
      });
      expect((await storedFor(request.id)).webhooks).toHaveLength(1);

      // The next buyer sees who escalated it and why.
      const listed = await second.request('GET', `/v1/admin/requests?facility=${facility}`);
      const view = (listed.body as { requests: RequestView[] }).requests.find(
        (v) => v.request.id === request.id,
      );
      expect(view?.erpEscalations).toEqual([
        { clock: 'acknowledge', at: answer.body.at, by: `console:${buyerName}`, reason: REASON },
      ]);

      // Audited: who, what, on which request, and why; the refusal too.
      const audit = await server()
        .database.db.selectFrom('audit_log')
        .select(['actor_type', 'actor_id', 'outcome', 'target', 'detail'])
        .where('action', '=', 'POST /v1/admin/requests/:id/escalations')
        .where('target', 'like', `%${request.id}%`)
        .orderBy('id')
        .execute();
      expect(audit.map((a) => [a.actor_type, a.outcome])).toEqual([
        ['console-user', 'accepted'],
        ['console-user', 'refused'],
      ]);
      expect(audit[0]!.actor_id).toBe(buyerName);
      expect(audit[0]!.detail).toMatchObject({ requestId: request.id, reason: REASON });
      expect(audit[1]!.detail).toMatchObject({ error: 'REQUEST_ALREADY_ESCALATED' });
    });

    it('when the clock got there first, the buyer is told it escalated by the clock, and nothing is sent twice', async () => {
      const request = await push(stat(70));
      expect(await sweepEscalations(server().database.db, new Date())).toBeGreaterThanOrEqual(1);
      expect((await storedFor(request.id)).webhooks).toHaveLength(1);
      const refused = await escalate(buyer, request.id, { reason: REASON });
      expect([refused.status, refused.body.code]).toEqual([409, 'REQUEST_ALREADY_ESCALATED']);
      expect(refused.body.message).toMatch(/already escalated to the ERP by the clock at /);
      const stored = await storedFor(request.id);
      expect(stored.webhooks).toHaveLength(1);
      expect(stored.rungs.find((r) => r.rung === 'erp')).toMatchObject({
        escalated_by: null,
        reason: null,
      });
      expect(stored.webhooks[0]).toMatchObject({ manual: false });
    });

    it('an acknowledged request is escalated on its delivery clock', async () => {
      const submitted = await push(stat(5));
      await push(moved(submitted, 'acknowledged', STAFF.supervisor, ago(4)), submitted);
      const answer = await escalate(buyer, submitted.id, { reason: REASON });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body.clock).toBe('deliver');
      expect((await storedFor(submitted.id)).webhooks[0]).toMatchObject({
        clock: 'deliver',
        status: 'acknowledged',
        manual: true,
        message: expect.stringMatching(
          /^Not received after \d+ min — escalated to the ERP by hand/,
        ),
      });
    });

    it('every refusal is a clear 4xx and leaves nothing stored', async () => {
      const open = await push(stat(5));
      const cancelled = await push(
        supplyRequest(facility, { status: 'cancelled', createdBy: STAFF.nurseManager }),
      );
      const draft = await push(
        supplyRequest(facility, { status: 'draft', createdBy: STAFF.nurseManager }),
      );
      const analyst = await signedInPerson(server(), 'analyst');
      const cases: [ConsoleClient, string, unknown, number, string | undefined][] = [
        [buyer, 'REQ-NOWHERE', { reason: REASON }, 404, 'REQUEST_UNKNOWN'],
        [buyer, cancelled.id, { reason: REASON }, 409, 'REQUEST_NOT_OPEN'],
        [buyer, draft.id, { reason: REASON }, 409, 'REQUEST_NOT_OPEN'],
        [buyer, open.id, { reason: '  \n ' }, 422, 'REASON_REQUIRED'],
        [buyer, open.id, {}, 400, undefined],
        [buyer, open.id, { reason: 'x'.repeat(1001) }, 400, undefined],
        [buyer, open.id, { reason: REASON, by: 'someone-else' }, 400, undefined],
        [analyst, open.id, { reason: REASON }, 403, 'ROLE_NOT_PERMITTED'],
      ];
      for (const [client, id, body, status, code] of cases) {
        const answer = await escalate(client, id, body);
        expect(answer.status, `${id} ${JSON.stringify(body).slice(0, 40)}`).toBe(status);
        if (code) expect(answer.body.code).toBe(code);
        expect(answer.body.message).toEqual(expect.any(String));
      }
      for (const id of [open.id, cancelled.id, draft.id]) {
        expect(await storedFor(id)).toEqual({ rungs: [], webhooks: [] });
      }
      // An analyst sees the request but is offered nothing to do.
      const seen = await analyst.request('GET', `/v1/admin/requests?facility=${facility}`);
      expect(seen.status).toBe(200);
    });

    it('is in the OpenAPI document with its body, answer and refusals', async () => {
      const doc = (await call(server(), 'GET', '/v1/openapi.json', null)).body as {
        paths: Record<
          string,
          Record<
            string,
            {
              security?: unknown[];
              requestBody: { content: Record<string, { schema: { required: string[] } }> };
              responses: Record<string, unknown>;
            }
          >
        >;
      };
      const post = doc.paths['/v1/admin/requests/{id}/escalations']?.['post'];
      expect(post?.requestBody.content['application/json']?.schema.required).toEqual(['reason']);
      expect(Object.keys(post?.responses ?? {}).sort()).toEqual(
        ['201', '400', '401', '403', '404', '409', '422'].sort(),
      );
      expect(post?.security).toEqual([{ bearer: [] }, { consoleSession: [] }]);
    });

    it('the same Idempotency-Key replays the answer and escalates nothing twice', async () => {
      const request = await push(stat(5));
      const send = () =>
        fetch(`${server().url}/v1/admin/requests/${request.id}/escalations`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${ADMIN}`,
            'content-type': 'application/json',
            'idempotency-key': `escalate-${request.id}`,
          },
          body: JSON.stringify({ reason: REASON }),
        });
      const first = await send();
      const firstBody = (await first.json()) as HandEscalation;
      expect(first.status).toBe(201);
      expect(firstBody.by).toBe('console:admin-token');
      const again = await send();
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(firstBody);
      const stored = await storedFor(request.id);
      expect(stored.rungs).toHaveLength(1);
      expect(stored.webhooks).toHaveLength(1);
    });
  },
  { adminAuth: adminTokenAuthenticator([ADMIN]), webhooks: testWebhookSettings() },
);
