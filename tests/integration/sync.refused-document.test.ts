import { afterEach, expect, it } from 'vitest';
import { startAppSync, type AppSync } from '../../renderer/replication/app-sync';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { inboxEntry, readInbox } from '../../renderer/store/sync-inbox';
import { openTestStore } from '../unit/store-test-db';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import { addStaffedFacility } from './sync-helpers/staff';
import { waitFor } from './sync-helpers/wait';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeOnBackends('sync: a document the centre refuses for good', 'refused_document', (server) => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it('goes to the errors inbox in plain words, and the rest of the queue reaches the centre without retrying it', async () => {
    const north = await addStaffedFacility(server());
    const device = await enrollDevice(server(), north);
    const db: StockroomDatabase = await openTestStore();
    // An event the centre cannot believe (its actor is nobody there), between two good ones, all
    // three in one push batch: as an old PC, or one whose store was tampered with, would send them.
    const [before, forged, after] = [1, 2, 3].map((deviceSeq) =>
      stockEvent(device, {
        deviceSeq,
        ...(deviceSeq === 2 ? { actorId: 'USR-GHOST' } : {}),
      }),
    );
    await db.stock_events.bulkInsert([before!, forged!, after!]);
    let sync: AppSync | undefined = startAppSync({
      db,
      token: async () => device.token,
      endpoint: server().url,
      deviceId: device.deviceId,
      facilityId: north,
    });
    stops.push(async () => {
      await sync?.stop();
      await db.remove();
    });

    const centreIds = async () => {
      const page = await call(
        server(),
        'GET',
        '/v1/replication/stock_events/pull?checkpoint=0&limit=1000',
        device.token,
      );
      return (page.body as { documents: { id: string }[] }).documents.map((d) => d.id).sort();
    };
    await waitFor(async () => ((await centreIds()).length === 2 ? true : undefined), 15_000);
    expect(await centreIds()).toEqual([before!.id, after!.id].sort());

    const entry = await waitFor(async () =>
      inboxEntry(await readInbox(db), `refused:${forged!.id}`),
    );
    expect(entry).toMatchObject({
      kind: 'rejected',
      collectionName: 'stock_events',
      documentId: forged!.id,
      resolved: false,
    });
    expect(entry.message).toMatch(
      new RegExp(
        `refused stock event ${forged!.id}: .*"USR-GHOST".* is not a known user.*stays on this PC only and is not sent again`,
      ),
    );

    // Refused once, audited once with the rule, and not sent again (no endless retry).
    const refusals = async () =>
      (
        await server()
          .database.db.selectFrom('audit_log')
          .select(['status', 'detail'])
          .where('actor_id', '=', device.deviceId)
          .where('outcome', '=', 'refused')
          .execute()
      ).map((r) => ({ status: r.status, refused: r.detail?.['refused'] }));
    await pause(2_000);
    expect(await refusals()).toEqual([
      {
        status: 403,
        refused: expect.objectContaining({ documentId: forged!.id, code: 'USER_UNKNOWN' }),
      },
    ]);

    // After a restart the set-aside event stays aside: nothing more is refused or stored.
    await sync.stop();
    sync = startAppSync({
      db,
      token: async () => device.token,
      endpoint: server().url,
      deviceId: device.deviceId,
      facilityId: north,
    });
    await pause(2_000);
    expect(await refusals()).toHaveLength(1);
    expect(await centreIds()).toEqual([before!.id, after!.id].sort());
  });
});
