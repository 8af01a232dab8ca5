import { expect, it } from 'vitest';
import { currentConditions } from '../../sync/console/exception-sources';
import { ConsoleClient } from './console-helpers/console-client';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice, uniqueId } from './sync-helpers/devices';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';
import { stockEvent, supplyRequest } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';

/** Issue 14: the exceptions queue over real HTTP, from a condition to its resolution. */
async function person(server: TestServer, role: 'buyer' | 'analyst' | 'admin') {
  const username = uniqueId(role).toLowerCase();
  const { password } = (await server.admin(
    'console-user',
    'add',
    '--username',
    username,
    '--role',
    role,
  )) as { password: string };
  const client = new ConsoleClient(server.url);
  expect((await client.signIn(username, password)).status).toBe(200);
  return { username, client };
}

interface Item {
  id: string;
  kind: string;
  facilityId: string | null;
  state: string;
  owner: string | null;
  ageBand: string;
  history: { step: string; by: string; comment: string | null }[];
}

describeOnBackends('console exceptions', 'console_exceptions', (server) => {
  it('queues a sequence gap and a refused push, once each, and takes one from open to resolved', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const event = (deviceSeq: number) => ({
      newDocumentState: stockEvent(facility, { deviceId: device.deviceId, deviceSeq }),
    });
    const push = (rows: unknown) =>
      call(server(), 'POST', '/v1/replication/stock_events/push', device.token, rows);
    expect((await push([1, 2, 5].map(event))).status).toBe(200);
    const foreign = stockEvent('FAC-ELSEWHERE', { deviceId: device.deviceId, deviceSeq: 6 });
    expect((await push([{ newDocumentState: foreign }])).status).toBeGreaterThanOrEqual(400);

    const buyer = await person(server(), 'buyer');
    const list = async (client: ConsoleClient, query: string) => {
      const answer = await client.request('GET', `/v1/admin/exceptions?${query}`);
      expect(answer.status, query).toBe(200);
      return answer.body as { items: Item[]; bandCounts: Record<string, number> };
    };
    const queue = await list(buyer.client, `facilityId=${facility}`);
    expect(queue.items.map((i) => i.kind).sort()).toEqual(['push-refused', 'sequence-gap']);
    expect(queue.items.every((i) => i.state === 'open' && i.ageBand === 'under-1h')).toBe(true);
    expect(queue.bandCounts).toEqual({
      'under-1h': 2,
      '1h-4h': 0,
      '4h-24h': 0,
      '1d-7d': 0,
      'over-7d': 0,
    });
    // Listing again finds the same conditions under the same ids: one item per condition.
    expect((await list(buyer.client, `facilityId=${facility}`)).items.map((i) => i.id)).toEqual(
      queue.items.map((i) => i.id),
    );
    const gap = queue.items.find((i) => i.kind === 'sequence-gap')!;
    expect(gap.id).toBe(`sequence-gap:${device.deviceId}:3-4`);
    expect((await list(buyer.client, `facilityId=${facility}&kind=push-refused`)).items).toEqual([
      expect.objectContaining({ kind: 'push-refused' }),
    ]);
    expect((await list(buyer.client, `facilityId=${facility}&ageBand=over-7d`)).items).toEqual([]);

    // An analyst reads the queue and changes nothing.
    const analyst = await person(server(), 'analyst');
    expect((await list(analyst.client, `facilityId=${facility}`)).items).toHaveLength(2);
    const refused = await analyst.client.request('POST', '/v1/admin/exceptions/take', {
      id: gap.id,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ROLE_NOT_PERMITTED');

    // Resolving before taking is refused; taking makes the buyer the owner.
    const early = await buyer.client.request('POST', '/v1/admin/exceptions/resolve', {
      id: gap.id,
      comment: 'done',
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('EXCEPTION_NOT_OWNED');
    const taken = await buyer.client.request('POST', '/v1/admin/exceptions/take', { id: gap.id });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ state: 'owned', owner: buyer.username });

    // Someone else cannot resolve it; an empty comment is refused naming the field.
    const other = await person(server(), 'buyer');
    const notTheirs = await other.client.request('POST', '/v1/admin/exceptions/resolve', {
      id: gap.id,
      comment: 'mine now?',
    });
    expect(notTheirs.status).toBe(409);
    expect(notTheirs.body.code).toBe('EXCEPTION_OWNED_BY_OTHER');
    const bare = await buyer.client.request('POST', '/v1/admin/exceptions/resolve', {
      id: gap.id,
      comment: '   ',
    });
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('COMMENT_REQUIRED');

    const resolved = await buyer.client.request('POST', '/v1/admin/exceptions/resolve', {
      id: gap.id,
      comment: 'PC was re-imaged; events 3-4 were test scans, never real stock',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.state).toBe('resolved');
    const again = await buyer.client.request('POST', '/v1/admin/exceptions/take', { id: gap.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EXCEPTION_RESOLVED');

    // Gone from the active queue (the gap itself is still there), kept with its history.
    expect((await list(buyer.client, `facilityId=${facility}`)).items.map((i) => i.kind)).toEqual([
      'push-refused',
    ]);
    const history = (await list(analyst.client, `facilityId=${facility}&state=resolved`)).items;
    expect(history).toHaveLength(1);
    expect(history[0]!.history).toEqual([
      expect.objectContaining({ step: 'taken', by: buyer.username, comment: null }),
      expect.objectContaining({
        step: 'resolved',
        by: buyer.username,
        comment: 'PC was re-imaged; events 3-4 were test scans, never real stock',
      }),
    ]);

    // Each step is in the audit log, findable by the facility.
    const audit = await analyst.client.request(
      'GET',
      `/v1/admin/audit?facility=${facility}&what=exceptions`,
    );
    expect(audit.status).toBe(200);
    const lines = audit.body.entries as { action: string; outcome: string; actorId: string }[];
    expect(
      lines
        .filter((l) => l.outcome === 'accepted')
        .map((l) => l.action)
        .sort(),
    ).toEqual(['POST /v1/admin/exceptions/resolve', 'POST /v1/admin/exceptions/take']);
  });

  it("says a refused push to the buyer: the facility and the PC by name, whom to ask, never the PC user's sign-in advice", async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    // Recorded under a user id the centre does not know: the PC's user is told to sign in with
    // their own badge and PIN; that advice is for them, not for a buyer at the console.
    const stranger = stockEvent(facility, {
      deviceId: device.deviceId,
      deviceSeq: 1,
      actorId: 'USR-NOBODY',
    });
    const refused = await call(
      server(),
      'POST',
      '/v1/replication/stock_events/push',
      device.token,
      [{ newDocumentState: stranger }],
    );
    expect(refused.status).toBe(403);
    expect((refused.body as { code: string; message: string }).message).toMatch(/badge and PIN/);

    const buyer = await person(server(), 'buyer');
    const answer = await buyer.client.request(
      'GET',
      `/v1/admin/exceptions?facilityId=${facility}&kind=push-refused`,
    );
    expect(answer.status).toBe(200);
    const [item] = (answer.body as { items: (Item & { summary: string })[] }).items;
    expect(item?.summary).toMatch(
      new RegExp(
        `^PC “Stockroom PC” at Facility ${facility} \\(${facility}\\): the centre refused stock event ${stranger.id} because it names as its author a person the centre does not know\\.`,
      ),
    );
    // What that means and what a buyer can do: whom to ask, where the full refusal is.
    expect(item?.summary).toContain('It did not reach the centre: it stays on that PC');
    expect(item?.summary).toContain('Ask the stockroom who recorded it');
    expect(item?.summary).toContain(
      `The audit log has the refusal in full (device ${device.deviceId}, outcome refused).`,
    );
    expect(item?.summary).not.toMatch(/badge|PIN|sign in/i);

    // Taken, the item is stored with the same words, the ones it keeps once its condition clears.
    const taken = await buyer.client.request('POST', '/v1/admin/exceptions/take', { id: item!.id });
    expect(taken.status).toBe(200);
    expect((taken.body as { summary: string }).summary).toBe(item!.summary);
  });

  it('names the PC by its enrolled name and the facility by name in an integrity alarm and a quiet PC', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const push = (rows: unknown) =>
      call(server(), 'POST', '/v1/replication/stock_events/push', device.token, rows);
    const sent = stockEvent(facility, { deviceId: device.deviceId, deviceSeq: 1 });
    expect((await push([{ newDocumentState: sent }])).status).toBe(200);
    // The same event again with other content: the centre keeps the first and raises an alarm.
    const changed = { ...sent, quantity: sent.quantity + 1 };
    expect((await push([{ newDocumentState: changed }])).status).toBe(200);

    // Five hours on, nothing more heard from the PC.
    const later = new Date(Date.now() + 5 * 3_600_000);
    const conditions = (await currentConditions(server().database.db, later)).filter(
      (c) => c.facilityId === facility,
    );
    const said = (kind: string) => conditions.find((c) => c.kind === kind)?.summary ?? '';
    const pc = `PC “Stockroom PC” at Facility ${facility} (${facility})`;
    expect(said('integrity-alarm')).toBe(
      `${pc} sent stock event ${sent.id} again with different content. The centre kept the version it already had and set the other aside. A record is never changed once sent: ask the stockroom whether the PC was restored from a backup or copied, and call support to compare the two versions.`,
    );
    expect(said('pc-quiet')).toMatch(
      new RegExp(
        `^${pc.replace(/[()]/g, '\\$&')} has not been in touch with the centre since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: .* Ask the stockroom whether the PC is switched on and connected\\.$`,
      ),
    );
    for (const kind of ['integrity-alarm', 'pc-quiet']) {
      expect(said(kind), kind).not.toContain(device.deviceId);
    }
  });

  it('refuses an unknown condition and bad filters by name', async () => {
    const buyer = await person(server(), 'buyer');
    const unknown = await buyer.client.request('POST', '/v1/admin/exceptions/take', {
      id: 'sequence-gap:PC-NOWHERE:1-2',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('EXCEPTION_UNKNOWN');
    const badKind = await buyer.client.request('GET', '/v1/admin/exceptions?kind=anything');
    expect(badKind.status).toBe(400);
    const badBody = await buyer.client.request('POST', '/v1/admin/exceptions/take', {
      id: 'x\u0000y',
    });
    expect(badBody.status).toBe(400);
  });

  it('lists exceptions detected in one instant in one order on every read, by id', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    // Four STAT requests sent in one instant, nobody acknowledging: due, and queued, together.
    const sent = new Date(Date.now() - 50 * 60_000).toISOString();
    const prefix = uniqueId('REQ-TIE');
    for (const letter of ['D', 'C', 'B', 'A']) {
      const doc = supplyRequest(facility, {
        id: `${prefix}-${letter}`,
        status: 'submitted',
        priority: 'stat',
        kind: 'urgent',
        createdBy: STAFF.nurseManager,
        createdAt: sent,
        history: [
          { status: 'draft', at: sent, by: STAFF.nurseManager },
          { status: 'submitted', at: sent, by: STAFF.nurseManager },
        ],
      });
      const pushed = await call(
        server(),
        'POST',
        '/v1/replication/supply_requests/push',
        device.token,
        [{ newDocumentState: doc }],
      );
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    }
    const buyer = await person(server(), 'buyer');
    const read = async () => {
      const answer = await buyer.client.request(
        'GET',
        `/v1/admin/exceptions?facilityId=${facility}&kind=request-escalated`,
      );
      expect(answer.status).toBe(200);
      return (answer.body as { items: (Item & { detectedAt: string })[] }).items;
    };
    const first = await read();
    expect(first).toHaveLength(4);
    expect(new Set(first.map((i) => i.detectedAt)).size).toBe(1);
    const ids = first.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    // Taking one rewrites its row in the state table; the order stays.
    const taken = await buyer.client.request('POST', '/v1/admin/exceptions/take', { id: ids[2] });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    for (let again = 0; again < 3; again += 1) {
      expect((await read()).map((i) => i.id)).toEqual(ids);
    }
  });

  it('documents the exceptions routes in the OpenAPI document', async () => {
    const doc = (await call(server(), 'GET', '/v1/openapi.json', null)).body as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/v1/admin/exceptions',
      '/v1/admin/exceptions/take',
      '/v1/admin/exceptions/resolve',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
