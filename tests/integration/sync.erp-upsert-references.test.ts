import { expect, it } from 'vitest';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';
import { addStaffedFacility } from './sync-helpers/staff';

type Errors = { code: string; message: string; errors: { field: string; message: string }[] };

const stored = (server: TestServer, collection: string, id: string) =>
  server.database.db
    .selectFrom('documents')
    .select('doc')
    .where('collection', '=', collection)
    .where('id', '=', id)
    .executeTakeFirst()
    .then((r) => r?.doc);

/**
 * Hostile-input audit: the ERP upserts stored what no stockroom could use. A location with stock
 * moved to another facility (200), par levels named unknown items and locations, another
 * facility's location, or a reorder point above par, and a batch could carry two versions of one
 * id (the last silently won). Each is now refused, the whole batch with it.
 */
describeOnBackends('sync: ERP upserts keep their references sound', 'erp_refs', (server) => {
  it('a location with stock or par levels stays at its facility; an unused one may move', async () => {
    const key = await createApiKey(server(), [
      'items:write',
      'locations:write',
      'par-levels:write',
    ]);
    const north = await addStaffedFacility(server());
    const south = await addStaffedFacility(server());
    const device = await enrollDevice(server(), north);
    const location = (facilityId: string, id = uniqueId('LOC')) => ({
      ...SAMPLE_DOCUMENTS.locations,
      id,
      facilityId,
    });
    const withStock = location(north);
    const withPar = location(north);
    const unused = location(north);
    const item = { ...SAMPLE_DOCUMENTS.items, id: uniqueId('ITM'), gtins: [], hibccCodes: [] };
    expect(await call(server(), 'PUT', '/v1/erp/items', key, [item])).toMatchObject({
      status: 200,
    });
    expect(
      await call(server(), 'PUT', '/v1/erp/locations', key, [withStock, withPar, unused]),
    ).toMatchObject({ status: 200 });
    const pushed = await call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
      { newDocumentState: stockEvent(device, { locationId: withStock.id, itemId: item.id }) },
    ]);
    expect(pushed.status).toBe(200);
    const par = {
      ...SAMPLE_DOCUMENTS.par_levels,
      id: uniqueId('PAR'),
      facilityId: north,
      locationId: withPar.id,
      itemId: item.id,
    };
    expect(await call(server(), 'PUT', '/v1/erp/par-levels', key, [par])).toMatchObject({
      status: 200,
    });

    const fresh = location(south);
    for (const [moved, what] of [
      [withStock, /stock events/],
      [withPar, new RegExp(`par level ${par.id}`)],
    ] as const) {
      // In a batch with a harmless new location: nothing of the batch is stored.
      const answer = await call(server(), 'PUT', '/v1/erp/locations', key, [
        fresh,
        { ...moved, facilityId: south },
      ]);
      expect(answer).toMatchObject({ status: 409, body: { code: 'LOCATION_IN_USE' } });
      const body = answer.body as Errors;
      expect(body.message).toContain(moved.id);
      expect(body.message).toMatch(what);
      expect(body.message).toMatch(/Nothing was stored.*Create a new location/);
      expect(await stored(server(), 'locations', moved.id)).toMatchObject({ facilityId: north });
      expect(await stored(server(), 'locations', fresh.id)).toBeUndefined();
    }
    // Renaming in place is still an ordinary update; a location nothing happened at may move.
    expect(
      await call(server(), 'PUT', '/v1/erp/locations', key, [
        { ...withStock, name: 'Stockroom A · Shelf 1 (left)' },
        { ...unused, facilityId: south },
      ]),
    ).toMatchObject({ status: 200, body: { written: 2 } });
    expect(await stored(server(), 'locations', unused.id)).toMatchObject({ facilityId: south });
  });

  it('par levels name a known item and a location of their facility, with reorder point ≤ par', async () => {
    const key = await createApiKey(server(), [
      'items:write',
      'locations:write',
      'par-levels:write',
    ]);
    const north = await addStaffedFacility(server());
    const south = await addStaffedFacility(server());
    const item = { ...SAMPLE_DOCUMENTS.items, id: uniqueId('ITM'), gtins: [], hibccCodes: [] };
    const here = { ...SAMPLE_DOCUMENTS.locations, id: uniqueId('LOC'), facilityId: north };
    const there = { ...SAMPLE_DOCUMENTS.locations, id: uniqueId('LOC'), facilityId: south };
    expect((await call(server(), 'PUT', '/v1/erp/items', key, [item])).status).toBe(200);
    expect((await call(server(), 'PUT', '/v1/erp/locations', key, [here, there])).status).toBe(200);
    const level = (overrides: Record<string, unknown> = {}) => ({
      ...SAMPLE_DOCUMENTS.par_levels,
      id: uniqueId('PAR'),
      facilityId: north,
      locationId: here.id,
      itemId: item.id,
      ...overrides,
    });
    const good = level();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [level({ itemId: 'ITM-NOPE' }), 'itemId', /item ITM-NOPE is not in the item master/],
      [level({ locationId: 'LOC-NOPE' }), 'locationId', /location LOC-NOPE is not known/],
      [level({ locationId: there.id }), 'locationId', new RegExp(`belongs to facility ${south}`)],
      [level({ par: 10, reorderPoint: 500 }), 'reorderPoint', /reorder point 500 is above par 10/],
      [
        level({ method: 'min-max', par: undefined, reorderPoint: undefined, min: 9, max: 3 }),
        'min',
        /min 9 is above max 3/,
      ],
    ];
    for (const [bad, field, why] of cases) {
      const answer = await call(server(), 'PUT', '/v1/erp/par-levels', key, [good, bad]);
      expect(answer, JSON.stringify(bad)).toMatchObject({
        status: 422,
        body: { code: 'PAR_LEVEL_REFUSED' },
      });
      const body = answer.body as Errors;
      expect(body.message).toContain(`par level ${String(bad['id'])}`);
      expect(body.message).toMatch(why);
      expect(body.errors[0]!.field).toBe(`[1].${field}`);
      // All or nothing: the good one of the batch was not stored either.
      expect(await stored(server(), 'par_levels', good.id)).toBeUndefined();
    }
    expect(await call(server(), 'PUT', '/v1/erp/par-levels', key, [good])).toMatchObject({
      status: 200,
      body: { written: 1 },
    });
  });

  it('a batch with two different versions of one id is refused whole; the same one twice is not', async () => {
    const key = await createApiKey(server(), ['items:write']);
    const item = { ...SAMPLE_DOCUMENTS.items, id: uniqueId('ITM'), gtins: [], hibccCodes: [] };
    const other = { ...item, id: uniqueId('ITM') };
    const twice = await call(server(), 'PUT', '/v1/erp/items', key, [
      other,
      item,
      { ...item, name: 'Another name' },
    ]);
    expect(twice).toMatchObject({ status: 422, body: { code: 'DUPLICATE_ID' } });
    const body = twice.body as Errors;
    expect(body.message).toContain(item.id);
    expect(body.errors).toEqual([
      { field: '[2].id', message: `${item.id} is also at [1] with other content` },
    ]);
    expect(await stored(server(), 'items', other.id)).toBeUndefined();
    expect(await stored(server(), 'items', item.id)).toBeUndefined();
    expect(await call(server(), 'PUT', '/v1/erp/items', key, [item, item])).toMatchObject({
      status: 200,
      body: { written: 1, unchanged: 1 },
    });
  });
});
