import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { hashSecret, newSalt } from '../../renderer/session/credentials';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';

describeOnBackends('sync: user verifiers and PC sign-in audit', 'signin', (server) => {
  it('refuses old PBKDF2 verifiers from the ERP, and a user.changed webhook never carries verifiers', async () => {
    const facility = await addStaffedFacility(server());
    const key = await createApiKey(server(), ['users:write']);
    const db = server().database.db;
    await sql`insert into webhook_endpoints (id, url, secret, event_types) values (${uniqueId('whe')}, 'https://erp.example/hook', 'x', '["user.changed"]'::jsonb)`.execute(
      db,
    );
    const salt = newSalt();
    const user = {
      id: uniqueId('USR'),
      name: 'Vera Verifier',
      role: 'tech',
      facilityIds: [facility],
      badgeHash: await hashSecret('SRB-999999', salt),
      pinHash: await hashSecret('135790', salt),
      salt,
      active: true,
    };
    const old = { ...user, pinHash: `pbkdf2-sha256$100000$${'A'.repeat(43)}=` };
    const refused = await call(server(), 'PUT', '/v1/erp/users', key, [old]);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('[0].pinHash');
    const accepted = await call(server(), 'PUT', '/v1/erp/users', key, [user]);
    expect(accepted.status).toBe(200);
    const rows = await db
      .selectFrom('outbox')
      .select(['payload'])
      .where('event_type', '=', 'user.changed')
      .execute();
    const mine = rows.map((r) => JSON.stringify(r.payload)).filter((p) => p.includes(user.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain('Vera Verifier');
    for (const field of ['badgeHash', 'pinHash', 'salt', user.pinHash, salt]) {
      expect(mine[0]).not.toContain(field);
    }
  });

  it('a PC’s sign-in attempts reach the centre’s audit log with the token’s device', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const attempt = {
      id: uniqueId('SGN'),
      facilityId: facility,
      deviceId: device.deviceId,
      userId: 'USR-TESS',
      method: 'pin',
      outcome: 'locked-out',
      lockedUntil: '2026-12-03T12:15:00.000Z',
      occurredAt: '2026-12-03T12:00:00.000Z',
    };
    const pushed = await call(
      server(),
      'POST',
      '/v1/replication/sign_in_events/push',
      device.token,
      [{ newDocumentState: attempt }],
    );
    expect(pushed.status).toBe(200);
    const lines = await server()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'pc locked-out')
      .execute();
    const line = lines.find((l) => JSON.stringify(l.detail).includes(attempt.id));
    expect(line).toMatchObject({ actor_id: 'USR-TESS', outcome: 'refused' });
    expect(line?.target).toContain(device.deviceId);
  });

  it('a right badge on a switched-off account, or from another stockroom, is a refused line naming the person', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const attempts = (['user-inactive', 'not-at-facility'] as const).map((outcome) => ({
      id: uniqueId('SGN'),
      facilityId: facility,
      deviceId: device.deviceId,
      userId: `USR-${outcome.toUpperCase()}`,
      method: 'badge',
      outcome,
      occurredAt: '2026-12-06T03:00:00.000Z',
    }));
    const pushed = await call(
      server(),
      'POST',
      '/v1/replication/sign_in_events/push',
      device.token,
      attempts.map((a) => ({ newDocumentState: a })),
    );
    expect(pushed.status).toBe(200);
    const lines = await server()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('action', 'in', ['pc user-inactive', 'pc not-at-facility'])
      .execute();
    for (const attempt of attempts) {
      const line = lines.find((l) => JSON.stringify(l.detail).includes(attempt.id));
      expect(line).toMatchObject({
        action: `pc ${attempt.outcome}`,
        actor_type: 'user',
        actor_id: attempt.userId,
        outcome: 'refused',
      });
    }
    const madeUp = await call(
      server(),
      'POST',
      '/v1/replication/sign_in_events/push',
      device.token,
      [{ newDocumentState: { ...attempts[0], id: uniqueId('SGN'), outcome: 'made-up' } }],
    );
    expect(madeUp.status).toBe(422);
  });
});
