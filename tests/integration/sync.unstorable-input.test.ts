import { expect, it } from 'vitest';
import { recordAudit } from '../../sync/audit/record';
import { adminTokenAuthenticator } from '../../sync/auth/admin-auth';
import { API_SCOPES } from '../../sync/auth/api-key-auth';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import { fhirGet } from './sync-helpers/fhir';
import type { TestServer } from './sync-helpers/server';
import { addStaffedFacility } from './sync-helpers/staff';

/**
 * The hostile-input audit of 2026-12: values the schemas let through and the database or
 * JavaScript could not hold (a leap second, NUL, a year past 9999) answered 500, some of them on
 * every later read; and an audit line holding NUL was lost. Each is now a 4xx where it arrives.
 */
const ADMIN = 'adm_unstorable-input-test-credential';

interface Refusal {
  code: string;
  message: string;
  errors?: { field: string; message: string }[];
}
interface AuditLine {
  action: string;
  outcome: string;
  status: number | null;
  actorId: string;
  target: string | null;
  detail: Record<string, unknown> | null;
}

const fields = (body: unknown) => ((body as Refusal).errors ?? []).map((e) => e.field);

async function auditLines(server: TestServer, what: string): Promise<AuditLine[]> {
  const answer = await call(
    server,
    'GET',
    `/v1/admin/audit?what=${encodeURIComponent(what)}&limit=500`,
    ADMIN,
  );
  expect(answer.status).toBe(200);
  return (answer.body as { entries: AuditLine[] }).entries;
}

