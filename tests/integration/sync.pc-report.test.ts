import { expect, it } from 'vitest';
import { PC_APP_VERSION_HEADER, PC_WAITING_HEADER } from '../../shared/console/pc-report';
import { pcHealth } from '../../sync/console/pc-health';
import { createAppClient } from './sync-helpers/app-client';
import { describeOnBackends } from './sync-helpers/backends';
import { stockEvent } from './sync-helpers/documents';
import { addStaffedFacility } from './sync-helpers/staff';
import { waitFor } from './sync-helpers/wait';
import { addFacility, enrollDevice } from './sync-helpers/devices';
import type { TestServer } from './sync-helpers/server';

async function pullWith(server: TestServer, token: string, headers: Record<string, string>) {
  const response = await fetch(`${server.url}/v1/replication/stock_events/pull`, {
    headers: { ...headers, authorization: `Bearer ${token}` },
  });
  await response.text();
  return response.status;
}

async function reportOf(server: TestServer, deviceId: string) {
  const { pcs } = await pcHealth(server.database.db, {});
  const pc = pcs.find((p) => p.deviceId === deviceId);
  return { appVersion: pc?.appVersion, documentsWaiting: pc?.documentsWaiting };
}

describeOnBackends('sync: what a PC reports of itself', 'pc_report', (server) => {
  it('shows the app version and documents waiting a PC reported, in the console PC list', async () => {
    const facility = await addFacility(server());
    const pc = await enrollDevice(server(), facility);
    expect(await reportOf(server(), pc.deviceId)).toEqual({
      appVersion: null,
      documentsWaiting: null,
    });
    const status = await pullWith(server(), pc.token, {
      [PC_APP_VERSION_HEADER]: '1.4.0-rc.2',
      [PC_WAITING_HEADER]: '37',
    });
    expect(status).toBe(200);
    expect(await reportOf(server(), pc.deviceId)).toEqual({
      appVersion: '1.4.0-rc.2',
      documentsWaiting: 37,
    });
    // The queue emptied: written at once, although the last report is seconds old.
    await pullWith(server(), pc.token, {
      [PC_APP_VERSION_HEADER]: '1.4.0-rc.2',
      [PC_WAITING_HEADER]: '0',
    });
    expect((await reportOf(server(), pc.deviceId)).documentsWaiting).toBe(0);
    // An upgrade is written at once too.
    await pullWith(server(), pc.token, {
      [PC_APP_VERSION_HEADER]: '1.4.0',
      [PC_WAITING_HEADER]: '0',
    });
    expect((await reportOf(server(), pc.deviceId)).appVersion).toBe('1.4.0');
  });

  it("the app's own replication reports its version and its queue emptying", async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const pc = await createAppClient(server().url, device, ['stock_events'], {
      appVersion: '3.2.1',
    });
    try {
      await pc
        .collection('stock_events')
        .bulkInsert(
          [1, 2, 3].map((deviceSeq) =>
            stockEvent(facility, { deviceId: device.deviceId, deviceSeq, quantity: 1 }),
          ),
        );
      await waitFor(() => (pc.sync.status.sent === 3 ? true : undefined), 15_000);
      await waitFor(async () => {
        const report = await reportOf(server(), device.deviceId);
        return report.appVersion === '3.2.1' && report.documentsWaiting === 0 ? true : undefined;
      }, 15_000);
    } finally {
      await pc.close();
    }
  });

  it('tells the centre at once when a push empties the queue, not at the next poll', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    // Pushes are refused until released; no live stream, and no poll for ten minutes, so a call
    // after the push can only be the PC's own follow-up.
    let pushesOpen = false;
    const sent: { path: string; waiting: string | undefined; at: number }[] = [];
    let pushedAt = Infinity;
    const pc = await createAppClient(server().url, device, ['stock_events'], {
      live: [],
      pollMs: 600_000,
      fetch: async (input, init) => {
        const path = new URL(input).pathname;
        const waiting = new Headers(init?.headers).get(PC_WAITING_HEADER) ?? undefined;
        sent.push({ path, waiting, at: performance.now() });
        if (!path.endsWith('/push')) return fetch(input, init);
        if (!pushesOpen) return new Response('{"code":"BUSY"}', { status: 503 });
        const answer = await fetch(input, init);
        if (answer.ok) pushedAt = performance.now();
        return answer;
      },
    });
    try {
      await pc
        .collection('stock_events')
        .bulkInsert(
          [1, 2, 3].map((deviceSeq) =>
            stockEvent(facility, { deviceId: device.deviceId, deviceSeq, quantity: 1 }),
          ),
        );
      await waitFor(() => (pc.sync.status.waiting === 3 ? true : undefined), 15_000);
      pushesOpen = true;
      pc.sync.reconnect();
      await waitFor(() => (pc.sync.status.sent === 3 ? true : undefined), 15_000);
      const followUp = await waitFor(
        () => sent.find((call) => call.at > pushedAt && call.waiting === '0'),
        10_000,
      );
      expect(followUp.path).toMatch(/\/stock_events\/pull$/);
      expect((await reportOf(server(), device.deviceId)).documentsWaiting).toBe(0);
    } finally {
      await pc.close();
    }
  });

  it('ignores a malformed report and still answers the call it came with', async () => {
    const facility = await addFacility(server());
    const pc = await enrollDevice(server(), facility);
    await pullWith(server(), pc.token, {
      [PC_APP_VERSION_HEADER]: '2.0.0',
      [PC_WAITING_HEADER]: '5',
    });
    for (const [version, waiting] of [
      ['<script>alert(1)</script>', '-3'],
      ['x'.repeat(41), '99999999999999'],
      ['1.0 beta', '1e3'],
    ] as const) {
      const status = await pullWith(server(), pc.token, {
        [PC_APP_VERSION_HEADER]: version,
        [PC_WAITING_HEADER]: waiting,
      });
      expect(status).toBe(200);
    }
    expect(await reportOf(server(), pc.deviceId)).toEqual({
      appVersion: '2.0.0',
      documentsWaiting: 5,
    });
  });

  it('lets a stockroom page send the report headers across origins', async () => {
    const answer = await fetch(`${server().url}/v1/replication/stock_events/pull`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:4173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': `authorization, ${PC_APP_VERSION_HEADER}, ${PC_WAITING_HEADER}`,
      },
    });
    expect(answer.status).toBe(204);
    const allowed = answer.headers.get('access-control-allow-headers') ?? '';
    expect(allowed).toContain(PC_APP_VERSION_HEADER);
    expect(allowed).toContain(PC_WAITING_HEADER);
  });
});
