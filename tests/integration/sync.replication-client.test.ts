import { afterEach, expect, it } from 'vitest';
import type { StockEvent } from '../../shared/model';
import type { FetchLike } from '../../renderer/replication/endpoint-client';
import type { SyncStatus } from '../../renderer/replication/sync-status';
import { createAppClient, type AppClient } from './sync-helpers/app-client';
import { describeOnBackends } from './sync-helpers/backends';
import { enrollDevice } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent } from './sync-helpers/documents';
import { waitFor } from './sync-helpers/wait';

/** A PC's network cable: while unplugged every request fails as fetch fails without a network. */
function cable() {
  let plugged = true;
  const fetchThrough: FetchLike = (url, init) =>
    plugged ? globalThis.fetch(url, init) : Promise.reject(new TypeError('fetch failed'));
  return {
    fetch: fetchThrough,
    unplug: () => (plugged = false),
    plug: () => (plugged = true),
  };
}

function events(facilityId: string, deviceId: string, count: number, from = 1): StockEvent[] {
  return Array.from({ length: count }, (_, i) =>
    stockEvent(facilityId, { deviceId, deviceSeq: from + i, quantity: 1 + i }),
  );
}

const ids = async (client: AppClient) =>
  (await client.collection('stock_events').find().exec()).map((d) => d.primary).sort();

describeOnBackends("sync: the app's replication client", 'replication_client', (server) => {
  const clients: AppClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  async function pc(facilityId: string, fetchFn?: FetchLike) {
    const device = await enrollDevice(server(), facilityId);
    const client = await createAppClient(
      server().url,
      device,
      ['stock_events', 'supply_requests'],
      fetchFn ? { fetch: fetchFn } : {},
    );
    clients.push(client);
    return Object.assign(client, { device });
  }

  it('events made offline wait, are counted, and reach the other PC of the facility (and no other) after reconnecting', async () => {
    const north = await addStaffedFacility(server());
    const south = await addStaffedFacility(server());
    const network = cable();
    const a = await pc(north, network.fetch);
    const b = await pc(north);
    const c = await pc(south);
    await a.sync.inSync();

    network.unplug();
    const offline = events(north, a.device.deviceId, 7);
    await a.collection('stock_events').bulkInsert(offline);
    const waiting = await waitFor(() => {
      const s: SyncStatus = a.sync.status;
      return s.collections.stock_events?.waiting === 7 && s.phase === 'offline' ? s : undefined;
    });
    expect(waiting.problems[0]?.code).toBe('OFFLINE');
    expect(waiting.problems[0]?.message).toMatch(/Cannot reach the central endpoint/);
    expect(await ids(b)).toEqual([]);

    network.plug();
    a.sync.reconnect();
    const expected = offline.map((e) => e.id).sort();
    await waitFor(async () => JSON.stringify(await ids(b)) === JSON.stringify(expected), 15_000);
    const after = await waitFor(() => {
      const s = a.sync.status;
      return s.waiting === 0 && s.phase === 'online' ? s : undefined;
    });
    expect(after.collections.stock_events?.sent).toBe(7);
    expect(after.problems).toEqual([]);
    await waitFor(() => (b.sync.status.collections.stock_events?.received ?? 0) >= 7 || undefined);
    await c.sync.inSync();
    expect(await ids(c)).toEqual([]);
  });

  it('counts survive a restart: what waited before still waits, and nothing is sent twice', async () => {
    const north = await addStaffedFacility(server());
    const network = cable();
    const a = await pc(north, network.fetch);
    network.unplug();
    await a.collection('stock_events').bulkInsert(events(north, a.device.deviceId, 3));
    await a.goOffline();
    a.goOnline();
    await waitFor(() => a.sync.status.collections.stock_events?.waiting === 3 || undefined);
    network.plug();
    a.sync.reconnect();
    await waitFor(() =>
      a.sync.status.waiting === 0 && a.sync.status.sent === 3 ? true : undefined,
    );
    await a.goOffline();
    a.goOnline();
    await a.sync.inSync();
    await waitFor(() => a.sync.status.lastSuccessAt !== undefined || undefined);
    expect(a.sync.status.collections.stock_events).toMatchObject({ waiting: 0, sent: 0 });
  });

  it('a revoked PC is told in plain words to re-enrol, keeps working, and keeps its data', async () => {
    const north = await addStaffedFacility(server());
    const a = await pc(north);
    await a.sync.inSync();
    await server().admin('device', 'revoke', '--device', a.device.deviceId);
    await a.collection('stock_events').bulkInsert(events(north, a.device.deviceId, 2));
    const refused = await waitFor(() => {
      const s = a.sync.status;
      return s.phase === 'attention' && s.collections.stock_events?.waiting === 2 ? s : undefined;
    });
    const problem = refused.problems.find((p) => p.code === 'TOKEN_REFUSED');
    expect(problem?.message).toMatch(/^The centre has revoked this PC\. .*new enrolment code/);
    expect(await a.collection('stock_events').count().exec()).toBe(2);
  });
});
