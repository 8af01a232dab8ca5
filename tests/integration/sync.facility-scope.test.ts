import { expect, it } from 'vitest';
import { sequencedWrite } from '../../sync/store/sequenced';
import { writeDocument } from '../../sync/store/documents';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice, uniqueId } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent, supplyRequest } from './sync-helpers/documents';

type Page = { documents: { id: string }[] };

describeOnBackends('sync: facility scope of pulls and pushes', 'facility_scope', (server) => {
  it("a push holding another facility's document is refused with 403 and nothing of the batch is stored", async () => {
    const north = await addStaffedFacility(server());
    const south = await addStaffedFacility(server());
    const device = await enrollDevice(server(), north);
    const mine = stockEvent(device);
    const theirs = stockEvent(south);
    const answer = await call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
      { newDocumentState: mine },
      { newDocumentState: theirs },
    ]);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'FACILITY_MISMATCH' });
    const stored = await server()
      .database.db.selectFrom('documents')
      .select('id')
      .where('id', 'in', [mine.id, theirs.id])
      .execute();
    expect(stored).toEqual([]);
  });

  it('an id already used by another facility is neither overwritten nor revealed', async () => {
    const north = await addStaffedFacility(server());
    const south = await addStaffedFacility(server());
    const northDevice = await enrollDevice(server(), north);
    const southDevice = await enrollDevice(server(), south);
    const request = supplyRequest(south);
    await call(server(), 'POST', '/v1/replication/supply_requests/push', southDevice.token, [
      { newDocumentState: request },
    ]);
    const hijack = { ...request, facilityId: north, reason: 'mine now' };
    const answer = await call(
      server(),
      'POST',
      '/v1/replication/supply_requests/push',
      northDevice.token,
      [{ newDocumentState: hijack }],
    );
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).not.toContain(request.reason!);
    const row = await server()
      .database.db.selectFrom('documents')
      .select('doc')
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(row.doc).toMatchObject({ facilityId: south });
  });

  it('centre-owned collections are read-only for devices (403)', async () => {
    const north = await addStaffedFacility(server());
    const device = await enrollDevice(server(), north);
    for (const collection of ['items', 'recall_notices', 'locations', 'par_levels'] as const) {
      const doc = {
        ...SAMPLE_DOCUMENTS[collection],
        id: uniqueId('X'),
        ...(collection === 'items' || collection === 'recall_notices' ? {} : { facilityId: north }),
      };
      const answer = await call(
        server(),
        'POST',
        `/v1/replication/${collection}/push`,
        device.token,
        [{ newDocumentState: doc }],
      );
      expect(answer.status, collection).toBe(403);
      expect(answer.body).toMatchObject({ code: 'COLLECTION_READ_ONLY' });
    }
  });

  it('pulls serve global documents to every facility and facility documents only to their own; users by membership', async () => {
    const north = await addStaffedFacility(server());
    const south = await addStaffedFacility(server());
    const northDevice = await enrollDevice(server(), north);
    const southDevice = await enrollDevice(server(), south);
    const item = { ...SAMPLE_DOCUMENTS.items, id: uniqueId('ITM'), gtins: [], hibccCodes: [] };
    const location = { ...SAMPLE_DOCUMENTS.locations, id: uniqueId('LOC'), facilityId: north };
    const user = { ...SAMPLE_DOCUMENTS.users, id: uniqueId('USR'), facilityIds: [south] };
    await sequencedWrite(server().database.db, async (trx) => {
      await writeDocument(trx, {
        collection: 'items',
        body: item,
        deleted: false,
        writtenBy: 'test',
      });
      await writeDocument(trx, {
        collection: 'locations',
        body: location,
        deleted: false,
        writtenBy: 'test',
      });
      await writeDocument(trx, {
        collection: 'users',
        body: user,
        deleted: false,
        writtenBy: 'test',
      });
    });
    const ids = async (token: string, collection: string) =>
      (
        (await call(server(), 'GET', `/v1/replication/${collection}/pull?limit=1000`, token))
          .body as Page
      ).documents.map((d) => d.id);
    expect(await ids(northDevice.token, 'items')).toContain(item.id);
    expect(await ids(southDevice.token, 'items')).toContain(item.id);
    expect(await ids(northDevice.token, 'locations')).toContain(location.id);
    expect(await ids(southDevice.token, 'locations')).not.toContain(location.id);
    expect(await ids(southDevice.token, 'users')).toContain(user.id);
    expect(await ids(northDevice.token, 'users')).not.toContain(user.id);
  });
});
