import { expect, it } from 'vitest';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { signedInPerson } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import { addFacility, call, createApiKey, uniqueId } from './sync-helpers/devices';

type Errors = { code: string; message: string; errors: { field: string; message: string }[] };

/**
 * Hostile-input audit: a name of spaces passed every schema (minLength counts spaces), so the ERP
 * could store an item or location a tech sees as a blank line, and an admin a facility or API key
 * the console lists as nothing. Each is refused with nothing stored and says what to send.
 */
describeOnBackends('sync: names hold something visible', 'blank_names', (server) => {
  it('the ERP is refused an item and a location whose names are only spaces or zero-width', async () => {
    const facility = await addFacility(server());
    const key = await createApiKey(server(), ['items:write', 'locations:write']);
    const named = { ...SAMPLE_DOCUMENTS.items, id: uniqueId('ITM'), gtins: [], hibccCodes: [] };
    const blank = { ...named, id: uniqueId('ITM'), name: '   ' };
    const items = await call(server(), 'PUT', '/v1/erp/items', key, [named, blank]);
    expect(items.status).toBe(422);
    expect((items.body as Errors).errors).toEqual([
      { field: '[1].name', message: 'name holds no visible character; send the name people see' },
    ]);
    const location = {
      ...SAMPLE_DOCUMENTS.locations,
      id: uniqueId('LOC'),
      facilityId: facility,
      name: '\u200B \u00A0',
    };
    const locations = await call(server(), 'PUT', '/v1/erp/locations', key, [location]);
    expect(locations.status).toBe(422);
    expect((locations.body as Errors).errors[0]?.field).toBe('[0].name');
    const stored = await server()
      .database.db.selectFrom('documents')
      .select('id')
      .where('id', 'in', [named.id, blank.id, location.id])
      .execute();
    expect(stored).toEqual([]);
    // A name with letters in it, spaces around them or not, is what a name is.
    const padded = { ...named, name: '  Saline flush 10 mL  ' };
    expect((await call(server(), 'PUT', '/v1/erp/items', key, [padded])).status).toBe(200);
  });

  it('an admin is refused a facility or an API key named with spaces; nothing is added', async () => {
    const admin = await signedInPerson(server(), 'admin');
    const id = uniqueId('FAC');
    const facility = await admin.request('POST', '/v1/admin/facilities', { id, name: '   ' });
    expect(facility.status).toBe(400);
    expect(facility.body).toMatchObject({ code: 'NAME_BLANK' });
    expect(facility.body.message).toMatch(/no visible character/);
    const listed = await admin.request('GET', '/v1/admin/facilities');
    expect(listed.body.facilities.map((f: { id: string }) => f.id)).not.toContain(id);

    const before = await admin.request('GET', '/v1/admin/api-keys');
    const key = await admin.request('POST', '/v1/admin/api-keys', {
      name: ' \u00A0 ',
      scopes: ['events:read'],
    });
    expect(key.status).toBe(400);
    expect(key.body).toMatchObject({ code: 'NAME_BLANK' });
    const after = await admin.request('GET', '/v1/admin/api-keys');
    expect(after.body.apiKeys).toHaveLength(before.body.apiKeys.length);
  });
});
