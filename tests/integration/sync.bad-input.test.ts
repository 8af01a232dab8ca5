import { sql, type Kysely } from 'kysely';
import type { Database } from '../../sync/db/schema';
import { expect, it } from 'vitest';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent } from './sync-helpers/documents';

const countDocuments = async (db: Kysely<Database>) =>
  (
    await db
      .selectFrom('documents')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describeOnBackends(
  'sync: bad input is answered with its 4xx and stores nothing',
  'bad_input',
  (server) => {
    it('each bad request gets its status and code, and the document count never moves', async () => {
      const facility = await addStaffedFacility(server());
      const other = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const revoked = await enrollDevice(server(), facility);
      await server().admin('device', 'revoke', '--device', revoked.deviceId);
      const expired = await enrollDevice(server(), facility);
      await server()
        .database.db.updateTable('devices')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('id', '=', expired.deviceId)
        .execute();
      const readOnlyKey = await createApiKey(server(), ['events:read']);
      const { code } = (await server().admin('enroll', '--facility', facility)) as { code: string };
      await call(server(), 'POST', '/v1/devices/enroll', code, { deviceName: 'first' });
      const { code: stale } = (await server().admin(
        'enroll',
        '--facility',
        facility,
        '--ttl',
        '1ms',
      )) as { code: string };
      await new Promise((resolve) => setTimeout(resolve, 5));

      const push = '/v1/replication/stock_events/push';
      const event = stockEvent(device);
      const huge = [{ newDocumentState: { ...event, note: 'x'.repeat(300_000) } }];
      const matrix: [string, () => Promise<{ status: number; body: unknown }>, number, string][] = [
        [
          'malformed JSON',
          () => call(server(), 'POST', push, device.token, '[{"newDocumentState": '),
          400,
          'MALFORMED_JSON',
        ],
        [
          'wrong types',
          () => call(server(), 'POST', push, device.token, { newDocumentState: event }),
          400,
          'INVALID_INPUT',
        ],
        [
          'wrong field type in a document',
          () =>
            call(server(), 'POST', push, device.token, [
              { newDocumentState: { ...event, quantity: 'ten' } },
            ]),
          422,
          'DOCUMENT_INVALID',
        ],
        [
          'oversize body',
          () => call(server(), 'POST', push, device.token, huge),
          413,
          'BODY_TOO_LARGE',
        ],
        [
          'unknown collection',
          () =>
            call(server(), 'POST', '/v1/replication/stock_movements/push', device.token, [
              { newDocumentState: event },
            ]),
          404,
          'COLLECTION_UNKNOWN',
        ],
        [
          'wrong facility',
          () =>
            call(server(), 'POST', push, device.token, [{ newDocumentState: stockEvent(other) }]),
          403,
          'FACILITY_MISMATCH',
        ],
        [
          'missing token',
          () => call(server(), 'POST', push, null, [{ newDocumentState: event }]),
          401,
          'TOKEN_MISSING',
        ],
        [
          'unknown token',
          () => call(server(), 'POST', push, 'dev_nonsense', [{ newDocumentState: event }]),
          401,
          'TOKEN_UNKNOWN',
        ],
        [
          'expired token',
          () => call(server(), 'POST', push, expired.token, [{ newDocumentState: event }]),
          401,
          'TOKEN_EXPIRED',
        ],
        [
          'revoked token',
          () => call(server(), 'POST', push, revoked.token, [{ newDocumentState: event }]),
          401,
          'TOKEN_REVOKED',
        ],
        [
          'reused enrollment code',
          () => call(server(), 'POST', '/v1/devices/enroll', code, { deviceName: 'second' }),
          401,
          'ENROLLMENT_CODE_INVALID',
        ],
        [
          'expired enrollment code',
          () => call(server(), 'POST', '/v1/devices/enroll', stale, { deviceName: 'late' }),
          401,
          'ENROLLMENT_CODE_INVALID',
        ],
        [
          'bad API-key scope',
          () => call(server(), 'PUT', '/v1/erp/items', readOnlyKey, [{ id: 'ITM-X' }]),
          403,
          'SCOPE_MISSING',
        ],
        [
          'device token on the ERP API',
          () => call(server(), 'GET', '/v1/erp/events', device.token),
          401,
          'API_KEY_UNKNOWN',
        ],
        [
          'API key on replication',
          () => call(server(), 'GET', '/v1/replication/items/pull', readOnlyKey),
          401,
          'TOKEN_UNKNOWN',
        ],
      ];
      const before = await countDocuments(server().database.db);
      const devicesBefore = (
        await server().database.db.selectFrom('devices').select('id').execute()
      ).length;
      for (const [name, request, status, errorCode] of matrix) {
        const answer = await request();
        expect(answer.status, name).toBe(status);
        expect((answer.body as { code: string }).code, name).toBe(errorCode);
      }
      expect(await countDocuments(server().database.db)).toBe(before);
      expect((await server().database.db.selectFrom('devices').select('id').execute()).length).toBe(
        devicesBefore,
      );
    });

    it('the admin CLI answers unknown facilities and devices with a clear refusal', async () => {
      await expect(server().admin('enroll', '--facility', 'FAC-NOWHERE')).rejects.toThrow(
        /FACILITY_UNKNOWN: There is no facility "FAC-NOWHERE"/,
      );
      await expect(server().admin('device', 'revoke', '--device', 'DEV-none')).rejects.toThrow(
        /DEVICE_UNKNOWN/,
      );
      await expect(
        server().admin('api-key', '--name', 'x', '--scopes', 'everything'),
      ).rejects.toThrow(/SCOPE_UNKNOWN/);
      await expect(
        server().admin('api-key', '--name', 'x', '--scopes', 'events:read,events:read'),
      ).rejects.toThrow(/SCOPE_REPEATED: Scope events:read is listed more than once/);
      const key = (await server().admin('api-key', '--name', 'erp', '--scopes', 'events:read')) as {
        apiKey: { key: string };
      };
      const stored = await server()
        .database.db.selectFrom('api_keys')
        .select('key_hash')
        .where('name', '=', 'erp')
        .execute();
      expect(JSON.stringify(stored)).not.toContain(key.apiKey.key);
      // The console's rule holds on the CLI too: a name is one key's until it is revoked.
      await expect(
        server().admin('api-key', '--name', 'ERP ', '--scopes', 'events:read'),
      ).rejects.toThrow(/API_KEY_NAME_TAKEN: An API key is already called "erp"/);
    });
  },
  { bodyLimit: 256 * 1024 },
);
