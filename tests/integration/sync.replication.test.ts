import { firstValueFrom, filter } from 'rxjs';
import { afterEach, expect, it } from 'vitest';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent, supplyRequest } from './sync-helpers/documents';
import { createRxClient, type RxClient } from './sync-helpers/rx-client';
import { waitFor } from './sync-helpers/wait';

describeOnBackends(
  'sync: real RxDB clients replicate through the endpoint',
  'replication',
  (server) => {
    const clients: RxClient[] = [];
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((c) => c.close()));
    });

    async function client(facilityId: string) {
      const device = await enrollDevice(server(), facilityId);
      const rx = await createRxClient(server().url, device.token, [
        'stock_events',
        'supply_requests',
      ]);
      clients.push(rx);
      return { rx, device };
    }

    it('two clients of one facility converge; a client of another facility sees none of it', async () => {
      const north = await addStaffedFacility(server());
      const south = await addStaffedFacility(server());
      const a = await client(north);
      const b = await client(north);
      const c = await client(south);

      const event = stockEvent(north, { deviceId: a.device.deviceId });
      await a.rx.collection('stock_events').insert(event);
      const request = supplyRequest(north);
      await b.rx.collection('supply_requests').insert(request);
      const southEvent = stockEvent(south, { deviceId: c.device.deviceId });
      await c.rx.collection('stock_events').insert(southEvent);

      const seenByB = await waitFor(() => b.rx.collection('stock_events').findOne(event.id).exec());
      await waitFor(() => a.rx.collection('supply_requests').findOne(request.id).exec());
      expect(seenByB.toJSON()).toMatchObject(event);

      await c.rx.settle();
      await a.rx.settle();
      const southEvents = await c.rx.collection('stock_events').find().exec();
      expect(southEvents.map((d) => d.primary)).toEqual([southEvent.id]);
      expect(await c.rx.collection('supply_requests').count().exec()).toBe(0);
      expect(await a.rx.collection('stock_events').findOne(southEvent.id).exec()).toBeNull();
    });

    it('a client edits its own pushed document again without a false conflict', async () => {
      const north = await addStaffedFacility(server());
      const a = await client(north);
      const b = await client(north);
      const request = supplyRequest(north, { status: 'draft' });
      await a.rx.collection('supply_requests').insert(request);
      await a.rx.settle();
      for (const quantity of [60, 70, 80]) {
        const doc = await a.rx.collection('supply_requests').findOne(request.id).exec();
        await doc!.incrementalPatch({ lines: [{ itemId: 'ITM-1001', quantity }] });
        await a.rx.settle();
      }
      await waitFor(async () => {
        const seen = await b.rx.collection('supply_requests').findOne(request.id).exec();
        return (
          (seen?.toJSON() as { lines: { quantity: number }[] } | undefined)?.lines[0]?.quantity ===
          80
        );
      });
      // The pulled document carries no server field: what the client pushed is what it gets back.
      const pulled = await call(
        server(),
        'GET',
        '/v1/replication/supply_requests/pull?checkpoint=0',
        a.device.token,
      );
      const served = (pulled.body as { documents: Record<string, unknown>[] }).documents.find(
        (d) => d['id'] === request.id,
      );
      expect(Object.keys(served!).sort()).toEqual([...Object.keys(request), '_deleted'].sort());
    });

    it('concurrent edits of one request converge on both clients to the server-chosen state', async () => {
      const north = await addStaffedFacility(server());
      const a = await client(north);
      const b = await client(north);
      const request = supplyRequest(north, { status: 'draft' });
      await a.rx.collection('supply_requests').insert(request);
      await waitFor(() => b.rx.collection('supply_requests').findOne(request.id).exec());
      await a.rx.settle();
      await b.rx.settle();
      const [docA, docB] = await Promise.all([
        a.rx.collection('supply_requests').findOne(request.id).exec(),
        b.rx.collection('supply_requests').findOne(request.id).exec(),
      ]);
      await Promise.all([
        docA!.incrementalPatch({ reason: 'edited on A' }),
        docB!.incrementalPatch({ reason: 'edited on B' }),
      ]);
      const reasonOn = async (rx: RxClient) =>
        (await rx.collection('supply_requests').findOne(request.id).exec())?.get(
          'reason',
        ) as string;
      await waitFor(async () => {
        await a.rx.settle();
        await b.rx.settle();
        const [ra, rb] = [await reasonOn(a.rx), await reasonOn(b.rx)];
        return ra === rb && ra.startsWith('edited on');
      }, 15_000);
    });

    it('a deletion on one client is refused by the centre, and the other client keeps the document', async () => {
      const north = await addStaffedFacility(server());
      const a = await client(north);
      const b = await client(north);
      const request = supplyRequest(north);
      await a.rx.collection('supply_requests').insert(request);
      await waitFor(() => b.rx.collection('supply_requests').findOne(request.id).exec());
      // A stockroom cancels a request with a reason; it never deletes one (sync/store/push.ts).
      const refused = firstValueFrom(
        a.rx
          .replication('supply_requests')
          .error$.pipe(filter((e) => JSON.stringify(e).includes('push answered 403'))),
      );
      const doc = await a.rx.collection('supply_requests').findOne(request.id).exec();
      await doc!.remove();
      await refused;
      const page = await call(
        server(),
        'GET',
        '/v1/replication/supply_requests/pull?checkpoint=0&limit=1000',
        b.device.token,
      );
      const held = (page.body as { documents: { id: string; _deleted: boolean }[] }).documents;
      expect(held.find((d) => d.id === request.id)?._deleted).toBe(false);
      expect(await b.rx.collection('supply_requests').findOne(request.id).exec()).not.toBeNull();
    });
  },
);
