import { expect, it } from 'vitest';
import { anomalyFlagId } from '../../shared/indicators/anomaly-flags';
import type { AnomalyDecision } from '../../shared/model';
import { signedInPerson } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice } from './sync-helpers/devices';
import { addFlagSubjects } from './sync-helpers/flag-subjects';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';

/** Issue 16: a stockroom's decision on a usage anomaly flag, checked where it is written. */
describeOnBackends('anomaly decisions from a PC', 'anomaly_decisions', (server) => {
  it('refuses a tech and a missing or blank note, stores a supervisor’s once, and the console shows it resolved', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const flag = {
      kind: 'item-location' as const,
      itemId: 'ITM-GLOVE',
      locationId: await addFlagSubjects(server(), facility, ['ITM-GLOVE']),
      date: new Date().toISOString().slice(0, 10),
    };
    const decision = (overrides: Partial<AnomalyDecision> = {}): AnomalyDecision => ({
      id: anomalyFlagId(facility, flag),
      facilityId: facility,
      deviceId: device.deviceId,
      ...flag,
      explanation:
        'issued 48 today; a typical Tuesday is 6–14 (median 9, MAD 2.5); 12.3 MADs above',
      decision: 'confirmed',
      note: 'Outbreak on ward 4: real demand',
      decidedBy: STAFF.supervisor,
      decidedAt: new Date().toISOString(),
      ...overrides,
    });
    const send = (body: unknown, token: string | null = device.token) =>
      call(server(), 'POST', '/v1/replication/anomaly-decisions', token, body);

    const byTech = await send(decision({ decidedBy: STAFF.tech }));
    expect(byTech.status).toBe(403);
    expect(byTech.body).toMatchObject({ code: 'ROLE_NOT_PERMITTED' });
    const { note: _note, ...noNote } = decision();
    const missing = await send(noNote);
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toMatch(/note/);
    const blank = await send(decision({ note: '   ' }));
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ code: 'NOTE_REQUIRED' });
    const unknown = await send(decision({ decidedBy: 'USR-NOBODY' }));
    expect(unknown.status).toBe(403);
    const elsewhere = await send(decision({ facilityId: 'FAC-ELSEWHERE' }));
    expect(elsewhere.status).toBe(403);
    const wrongId = await send(decision({ id: anomalyFlagId(facility, { ...flag, itemId: 'X' }) }));
    expect(wrongId.status).toBe(400);
    expect(await send(decision(), null)).toMatchObject({ status: 401 });
    // Nothing of the refused ones was stored.
    const none = await call(server(), 'GET', '/v1/replication/anomaly-decisions', device.token);
    expect(none).toMatchObject({ status: 200, body: { decisions: [] } });

    const good = decision();
    expect(await send(good)).toMatchObject({ status: 201, body: { stored: true } });
    // A retry is acknowledged; another decision on the decided flag is refused with the one held.
    expect(await send(good)).toMatchObject({ status: 200, body: { stored: false } });
    const other = await send(
      decision({ decision: 'dismissed', note: 'Fine', decidedBy: STAFF.supervisor2 }),
    );
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({
      code: 'FLAG_ALREADY_DECIDED',
      decision: { decidedBy: STAFF.supervisor, decision: 'confirmed' },
    });

    const read = await call(server(), 'GET', '/v1/replication/anomaly-decisions', device.token);
    expect(read.body).toEqual({ decisions: [good] });

    // The console's queue: the flag's item resolved, by whom, with the note.
    const console = await signedInPerson(server(), 'buyer');
    const answer = await console.request(
      'GET',
      `/v1/admin/exceptions?facilityId=${facility}&state=resolved`,
    );
    expect(answer.status).toBe(200);
    const items = (answer.body as { items: Record<string, unknown>[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: good.id,
      kind: 'usage-anomaly',
      state: 'resolved',
      owner: STAFF.supervisor,
      history: [
        {
          step: 'resolved',
          by: STAFF.supervisor,
          comment:
            'Confirmed at the stockroom (PC “Stockroom PC”): Outbreak on ward 4: real demand',
        },
      ],
    });

    // The audit log holds the refused and the accepted decisions.
    const audit = await server()
      .database.db.selectFrom('audit_log')
      .select(['outcome', 'status'])
      .where('action', '=', 'POST /v1/replication/anomaly-decisions')
      .where('actor_id', '=', device.deviceId)
      .execute();
    expect(audit.map((a) => a.status).sort()).toEqual(
      [200, 201, 400, 400, 400, 403, 403, 403, 409].sort(),
    );
  });
});
