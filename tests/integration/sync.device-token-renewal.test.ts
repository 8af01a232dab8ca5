import { afterEach, expect, it } from 'vitest';
import { hashSecret } from '../../sync/auth/secrets';
import { DEFAULT_DEVICE_TOKEN_POLICY } from '../../sync/auth/device-token-policy';
import { createAppClient, type AppClient } from './sync-helpers/app-client';
import { describeOnBackends } from './sync-helpers/backends';
import { addFacility, enrollDevice, type EnrolledDevice } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';
import { waitFor } from './sync-helpers/wait';
import { addStaffedFacility } from './sync-helpers/staff';

/** Issue 12 point 5: device tokens expire, and are renewed while the device syncs. */

const DAY_MS = 24 * 60 * 60 * 1000;
const TTL_MS = DEFAULT_DEVICE_TOKEN_POLICY.ttlMs;

async function pull(server: TestServer, token: string) {
  const response = await fetch(`${server.url}/v1/replication/items/pull?checkpoint=0&limit=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    renewed: response.headers.get('x-device-token'),
    renewedExpires: response.headers.get('x-device-token-expires'),
  };
}

/** Makes the device's current token as old as a token `ageDays` into its life. */
async function age(server: TestServer, deviceId: string, ageDays: number) {
  const issued = new Date(Date.now() - ageDays * DAY_MS);
  await server.database.db
    .updateTable('devices')
    .set({ token_issued_at: issued, expires_at: new Date(issued.getTime() + TTL_MS) })
    .where('id', '=', deviceId)
    .execute();
}

async function currentHash(server: TestServer, deviceId: string) {
  const row = await server.database.db
    .selectFrom('devices')
    .select(['token_hash', 'expires_at'])
    .where('id', '=', deviceId)
    .executeTakeFirstOrThrow();
  return row;
}

describeOnBackends('sync: device token expiry and renewal', 'token_renewal', (server) => {
  let device: EnrolledDevice;
  const clients: AppClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  it('enrolment says when the token expires: 30 days by default', async () => {
    const facility = await addFacility(server());
    device = await enrollDevice(server(), facility);
    const { tokenExpiresAt } = device as EnrolledDevice & { tokenExpiresAt: string };
    const life = new Date(tokenExpiresAt).getTime() - Date.now();
    expect(life).toBeGreaterThan(TTL_MS - 60_000);
    expect(life).toBeLessThanOrEqual(TTL_MS);
  });

  it('a token early in its life is not renewed', async () => {
    await age(server(), device.deviceId, 5);
    const answer = await pull(server(), device.token);
    expect(answer.status).toBe(200);
    expect(answer.renewed).toBeNull();
  });

  it('in the last third of its life a pull carries a fresh token; the old one works through the overlap', async () => {
    await age(server(), device.deviceId, 25);
    const answer = await pull(server(), device.token);
    expect(answer.status).toBe(200);
    expect(answer.renewed).toMatch(/^dev_/);
    expect(new Date(answer.renewedExpires!).getTime()).toBeGreaterThan(
      Date.now() + TTL_MS - 60_000,
    );
    const stored = await currentHash(server(), device.deviceId);
    expect(stored.token_hash).toBe(hashSecret(answer.renewed!));

    // The answer may have been lost: the old token is still taken, and (renewed a moment ago)
    // it is not renewed again at once.
    const withOld = await pull(server(), device.token);
    expect(withOld.status).toBe(200);
    expect(withOld.renewed).toBeNull();
    const withNew = await pull(server(), answer.renewed!);
    expect(withNew.status).toBe(200);
    expect(withNew.renewed).toBeNull();
    device = { ...device, token: answer.renewed! };
  });

  it('a PC that lost the renewal and calls with the old token a minute later is renewed again', async () => {
    const lost = device.token;
    await age(server(), device.deviceId, 25);
    const first = await pull(server(), lost);
    expect(first.renewed).toMatch(/^dev_/);
    // A minute on, the PC still calls with `lost` (it never stored `first.renewed`).
    await server()
      .database.db.updateTable('devices')
      .set({ token_issued_at: new Date(Date.now() - 61_000) })
      .where('id', '=', device.deviceId)
      .execute();
    const again = await pull(server(), lost);
    expect(again.status).toBe(200);
    expect(again.renewed).toMatch(/^dev_/);
    expect(again.renewed).not.toBe(first.renewed);
    // Every token handed out is usable for the overlap, whichever the PC kept.
    for (const token of [lost, first.renewed!, again.renewed!]) {
      expect((await pull(server(), token)).status).toBe(200);
    }
    device = { ...device, token: again.renewed! };
  });

  it('concurrent requests with a due token renew it once', async () => {
    await age(server(), device.deviceId, 25);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => pull(server(), device.token)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const renewed = answers.map((a) => a.renewed).filter((t): t is string => t !== null);
    expect(renewed).toHaveLength(1);
    expect((await currentHash(server(), device.deviceId)).token_hash).toBe(hashSecret(renewed[0]!));
    device = { ...device, token: renewed[0]! };
  });

  it('a replaced token stops when its overlap ends, and says the PC must be enrolled again', async () => {
    const old = device.token;
    await age(server(), device.deviceId, 25);
    const renewed = (await pull(server(), old)).renewed!;
    await server()
      .database.db.updateTable('device_token_overlap')
      .set({ valid_until: new Date(Date.now() - 1000) })
      .where('device_id', '=', device.deviceId)
      .execute();
    const refused = await pull(server(), old);
    expect(refused.status).toBe(401);
    expect(refused.body['code']).toBe('TOKEN_UNKNOWN');
    expect(String(refused.body['message'])).toMatch(/must be enrolled again/);
    expect((await pull(server(), renewed)).status).toBe(200);
    device = { ...device, token: renewed };
  });

  it('an expired token gets 401 TOKEN_EXPIRED saying the PC must be enrolled again, and is not renewed', async () => {
    await age(server(), device.deviceId, 31);
    const refused = await pull(server(), device.token);
    expect(refused.status).toBe(401);
    expect(refused.renewed).toBeNull();
    expect(refused.body).toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(String(refused.body['message'])).toMatch(/must be enrolled again/);
    expect(String(refused.body['message'])).toMatch(
      /new enrolment code and enter it on the Sync status screen/,
    );
  });

  it('a revoked device is refused whichever of its tokens it presents', async () => {
    const facility = await addFacility(server());
    const pc = await enrollDevice(server(), facility);
    await age(server(), pc.deviceId, 25);
    const renewed = (await pull(server(), pc.token)).renewed!;
    await server().admin('device', 'revoke', '--device', pc.deviceId);
    for (const token of [pc.token, renewed]) {
      const refused = await pull(server(), token);
      expect(refused.status).toBe(401);
      expect(refused.body['code']).toBe('TOKEN_REVOKED');
    }
  });

  it("the PC's replication keeps a renewed token and syncs on with it (real RxDB, real endpoint)", async () => {
    const facility = await addStaffedFacility(server());
    const pc = await enrollDevice(server(), facility);
    await age(server(), pc.deviceId, 25);
    let kept = pc.token;
    const keptTokens: string[] = [];
    const client = await createAppClient(
      server().url,
      { deviceId: pc.deviceId, token: pc.token },
      ['stock_events'],
      {
        token: async () => kept,
        renewToken: async (token) => {
          kept = token;
          keptTokens.push(token);
        },
      },
    );
    clients.push(client);
    await client.sync.inSync();
    expect(keptTokens).toHaveLength(1);
    expect(kept).not.toBe(pc.token);
    expect((await currentHash(server(), pc.deviceId)).token_hash).toBe(hashSecret(kept));

    // Once the old token's overlap is over, the PC still pushes: it uses the one it kept.
    await server()
      .database.db.updateTable('device_token_overlap')
      .set({ valid_until: new Date(Date.now() - 1000) })
      .where('device_id', '=', pc.deviceId)
      .execute();
    const event = stockEvent(facility, { deviceId: pc.deviceId, deviceSeq: 1, quantity: 3 });
    await client.collection('stock_events').insert(event);
    await waitFor(async () => {
      const row = await server()
        .database.db.selectFrom('documents')
        .select('id')
        .where('id', '=', event.id)
        .executeTakeFirst();
      return row ?? undefined;
    }, 15_000);
    expect(client.sync.status.problems).toEqual([]);
  });
});
