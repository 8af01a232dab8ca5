import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice, uniqueId } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';

const push = (server: TestServer, token: string, rows: unknown[]) =>
  call(server, 'POST', '/v1/replication/stock_events/push', token, rows);

async function auditLines(server: TestServer, deviceId: string) {
  return server.database.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'status', 'detail'])
    .where('actor_id', '=', deviceId)
    .where('action', 'like', 'POST /v1/replication/%')
    .orderBy('id')
    .execute();
}

async function storedCount(server: TestServer, ids: string[]): Promise<number> {
  const row = await server.database.db
    .selectFrom('documents')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('id', 'in', ids)
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * A push's audit line is written in the push's own transaction (one commit per push, not two):
 * one line per push, accepted or refused, and never a stored write without its line.
 */
describeOnBackends('sync: the audit line of a push', 'push_audit', (server) => {
  it('an accepted push has exactly one line, saying what was written, acknowledged and by whom', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const events = [1, 2, 3].map((n) =>
      stockEvent(facility, { deviceId: device.deviceId, deviceSeq: n }),
    );
    const rows = events.map((e) => ({ newDocumentState: { ...e, _deleted: false } }));
    expect(await push(server(), device.token, rows)).toEqual({ status: 200, body: [] });
    // The same batch again: acknowledged, nothing written, and its own line.
    expect(await push(server(), device.token, rows)).toEqual({ status: 200, body: [] });
    const lines = await auditLines(server(), device.deviceId);
    expect(lines).toEqual([
      expect.objectContaining({
        action: 'POST /v1/replication/:collection/push',
        outcome: 'accepted',
        status: 200,
        detail: expect.objectContaining({
          collection: 'stock_events',
          facilityId: facility,
          received: 3,
          written: 3,
          acknowledged: 0,
          ids: events.map((e) => e.id),
          users: [events[0]!.actorId],
        }),
      }),
      expect.objectContaining({
        outcome: 'accepted',
        detail: expect.objectContaining({ received: 3, written: 0, acknowledged: 3 }),
      }),
    ]);
  });

  it('a refused push stores nothing and has one refused line naming the document and the rule', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const good = stockEvent(facility, { deviceId: device.deviceId, deviceSeq: 1 });
    const forged = {
      ...stockEvent(facility, { deviceId: device.deviceId, deviceSeq: 2 }),
      actorId: uniqueId('nobody'),
    };
    const answer = await push(server(), device.token, [
      { newDocumentState: { ...good, _deleted: false } },
      { newDocumentState: { ...forged, _deleted: false } },
    ]);
    expect(answer.status).toBe(403);
    expect(await storedCount(server(), [good.id, forged.id])).toBe(0);
    const lines = await auditLines(server(), device.deviceId);
    expect(lines).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        status: 403,
        detail: expect.objectContaining({
          written: 0,
          refused: expect.objectContaining({ documentId: forged.id, code: 'USER_UNKNOWN' }),
        }),
      }),
    ]);
  });

  it('when the line cannot be written, nothing of the push is stored and the failure has its line', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const event = stockEvent(facility, { deviceId: device.deviceId, deviceSeq: 1 });
    const db = server().database.db;
    // A fault of the database's, for this device's accepted lines only.
    await sql`
        create function refuse_line() returns trigger language plpgsql as $$
        begin
          if new.actor_id = ${sql.lit(device.deviceId)} and new.outcome = 'accepted' then
            raise exception 'audit_log refuses this line';
          end if;
          return new;
        end $$`.execute(db);
    await sql`create trigger refuse_line before insert on audit_log
        for each row execute function refuse_line()`.execute(db);
    try {
      const answer = await push(server(), device.token, [
        { newDocumentState: { ...event, _deleted: false } },
      ]);
      expect(answer.status).toBe(500);
      expect(await storedCount(server(), [event.id])).toBe(0);
      expect(await auditLines(server(), device.deviceId)).toEqual([
        expect.objectContaining({ outcome: 'failed', status: 500 }),
      ]);
    } finally {
      await sql`drop trigger refuse_line on audit_log`.execute(db);
      await sql`drop function refuse_line()`.execute(db);
    }
    // The PC sends it again once the fault is gone: stored, with its line.
    expect(
      await push(server(), device.token, [{ newDocumentState: { ...event, _deleted: false } }]),
    ).toEqual({ status: 200, body: [] });
    expect(await storedCount(server(), [event.id])).toBe(1);
    expect((await auditLines(server(), device.deviceId)).map((l) => l.outcome)).toEqual([
      'failed',
      'accepted',
    ]);
  });
});
