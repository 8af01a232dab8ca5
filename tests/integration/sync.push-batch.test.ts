import { expect, it } from 'vitest';
import { documentWebhook } from '../../sync/store/documents';
import { jsonb } from '../../sync/store/json';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice, uniqueId } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent, supplyRequest } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';

const push = (server: TestServer, token: string, collection: string, rows: unknown[]) =>
  call(server, 'POST', `/v1/replication/${collection}/push`, token, rows);

/** A subscriber with no worker running: its deliveries stay pending for the test to read. */
async function subscribe(server: TestServer, eventTypes: string[]): Promise<string> {
  const id = uniqueId('WH');
  await server.database.db
    .insertInto('webhook_endpoints')
    .values({
      id,
      url: 'http://127.0.0.1:9/none',
      secret: 'whsec_x',
      event_types: jsonb(eventTypes),
    })
    .execute();
  return id;
}

/** What an endpoint will be sent, in the order the worker sends it (delivery id). */
async function queuedFor(server: TestServer, endpointId: string) {
  const rows = await server.database.db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .select(['o.event_type', 'o.payload'])
    .where('d.endpoint_id', '=', endpointId)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    type: r.event_type,
    id: String((r.payload['document'] as { id?: string } | undefined)?.id ?? r.payload['docId']),
    seq: r.payload['seq'] as number | undefined,
  }));
}

