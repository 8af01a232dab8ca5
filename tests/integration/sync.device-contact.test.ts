import { expect, it } from 'vitest';
import { CONTACT_RESOLUTION_MS } from '../../sync/auth/device-auth';
import { describeOnBackends } from './sync-helpers/backends';
import { addFacility, call, enrollDevice } from './sync-helpers/devices';
import type { TestServer } from './sync-helpers/server';

async function contactOf(server: TestServer, deviceId: string): Promise<Date | null> {
  const row = await server.database.db
    .selectFrom('devices')
    .select('last_contact_at')
    .where('id', '=', deviceId)
    .executeTakeFirstOrThrow();
  return row.last_contact_at;
}

async function setContact(server: TestServer, deviceId: string, at: Date | null): Promise<void> {
  await server.database.db
    .updateTable('devices')
    .set({ last_contact_at: at })
    .where('id', '=', deviceId)
    .execute();
}

describeOnBackends('sync: device contact', 'device_contact', (server) => {
  const pull = (token: string) => call(server(), 'GET', '/v1/replication/stock_events/pull', token);

  it('is recorded on the first request, kept within its resolution, and moved once it is older', async () => {
    const facility = await addFacility(server());
    const device = await enrollDevice(server(), facility);
    await setContact(server(), device.deviceId, null);
    expect((await pull(device.token)).status).toBe(200);
    const first = await contactOf(server(), device.deviceId);
    expect(first).toBeInstanceOf(Date);
    expect((await pull(device.token)).status).toBe(200);
    expect(await contactOf(server(), device.deviceId)).toEqual(first);

    const old = new Date(Date.now() - CONTACT_RESOLUTION_MS - 1_000);
    await setContact(server(), device.deviceId, old);
    const before = Date.now();
    expect((await pull(device.token)).status).toBe(200);
    const moved = await contactOf(server(), device.deviceId);
    expect(moved!.getTime()).toBeGreaterThanOrEqual(before - 1_000);
  });

  it('a revoked or expired device is refused and its contact left as it was', async () => {
    const facility = await addFacility(server());
    const revoked = await enrollDevice(server(), facility);
    const expired = await enrollDevice(server(), facility);
    const old = new Date(Date.now() - 3_600_000);
    await setContact(server(), revoked.deviceId, old);
    await setContact(server(), expired.deviceId, old);
    await server()
      .database.db.updateTable('devices')
      .set({ revoked_at: new Date() })
      .where('id', '=', revoked.deviceId)
      .execute();
    await server()
      .database.db.updateTable('devices')
      .set({ expires_at: new Date(Date.now() - 1_000) })
      .where('id', '=', expired.deviceId)
      .execute();
    const refusals = [await pull(revoked.token), await pull(expired.token)];
    expect(refusals.map((r) => [r.status, (r.body as { code: string }).code])).toEqual([
      [401, 'TOKEN_REVOKED'],
      [401, 'TOKEN_EXPIRED'],
    ]);
    expect(await contactOf(server(), revoked.deviceId)).toEqual(old);
    expect(await contactOf(server(), expired.deviceId)).toEqual(old);
  });
});