describeOnBackends(
  'sync: values the database cannot hold are refused where they arrive',
  'unstorable_input',
  (server) => {
    async function credentials() {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const key = await createApiKey(server(), [...API_SCOPES]);
      return { facility, device, key };
    }

    it('a leap second is refused when written, so the recall list and the FHIR deliveries keep answering', async () => {
      const { device, key } = await credentials();
      const leap = stockEvent(device, { occurredAt: '2026-12-31T23:59:60Z' });
      const pushed = await call(
        server(),
        'POST',
        '/v1/replication/stock_events/push',
        device.token,
        [{ newDocumentState: leap }],
      );
      expect(pushed.status).toBe(422);
      expect(pushed.body).toMatchObject({ code: 'DOCUMENT_INVALID', documentId: leap.id });
      expect((pushed.body as Refusal).message).toMatch(/occurredAt.*no leap second/);

      const recall = { ...SAMPLE_DOCUMENTS.recall_notices, id: uniqueId('RCL') };
      const leapRecall = { ...recall, issuedAt: '2026-06-30T23:59:60Z' };
      const refused = await call(server(), 'POST', '/v1/erp/recalls', key, leapRecall);
      expect(refused.status).toBe(400);
      expect(fields(refused.body)).toEqual(['issuedAt']);

      expect((await call(server(), 'GET', '/v1/admin/recalls', ADMIN)).status).toBe(200);
      expect((await fhirGet(server(), '/SupplyDelivery', key)).status).toBe(200);
    });

    it('a date-time JavaScript or PostgreSQL cannot hold in an audit search is a 400 naming `since`', async () => {
      const { key } = await credentials();
      for (const since of [
        '2026-06-30T23:59:60Z',
        '0000-01-01T00:00:00Z',
        '2026-02-30T00:00:00Z',
      ]) {
        const q = `since=${encodeURIComponent(since)}`;
        for (const [path, token] of [
          [`/v1/admin/audit?${q}`, ADMIN],
          [`/v1/admin/audit.csv?${q}`, ADMIN],
          [`/v1/erp/audit?${q}`, key],
        ] as const) {
          const answer = await call(server(), 'GET', path, token);
          expect(answer.status, path).toBe(400);
          expect(fields(answer.body), path).toEqual(['since']);
        }
      }
    });

    it('NUL and control characters in admin paths, queries and bodies are a 400 naming the field, and nothing is written', async () => {
      const { facility } = await credentials();
      const cases: [string, string, unknown, string][] = [
        ['GET', '/v1/admin/devices?facilityId=%00', undefined, 'facilityId'],
        ['GET', '/v1/admin/pcs?facilityId=%00', undefined, 'facilityId'],
        ['POST', '/v1/admin/api-keys/a%00b/revoke', undefined, 'id'],
        ['POST', '/v1/admin/api-keys/a%00b/rotate', undefined, 'id'],
        ['PUT', '/v1/admin/api-keys/a%00b/expiry', { expiresAt: null }, 'id'],
        ['POST', '/v1/admin/devices/a%00b/revoke', undefined, 'id'],
        ['POST', '/v1/admin/console-users/a%00b/disable', undefined, 'username'],
        ['POST', '/v1/admin/enrollment-codes', { facilityId: `${facility}\u0000` }, 'facilityId'],
        ['POST', '/v1/admin/facilities', { id: 'F-NUL', name: 'a\u0000' }, 'name'],
        ['POST', '/v1/admin/facilities', { id: 'F-ESC', name: 'a\u001b[31m' }, 'name'],
        ['POST', '/v1/admin/api-keys', { name: 'a\u0000b', scopes: ['events:read'] }, 'name'],
        ['POST', '/v1/admin/api-keys', { name: 'bell\u0007', scopes: ['events:read'] }, 'name'],
      ];
      for (const [method, path, body, field] of cases) {
        const label = `${method} ${path} ${JSON.stringify(body) ?? ''}`;
        const answer = await call(server(), method, path, ADMIN, body);
        expect(answer.status, label).toBe(400);
        expect(fields(answer.body), label).toEqual([field]);
        expect((answer.body as Refusal).message, label).toMatch(/remove it|may hold only/);
      }
      const facilities = await call(server(), 'GET', '/v1/admin/facilities', ADMIN);
      const ids = (facilities.body as { facilities: { id: string }[] }).facilities.map((f) => f.id);
      expect(ids).not.toContain('F-NUL');
      expect(ids).not.toContain('F-ESC');
      const keys = await call(server(), 'GET', '/v1/admin/api-keys', ADMIN);
      const names = (keys.body as { apiKeys: { name: string }[] }).apiKeys.map((k) => k.name);
      expect(names.filter((n) => n.includes('\u0000') || n.includes('\u0007'))).toEqual([]);
    });

    it('a NUL where no schema looks is refused by the server-wide check, naming the field', async () => {
      const { key } = await credentials();
      for (const [query, field] of [
        ['x=%00', 'x'],
        ['x=a%00b&x=c', 'x[0]'],
        ['%00=1', '\uFFFD'],
      ]) {
        const answer = await call(server(), 'GET', `/v1/erp/audit?limit=1&${query}`, key);
        expect(answer.status, query).toBe(400);
        expect(answer.body, query).toMatchObject({ code: 'INVALID_INPUT' });
        expect(fields(answer.body), query).toEqual([field]);
        expect((answer.body as Refusal).message, query).toMatch(/NUL.*remove it/);
      }
    });

    it('the audit CSV takes a bounded whole-number limit', async () => {
      for (const limit of ['-1', '0', 'abc', '1.5', '10001', '1&limit=2']) {
        const answer = await call(server(), 'GET', `/v1/admin/audit.csv?limit=${limit}`, ADMIN);
        expect(answer.status, limit).toBe(400);
        expect(fields(answer.body), limit).toEqual(['limit']);
      }
      const two = await call(server(), 'GET', '/v1/admin/audit.csv?limit=2', ADMIN);
      expect(two.status).toBe(200);
      const lines = String(two.body).trim().split('\n');
      expect(lines[0]).toMatch(/^id,at,/);
      expect(lines.length).toBeLessThanOrEqual(3);
    });

    it('an indicator period outside 2000 to a year ahead is a 422 that says the range', async () => {
      const key = await createApiKey(server(), ['indicators:read']);
      const periods = [
        'from=9999-01-01&to=9999-12-31',
        'from=0000-01-01&to=0000-12-31',
        'from=1999-12-01&to=2000-01-31',
      ];
      for (const period of periods) {
        for (const [path, token] of [
          [`/v1/admin/indicators?${period}`, ADMIN],
          [`/v1/erp/indicators?${period}`, key],
        ] as const) {
          const answer = await call(server(), 'GET', path, token);
          expect(answer.status, path).toBe(422);
          expect(answer.body, path).toMatchObject({ code: 'PERIOD_INVALID' });
          expect((answer.body as Refusal).message, path).toMatch(/between 2000-01-01 and \d{4}/);
        }
      }
      const fine = await call(
        server(),
        'GET',
        '/v1/admin/indicators?from=2026-01-01&to=2026-01-31',
        ADMIN,
      );
      expect(fine.status).toBe(200);
    });

    it('a refused push whose document id holds NUL keeps its audit line, the NUL shown as U+FFFD', async () => {
      const { device } = await credentials();
      const id = `${uniqueId('EVT')}\u0000X`;
      const pushed = await call(
        server(),
        'POST',
        '/v1/replication/stock_events/push',
        device.token,
        [{ newDocumentState: stockEvent(device, { id }) }],
      );
      expect(pushed.status).toBe(422);
      const lines = await auditLines(server(), 'push');
      const line = lines.find(
        (l) =>
          (l.detail?.['refused'] as { documentId?: string } | undefined)?.documentId ===
          id.replace('\u0000', '\uFFFD'),
      );
      expect(line).toMatchObject({ outcome: 'refused', status: 422, actorId: device.deviceId });
    });

    it('the audit writer keeps a line whose values hold NUL or lone surrogates, replacing them with U+FFFD', async () => {
      const who = uniqueId('who');
      await recordAudit(server().database.db, {
        actorType: 'api-key',
        actorId: `${who}\u0000`,
        ip: '127.0.0.1',
        action: `GET /v1/test/unstorable\uD800`,
        target: 'a\u0000b',
        outcome: 'accepted',
        status: 200,
        detail: { 'k\u0000': ['x\u0000', { deep: 'y\uDC00z', pair: '\uD83D\uDE00' }], n: 1 },
      });
      const [line] = await auditLines(server(), 'GET /v1/test/unstorable');
      expect(line).toMatchObject({
        actorId: `${who}\uFFFD`,
        action: 'GET /v1/test/unstorable\uFFFD',
        target: 'a\uFFFDb',
        detail: { 'k\uFFFD': ['x\uFFFD', { deep: 'y\uFFFDz', pair: '\uD83D\uDE00' }], n: 1 },
      });
    });
  },
  { adminAuth: adminTokenAuthenticator([ADMIN]) },
);