async function storedSeqs(server: TestServer, ids: string[]) {
  const rows = await server.database.db
    .selectFrom('documents')
    .select(['id', 'seq', 'doc'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

describeOnBackends('sync: a push is written as one batch', 'push_batch', (server) => {
  it('a change no endpoint subscribes to leaves no outbox message; one that an endpoint takes does', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const messagesAbout = async (id: string) =>
      (await server().database.db.selectFrom('outbox').select(['id', 'payload']).execute()).filter(
        (m) => (m.payload['document'] as { id?: string } | undefined)?.id === id,
      );
    const unheard = stockEvent(facility, { deviceId: device.deviceId });
    await push(server(), device.token, 'stock_events', [{ newDocumentState: unheard }]);
    expect(await messagesAbout(unheard.id)).toEqual([]);

    const other = await subscribe(server(), ['supply_request.changed']);
    const stillUnheard = stockEvent(facility, { deviceId: device.deviceId });
    await push(server(), device.token, 'stock_events', [{ newDocumentState: stillUnheard }]);
    expect(await messagesAbout(stillUnheard.id)).toEqual([]);
    expect(await queuedFor(server(), other)).toEqual([]);

    const events = await subscribe(server(), ['stock_event.recorded']);
    const heard = stockEvent(facility, { deviceId: device.deviceId });
    await push(server(), device.token, 'stock_events', [{ newDocumentState: heard }]);
    expect(await messagesAbout(heard.id)).toHaveLength(1);
    expect((await queuedFor(server(), events)).map((q) => q.id)).toEqual([heard.id]);
  });

  it('writes, alarms and webhooks keep row order: seqs ascend with the rows, the alarm is announced between', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    // Subscribed once the staff is set up, so only the push's own messages are queued for them.
    const everything = await subscribe(server(), ['*']);
    const alarmsOnly = await subscribe(server(), ['integrity.alarm']);
    const known = stockEvent(facility, { deviceId: device.deviceId, deviceSeq: 1 });
    await push(server(), device.token, 'stock_events', [{ newDocumentState: known }]);
    const [a, c] = [2, 3].map((n) =>
      stockEvent(facility, { deviceId: device.deviceId, deviceSeq: n }),
    );
    const tampered = { ...known, quantity: known.quantity + 1 };
    const answer = await push(server(), device.token, 'stock_events', [
      { newDocumentState: a },
      { newDocumentState: tampered },
      { newDocumentState: known }, // equal to the stored one: acknowledged, no webhook
      { newDocumentState: c },
    ]);
    expect(answer).toEqual({ status: 200, body: [{ ...known, _deleted: false }] });

    const stored = await storedSeqs(server(), [a!.id, c!.id, known.id]);
    expect(stored.get(known.id)?.doc['quantity']).toBe(known.quantity);
    const seqA = stored.get(a!.id)!.seq;
    const seqC = stored.get(c!.id)!.seq;
    expect(seqC).toBeGreaterThan(seqA);
    expect(stored.get(known.id)!.seq).toBeLessThan(seqA);

    expect(await queuedFor(server(), everything)).toEqual([
      { type: 'stock_event.recorded', id: known.id, seq: stored.get(known.id)!.seq },
      { type: 'stock_event.recorded', id: a!.id, seq: seqA },
      { type: 'integrity.alarm', id: known.id, seq: undefined },
      { type: 'stock_event.recorded', id: c!.id, seq: seqC },
    ]);
    expect(await queuedFor(server(), alarmsOnly)).toEqual([
      { type: 'integrity.alarm', id: known.id, seq: undefined },
    ]);
  });

  it('a document written twice in one push: two seqs and two webhooks, the later version stored once', async () => {
    const everything = await subscribe(server(), ['supply_request.changed']);
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const first = { ...supplyRequest(facility, { status: 'draft' }), _deleted: false };
    const second = { ...first, reason: 'second thoughts' };
    const answer = await push(server(), device.token, 'supply_requests', [
      { newDocumentState: first },
      { assumedMasterState: first, newDocumentState: second },
    ]);
    expect(answer).toEqual({ status: 200, body: [] });
    const stored = (await storedSeqs(server(), [first.id])).get(first.id);
    expect(stored?.doc['reason']).toBe('second thoughts');
    const queued = await queuedFor(server(), everything);
    expect(queued.map((q) => q.id)).toEqual([first.id, first.id]);
    expect(queued[1]!.seq).toBe(stored?.seq);
    expect(queued[0]!.seq).toBeLessThan(queued[1]!.seq!);
    // The payload built with the upsert is the one documentWebhook builds.
    const payloads = await server()
      .database.db.selectFrom('webhook_deliveries as d')
      .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
      .select(['o.id', 'o.event_type', 'o.payload'])
      .where('d.endpoint_id', '=', everything)
      .orderBy('d.id')
      .execute();
    expect(payloads.map((p) => [p.event_type, p.payload])).toEqual(
      [
        { write: first, seq: queued[0]!.seq! },
        { write: second, seq: queued[1]!.seq! },
      ].map(({ write, seq }) => {
        const { _deleted, ...body } = write;
        return [
          'supply_request.changed',
          documentWebhook({
            write: {
              collection: 'supply_requests',
              body,
              deleted: _deleted,
              writtenBy: `device:${device.deviceId}`,
            },
            seq,
          }).payload,
        ];
      }),
    );
    expect(payloads.every((p) => /^msg_[0-9a-f-]{36}$/.test(p.id))).toBe(true);
    const page = await call(
      server(),
      'GET',
      `/v1/replication/supply_requests/pull?checkpoint=${queued[0]!.seq! - 1}`,
      device.token,
    );
    expect((page.body as { documents: unknown[] }).documents).toEqual([second]);
  });

  it('an id of another facility late in the batch refuses all of it: no document, alarm or message stored', async () => {
    const facility = await addStaffedFacility(server());
    const other = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const stranger = await enrollDevice(server(), other);
    const taken = stockEvent(other, { deviceId: stranger.deviceId });
    await push(server(), stranger.token, 'stock_events', [{ newDocumentState: taken }]);
    const mine = stockEvent(facility, { deviceId: device.deviceId });
    await push(server(), device.token, 'stock_events', [{ newDocumentState: mine }]);
    const count = async (table: 'outbox' | 'integrity_alarms') =>
      (await server().database.db.selectFrom(table).select('id').execute()).length;
    const before = { outbox: await count('outbox'), alarms: await count('integrity_alarms') };
    const fresh = stockEvent(facility, { deviceId: device.deviceId });
    const answer = await push(server(), device.token, 'stock_events', [
      { newDocumentState: fresh },
      { newDocumentState: { ...mine, quantity: mine.quantity + 1 } }, // would alarm
      { newDocumentState: { ...taken, facilityId: facility } },
    ]);
    expect(answer.status).toBe(403);
    expect((answer.body as { code: string }).code).toBe('FACILITY_MISMATCH');
    expect(await storedSeqs(server(), [fresh.id])).toEqual(new Map());
    expect({ outbox: await count('outbox'), alarms: await count('integrity_alarms') }).toEqual(
      before,
    );
  });
});
