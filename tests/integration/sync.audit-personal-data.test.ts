import { expect, it } from 'vitest';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { describeOnBackends } from './sync-helpers/backends';
import { addFacility, call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import type { TestServer } from './sync-helpers/server';

interface Line {
  id: number;
  actorType: string;
  actorId: string;
  action: string;
  target: string | null;
  outcome: string;
  detail: Record<string, unknown> | null;
}

async function lines(server: TestServer, where: (line: Line) => boolean): Promise<Line[]> {
  const rows = await server.database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  return rows
    .map((r) => ({
      id: r.id,
      actorType: r.actor_type,
      actorId: r.actor_id,
      action: r.action,
      target: r.target,
      outcome: r.outcome,
      detail: r.detail,
    }))
    .filter(where);
}

describeOnBackends(
  'sync: personal data reads and role changes reach the audit log',
  'auditpd',
  (server) => {
    it('an ERP upsert that creates a user or changes a role, active flag or facilities is audited with before and after', async () => {
      const facility = await addFacility(server());
      const other = await addFacility(server());
      const writer = await createApiKey(server(), ['users:write']);
      const user = { ...SAMPLE_DOCUMENTS.users, id: uniqueId('USR'), facilityIds: [facility] };
      const bystander = { ...SAMPLE_DOCUMENTS.users, id: uniqueId('USR'), facilityIds: [facility] };
      const put = async (docs: unknown[]) =>
        expect((await call(server(), 'PUT', '/v1/erp/users', writer, docs)).status).toBe(200);
      const about = (id: string) => (l: Line) => l.target === JSON.stringify({ userId: id });

      await put([user, bystander]);
      await put([{ ...user, name: 'Dana Renamed' }, bystander]);
      await put([{ ...user, name: 'Dana Renamed', role: 'supervisor' }, bystander]);
      await put([
        {
          ...user,
          name: 'Dana Renamed',
          role: 'supervisor',
          active: false,
          facilityIds: [facility, other],
        },
      ]);

      const trail = await lines(server(), about(user.id));
      expect(trail.map((l) => l.action)).toEqual([
        'user role changed',
        'user role changed',
        'user access changed',
      ]);
      expect(trail.every((l) => l.actorType === 'api-key' && l.outcome === 'accepted')).toBe(true);
      expect(trail[0]!.detail).toMatchObject({
        before: null,
        after: { role: 'tech', active: true },
      });
      expect(trail[1]!.detail).toMatchObject({
        changed: ['role'],
        before: { role: 'tech' },
        after: { role: 'supervisor' },
      });
      expect(trail[2]!.detail).toMatchObject({
        changed: ['active', 'facilityIds'],
        after: { active: false, facilityIds: [facility, other].sort() },
      });
      expect(JSON.stringify(trail)).not.toContain(user.pinHash);
      expect(await lines(server(), about(bystander.id))).toHaveLength(1);
    });

    it('a PC cannot change a role: the push is refused, audited as refused, and no role change is recorded', async () => {
      const facility = await addFacility(server());
      const writer = await createApiKey(server(), ['users:write']);
      const user = { ...SAMPLE_DOCUMENTS.users, id: uniqueId('USR'), facilityIds: [facility] };
      await call(server(), 'PUT', '/v1/erp/users', writer, [user]);
      const device = await enrollDevice(server(), facility);
      const pushed = await call(server(), 'POST', '/v1/replication/users/push', device.token, [
        { assumedMasterState: user, newDocumentState: { ...user, role: 'admin' } },
      ]);
      expect(pushed.status).toBe(403);
      const refused = await lines(
        server(),
        (l) =>
          l.actorId === device.deviceId && l.action === 'POST /v1/replication/:collection/push',
      );
      expect(refused).toMatchObject([
        { outcome: 'refused', target: JSON.stringify({ collection: 'users' }) },
      ]);
      const changes = await lines(
        server(),
        (l) => l.target === JSON.stringify({ userId: user.id }),
      );
      expect(changes.map((l) => l.action)).toEqual(['user role changed']);
    });

    it('reading the audit log through the ERP API is itself audited; a key without the scope reads nothing', async () => {
      const auditor = await createApiKey(server(), ['audit:read']);
      const answer = await call(
        server(),
        'GET',
        '/v1/erp/audit?actorType=api-key&limit=5',
        auditor,
      );
      expect(answer.status).toBe(200);
      const returned = (answer.body as { entries: unknown[] }).entries.length;
      const reads = await lines(server(), (l) => l.action === 'GET /v1/erp/audit');
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatchObject({
        actorType: 'api-key',
        outcome: 'accepted',
        detail: { read: 'audit log', returned, filters: { actorType: 'api-key', limit: 5 } },
      });
      const stranger = await createApiKey(server(), ['events:read']);
      expect((await call(server(), 'GET', '/v1/erp/audit', stranger)).status).toBe(403);
      expect(await lines(server(), (l) => l.action === 'GET /v1/erp/audit')).toHaveLength(1);
    });

    it('a PC pulling user records is audited with how many and whose; a pull with none is not', async () => {
      const facility = await addFacility(server());
      const writer = await createApiKey(server(), ['users:write']);
      const user = { ...SAMPLE_DOCUMENTS.users, id: uniqueId('USR'), facilityIds: [facility] };
      await call(server(), 'PUT', '/v1/erp/users', writer, [user]);
      const device = await enrollDevice(server(), facility);
      const first = await call(
        server(),
        'GET',
        '/v1/replication/users/pull?checkpoint=0',
        device.token,
      );
      expect(first.status).toBe(200);
      const { checkpoint } = first.body as { checkpoint: { seq: number } };
      await call(
        server(),
        'GET',
        `/v1/replication/users/pull?checkpoint=${checkpoint.seq}`,
        device.token,
      );
      await call(server(), 'GET', '/v1/replication/items/pull?checkpoint=0', device.token);
      const reads = await lines(
        server(),
        (l) => l.actorId === device.deviceId && l.action === 'GET /v1/replication/:collection/pull',
      );
      expect(reads).toHaveLength(1);
      expect(reads[0]).toMatchObject({
        actorType: 'device',
        detail: { read: 'users', returned: 1, ids: [user.id] },
      });
    });
  },
);
