import { expect, it } from 'vitest';
import type { ExceptionItem } from '../../shared/console';
import { adminTokenAuthenticator } from '../../sync/auth/admin-auth';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { signedInAs } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { supplyRequest } from './sync-helpers/documents';
import { STAFF, addStaff } from './sync-helpers/staff';

/**
 * The exceptions queue names what a buyer knows: an escalated request by what it asks for, people
 * by their names (the username beside it), the administrator token in words, and a name holding a
 * right-to-left override set apart so it cannot reorder the words after it.
 */
const ADMIN = 'adm_console-exception-names-credential-long-enough';
const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

describeOnBackends(
  'console exceptions in words',
  'console_exception_names',
  (server) => {
    it('names the late request’s items, isolates a reversing facility name, and names who took it', async () => {
      const facility = uniqueId('FAC');
      const wardName = 'Ward \u202E7 North';
      await server().admin('facility', 'add', '--id', facility, '--name', wardName);
      await addStaff(server(), facility);
      const device = await enrollDevice(server(), facility);
      const erp = await createApiKey(server(), ['items:write']);
      const itemId = uniqueId('ITM');
      const items = await call(server(), 'PUT', '/v1/erp/items', erp, [
        {
          ...SAMPLE_DOCUMENTS.items,
          id: itemId,
          name: 'Saline flush 10 mL',
          gtins: [],
          hibccCodes: [],
        },
      ]);
      expect(items.status, JSON.stringify(items.body)).toBe(200);
      const request = supplyRequest(facility, {
        status: 'submitted',
        priority: 'stat',
        kind: 'urgent',
        createdBy: STAFF.nurseManager,
        lines: [{ itemId, quantity: 3 }],
        history: [
          { status: 'draft', at: ago(6), by: STAFF.nurseManager },
          { status: 'submitted', at: ago(6), by: STAFF.nurseManager },
        ],
      });
      const pushed = await call(
        server(),
        'POST',
        '/v1/replication/supply_requests/push',
        device.token,
        [{ newDocumentState: request }],
      );
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);

      const buyer = await signedInAs(server(), 'buyer', 'Bo Buyer');
      const list = async () => {
        const answer = await buyer.client.request(
          'GET',
          `/v1/admin/exceptions?facilityId=${facility}&kind=request-escalated`,
        );
        expect(answer.status).toBe(200);
        return (answer.body as { items: ExceptionItem[] }).items;
      };
      const [late] = await list();
      expect(late?.summary).toContain(
        `STAT request ${request.id} of \u2068${wardName}\u2069 (${facility}) for 3 × Saline flush 10 mL (${itemId}): `,
      );

      expect(
        (await buyer.client.request('POST', '/v1/admin/exceptions/take', { id: late!.id })).status,
      ).toBe(200);
      const taken = await call(server(), 'POST', '/v1/admin/exceptions/take', ADMIN, {
        id: late!.id,
      });
      expect(taken.status, JSON.stringify(taken.body)).toBe(200);
      const [after] = await list();
      expect(after?.history.map((s) => [s.step, s.byName])).toEqual([
        ['taken', `Bo Buyer (${buyer.username})`],
        ['taken', 'the administrator token'],
      ]);
      expect(after?.ownerName).toBe('the administrator token');
    });
  },
  { adminAuth: adminTokenAuthenticator([ADMIN]) },
);
