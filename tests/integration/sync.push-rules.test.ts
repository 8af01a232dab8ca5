import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { moved, stockEvent, supplyRequest } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';

const push = (server: TestServer, token: string, collection: string, rows: unknown[]) =>
  call(server, 'POST', `/v1/replication/${collection}/push`, token, rows);

describeOnBackends(
  'sync: push rules (idempotency, conflicts, insert-once events, gaps)',
  'push_rules',
  (server) => {
    it('the same batch twice, and overlapping batches in parallel, leave exactly one copy of each document', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const events = Array.from({ length: 30 }, (_, i) =>
        stockEvent(facility, { deviceId: device.deviceId, deviceSeq: i + 1 }),
      );
      const rows = events.map((e) => ({ newDocumentState: { ...e, _deleted: false } }));
      const first = await push(server(), device.token, 'stock_events', rows);
      const again = await push(server(), device.token, 'stock_events', rows);
      expect(first).toEqual({ status: 200, body: [] });
      expect(again).toEqual({ status: 200, body: [] });
      const overlapping = await Promise.all(
        [0, 5, 10, 15, 20].map((start) =>
          push(server(), device.token, 'stock_events', rows.slice(start, start + 10)),
        ),
      );
      expect(overlapping.every((r) => r.status === 200 && (r.body as unknown[]).length === 0)).toBe(
        true,
      );
      const count = await server()
        .database.db.selectFrom('documents')
        .select(sql<number>`count(*)::int`.as('n'))
        .where(
          'id',
          'in',
          events.map((e) => e.id),
        )
        .executeTakeFirstOrThrow();
      expect(count.n).toBe(30);
    });

    it("follows RxDB's conflict rule and answers only the conflicting documents' server state", async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const base = {
        ...supplyRequest(facility, { status: 'draft' }),
        _deleted: false,
      };
      expect(
        (await push(server(), device.token, 'supply_requests', [{ newDocumentState: base }])).body,
      ).toEqual([]);
      const edit = { ...base, reason: 'edit 1' };
      // No assumed state although the server has the document: conflict, answered with the server's state.
      const blind = await push(server(), device.token, 'supply_requests', [
        { newDocumentState: edit },
      ]);
      expect(blind.body).toEqual([base]);
      // Assumed state equal to the server's (keys in another order, RxDB local fields present): written.
      const reordered = Object.fromEntries(Object.entries(base).reverse());
      const assumed = { ...reordered, _meta: { lwt: 1 }, _rev: '1-x', _attachments: {} };
      expect(
        (
          await push(server(), device.token, 'supply_requests', [
            { assumedMasterState: assumed, newDocumentState: edit },
          ])
        ).body,
      ).toEqual([]);
      // A stale assumed state: conflict, with the current server state.
      const stale = await push(server(), device.token, 'supply_requests', [
        { assumedMasterState: base, newDocumentState: { ...base, reason: 'edit 2' } },
        { newDocumentState: { ...supplyRequest(facility), _deleted: false } },
      ]);
      expect(stale.body).toEqual([edit]);
    });

    it('a stockroom drafts, submits and cancels requests; ordering, a status no step led to, or going back is refused with nothing stored', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const draft = {
        ...supplyRequest(facility, { status: 'draft' }),
        _deleted: false,
      };
      expect(
        (await push(server(), device.token, 'supply_requests', [{ newDocumentState: draft }]))
          .status,
      ).toBe(200);
      const code = (answer: { body: unknown }) => (answer.body as { code?: string }).code;

      const approved = await push(server(), device.token, 'supply_requests', [
        { assumedMasterState: draft, newDocumentState: { ...draft, status: 'approved' } },
      ]);
      // A supervisor may approve on the PC, but only by a step in the history (the machine's replay).
      expect([approved.status, code(approved)]).toEqual([422, 'INVALID_TRANSITION']);
      const shippedNew = await push(server(), device.token, 'supply_requests', [
        { newDocumentState: { ...supplyRequest(facility), status: 'shipped', _deleted: false } },
      ]);
      expect([shippedNew.status, code(shippedNew)]).toEqual([422, 'INVALID_TRANSITION']);
      const orderedNew = await push(server(), device.token, 'supply_requests', [
        { newDocumentState: { ...supplyRequest(facility), status: 'ordered', _deleted: false } },
      ]);
      expect([orderedNew.status, code(orderedNew)]).toEqual([
        422,
        'REQUEST_STATUS_NOT_THE_STOCKROOMS',
      ]);

      const submitted = moved(draft, 'submitted');
      const submit = await push(server(), device.token, 'supply_requests', [
        { assumedMasterState: draft, newDocumentState: submitted },
      ]);
      expect(submit).toEqual({ status: 200, body: [] });
      const back = await push(server(), device.token, 'supply_requests', [
        { assumedMasterState: submitted, newDocumentState: { ...submitted, status: 'draft' } },
      ]);
      expect([back.status, code(back)]).toEqual([422, 'REQUEST_STATUS_BACKWARDS']);
      const cancel = await push(server(), device.token, 'supply_requests', [
        { assumedMasterState: submitted, newDocumentState: moved(submitted, 'cancelled') },
      ]);
      expect(cancel).toEqual({ status: 200, body: [] });
      const stored = await server()
        .database.db.selectFrom('documents')
        .select('doc')
        .where('id', '=', draft.id)
        .executeTakeFirstOrThrow();
      expect(stored.doc['status']).toBe('cancelled');
    });

    it('stock events are insert-once: same id with other content raises an integrity alarm and keeps the original', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const event = { ...stockEvent(facility, { deviceId: device.deviceId }), _deleted: false };
      await push(server(), device.token, 'stock_events', [{ newDocumentState: event }]);
      const tampered = { ...event, quantity: event.quantity + 1 };
      const answer = await push(server(), device.token, 'stock_events', [
        { assumedMasterState: event, newDocumentState: tampered },
      ]);
      expect(answer.body).toEqual([event]);
      const row = await server()
        .database.db.selectFrom('documents')
        .select('doc')
        .where('id', '=', event.id)
        .executeTakeFirstOrThrow();
      expect(row.doc['quantity']).toBe(event.quantity);
      const health = await call(
        server(),
        'GET',
        `/v1/facilities/${facility}/sync-health`,
        device.token,
      );
      expect(health.status).toBe(200);
      expect((health.body as { integrityAlarms: { docId: string }[] }).integrityAlarms).toEqual([
        expect.objectContaining({
          docId: event.id,
          collection: 'stock_events',
          deviceId: device.deviceId,
        }),
      ]);
      const audit = await server()
        .database.db.selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'integrity-alarm')
        .where('target', '=', `stock_events/${event.id}`)
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('sync-health shows last contact and the pending gaps of each device, which close when the event arrives', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const at = (deviceSeq: number) =>
        stockEvent(facility, { deviceId: device.deviceId, deviceSeq });
      await push(
        server(),
        device.token,
        'stock_events',
        [1, 2, 5, 6, 9].map((n) => ({ newDocumentState: at(n) })),
      );
      type Health = {
        devices: { deviceId: string; lastContactAt: string | null }[];
        sequences: { deviceId: string; lastSeq: number; gaps: unknown[] }[];
      };
      const health = async () =>
        (await call(server(), 'GET', `/v1/facilities/${facility}/sync-health`, device.token))
          .body as Health;
      const before = await health();
      expect(before.devices).toEqual([
        expect.objectContaining({ deviceId: device.deviceId, lastContactAt: expect.any(String) }),
      ]);
      expect(before.sequences).toEqual([
        {
          deviceId: device.deviceId,
          lastSeq: 9,
          received: 5,
          gaps: [
            { from: 3, to: 4 },
            { from: 7, to: 8 },
          ],
        },
      ]);
      await push(
        server(),
        device.token,
        'stock_events',
        [3, 4].map((n) => ({ newDocumentState: at(n) })),
      );
      expect((await health()).sequences[0]!.gaps).toEqual([{ from: 7, to: 8 }]);
    });

    it('a schema-invalid document is refused naming the field, and a stored invalid one is never served', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const bad = { ...stockEvent(device), quantity: -3 };
      const answer = await push(server(), device.token, 'stock_events', [
        { newDocumentState: stockEvent(device) },
        { newDocumentState: bad },
      ]);
      expect(answer.status).toBe(422);
      expect((answer.body as { errors: { field: string }[] }).errors[0]!.field).toBe(
        '[1].newDocumentState.quantity',
      );
      expect(
        await server()
          .database.db.selectFrom('documents')
          .select('id')
          .where('id', '=', bad.id)
          .execute(),
      ).toEqual([]);

      // A row that slipped in (an old schema, a manual fix) is skipped while the checkpoint moves on.
      const good = stockEvent(device);
      const first = await call(
        server(),
        'GET',
        '/v1/replication/stock_events/pull?limit=1000',
        device.token,
      );
      const start = (first.body as { checkpoint: { seq: number } }).checkpoint.seq;
      await sql`insert into documents (collection, id, facilities, doc, deleted, seq, recorded_at, updated_at, written_by)
      values ('stock_events', 'EVT-broken', array[${facility}]::text[], ${JSON.stringify({ id: 'EVT-broken', facilityId: facility })}::text::jsonb, false, nextval('document_seq'), now(), now(), 'test')`.execute(
        server().database.db,
      );
      await push(server(), device.token, 'stock_events', [{ newDocumentState: good }]);
      const page = await call(
        server(),
        'GET',
        `/v1/replication/stock_events/pull?checkpoint=${start}&limit=1`,
        device.token,
      );
      expect((page.body as { documents: { id: string }[] }).documents.map((d) => d.id)).toEqual([
        good.id,
      ]);
    });
  },
);
