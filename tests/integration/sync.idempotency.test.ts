import pg from 'pg';
import { expect, it } from 'vitest';
import { adminTokenAuthenticator } from '../../sync/auth/admin-auth';
import { DOCUMENT_LOCKS, documentLockName } from '../../sync/store/sequenced';
import { KEY_LIFETIME_HOURS } from '../../sync/http/idempotency';
import { describeOnBackends } from './sync-helpers/backends';
import { addFacility, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { supplyRequest } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';
import { addStaffedFacility } from './sync-helpers/staff';

/** Issue 15 point 6: Idempotency-Key on the ERP and admin APIs (IETF httpapi draft). */
const ADMIN = 'adm_idempotency-test-credential-long-enough';

interface Answer {
  status: number;
  body: Record<string, unknown>;
  replayed: string | null;
}

async function send(
  server: TestServer,
  path: string,
  token: string,
  body: unknown,
  key?: string,
): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(key !== undefined ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    replayed: response.headers.get('idempotent-replayed'),
  };
}

/** A submitted request of a staffed facility, pushed by its PC; answers its id. */
async function submittedRequest(server: TestServer): Promise<string> {
  const facility = await addStaffedFacility(server);
  const device = await enrollDevice(server, facility);
  const request = supplyRequest(facility);
  const pushed = await fetch(`${server.url}/v1/replication/supply_requests/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ newDocumentState: request }]),
  });
  expect(pushed.status).toBe(200);
  return request.id;
}

const acknowledge = { status: 'acknowledged', by: 'buyer.jones', at: '2026-11-02T09:30:00Z' };

describeOnBackends(
  'Idempotency-Key',
  'idempotency',
  (server, backend) => {
    it('the same key and body answer the stored status and body; the step is taken once', async () => {
      const key = await createApiKey(server(), ['requests:write']);
      const id = await submittedRequest(server());
      const path = `/v1/erp/requests/${id}/status`;
      const idem = uniqueId('idem');
      const first = await send(server(), path, key, acknowledge, idem);
      expect(first.status).toBe(200);
      expect(first.replayed).toBeNull();
      const again = await send(server(), path, key, acknowledge, `"${idem}"`); // sf-string form
      expect(again).toEqual({ ...first, replayed: 'true' });
      const history = again.body['history'] as { status: string }[];
      expect(history.filter((h) => h.status === 'acknowledged')).toHaveLength(1);
      // Without the key the same call is a new request, refused by the machine.
      expect((await send(server(), path, key, acknowledge)).status).toBe(409);
    });

    it('the same key with another body is 422; a refused answer is stored and replayed too', async () => {
      const key = await createApiKey(server(), ['requests:write']);
      const id = await submittedRequest(server());
      const path = `/v1/erp/requests/${id}/status`;
      const idem = uniqueId('idem');
      const refused = await send(server(), path, key, { status: 'shipped', by: 'x' }, idem);
      expect(refused.status).toBe(409);
      expect(await send(server(), path, key, { status: 'shipped', by: 'x' }, idem)).toEqual({
        ...refused,
        replayed: 'true',
      });
      const other = await send(server(), path, key, acknowledge, idem);
      expect(other.status).toBe(422);
      expect(other.body['code']).toBe('IDEMPOTENCY_KEY_REUSED');
      const elsewhere = await send(
        server(),
        `/v1/erp/requests/REQ-other/status`,
        key,
        { status: 'shipped', by: 'x' },
        idem,
      );
      expect(elsewhere.status).toBe(422); // another path is another request
    });

    it('keys belong to one API key: another key with the same key runs its own request', async () => {
      const a = await createApiKey(server(), ['requests:write']);
      const b = await createApiKey(server(), ['requests:write']);
      const idem = uniqueId('idem');
      const first = await submittedRequest(server());
      const second = await submittedRequest(server());
      expect(
        (await send(server(), `/v1/erp/requests/${first}/status`, a, acknowledge, idem)).status,
      ).toBe(200);
      const byB = await send(server(), `/v1/erp/requests/${second}/status`, b, acknowledge, idem);
      expect([byB.status, byB.replayed]).toEqual([200, null]);
    });

    it('refuses a key that is not 1-255 printable characters', async () => {
      const key = await createApiKey(server(), ['requests:write']);
      const answer = await send(server(), '/v1/erp/requests/REQ-x/status', key, acknowledge, 'a b');
      expect([answer.status, answer.body['code']]).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
    });

    it('many concurrent sends of one key: one runs, the others wait (409) or read its answer', async () => {
      const key = await createApiKey(server(), ['requests:write']);
      const id = await submittedRequest(server());
      const idem = uniqueId('idem');
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          send(server(), `/v1/erp/requests/${id}/status`, key, acknowledge, idem),
        ),
      );
      const ran = answers.filter((a) => a.status === 200 && a.replayed === null);
      expect(ran).toHaveLength(1);
      for (const a of answers) {
        if (a.status === 409) expect(a.body['code']).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
        else expect(a).toEqual({ ...ran[0]!, replayed: a.replayed });
      }
      const final = await send(server(), `/v1/erp/requests/${id}/status`, key, acknowledge, idem);
      expect(final).toEqual({ ...ran[0]!, replayed: 'true' });
    });

    // Holding the lock from outside needs a second connection, which only a server gives: on the
    // embedded database this case exists only as the concurrent-sends test above.
    const onServer = backend === 'postgres' ? it : () => undefined;
    onServer(
      'a retry while the first is still running is 409, then the first answer is replayed',
      async () => {
        const key = await createApiKey(server(), ['requests:write']);
        const id = await submittedRequest(server());
        const path = `/v1/erp/requests/${id}/status`;
        const idem = uniqueId('idem');
        // Hold the request's document lock, which its write takes first, so it stays running.
        const blocker = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
        await blocker.connect();
        try {
          await blocker.query('begin');
          await blocker.query('select pg_advisory_xact_lock($1, hashtext($2))', [
            DOCUMENT_LOCKS,
            documentLockName('supply_requests', id),
          ]);
          const first = send(server(), path, key, acknowledge, idem);
          // The retry goes only once the first has claimed the key: sent before, it would be the
          // one to claim it, and both would wait on the lock.
          await expect
            .poll(
              async () =>
                (
                  await server()
                    .database.db.selectFrom('idempotency_keys')
                    .select('state')
                    .where('key', '=', idem)
                    .executeTakeFirst()
                )?.state,
              { timeout: 10_000 },
            )
            .toBe('running');
          const retry = await send(server(), path, key, acknowledge, idem);
          expect(retry?.status).toBe(409);
          expect(retry?.body['code']).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
          await blocker.query('commit');
          const answered = await first;
          expect(answered.status).toBe(200);
          expect(await send(server(), path, key, acknowledge, idem)).toEqual({
            ...answered,
            replayed: 'true',
          });
        } finally {
          await blocker.query('rollback').catch(() => undefined);
          await blocker.end();
        }
      },
    );

    it('the admin API: a policy saved twice under one key is one version; the key is kept 48 h', async () => {
      const facility = await addFacility(server());
      const path = `/v1/admin/facilities/${facility}/approval-policies`;
      const rules = {
        valueAbove: 500,
        nonStockNeedsApproval: true,
        controlledItemIds: ['ITM-MORPH'],
        secondLevelValueAbove: 5000,
      };
      const idem = uniqueId('idem');
      const saved = await send(server(), path, ADMIN, rules, idem);
      expect(saved.status).toBe(201);
      expect(saved.body['policy']).toMatchObject({ facilityId: facility, version: 1, ...rules });
      expect(await send(server(), path, ADMIN, rules, idem)).toEqual({
        ...saved,
        replayed: 'true',
      });
      const other = await send(server(), path, ADMIN, { ...rules, valueAbove: 100 }, idem);
      expect(other.status).toBe(422);
      const next = await send(
        server(),
        path,
        ADMIN,
        { ...rules, valueAbove: 100 },
        uniqueId('idem'),
      );
      expect((next.body['policy'] as { version: number }).version).toBe(2);
      const kept = await server()
        .database.db.selectFrom('idempotency_keys')
        .select(['created_at', 'expires_at'])
        .where('key', '=', idem)
        .executeTakeFirstOrThrow();
      const hours = (kept.expires_at.getTime() - kept.created_at.getTime()) / 3_600_000;
      expect(hours).toBeCloseTo(KEY_LIFETIME_HOURS, 3);
      expect(KEY_LIFETIME_HOURS).toBeGreaterThanOrEqual(24);
    });
  },
  { adminAuth: adminTokenAuthenticator([ADMIN]) },
);
