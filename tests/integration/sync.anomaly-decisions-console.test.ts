import { expect, it } from 'vitest';
import type { ExceptionItem } from '../../shared/console';
import type { AnomalyDecision, StockEvent } from '../../shared/model';
import { writeDocument } from '../../sync/store/documents';
import { sequencedWrite } from '../../sync/store/sequenced';
import { signedInAs } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice, uniqueId, type EnrolledDevice } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';
import { addFlagSubjects } from './sync-helpers/flag-subjects';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';

const DAY = 86_400_000;

/** Twelve usual weeks of 9 gloves issued by the tech, then 48 an hour ago: two flags (place, person). */
async function seedSpike(server: TestServer, device: EnrolledDevice): Promise<string> {
  const locationId = await addFlagSubjects(server, device.facilityId, ['ITM-GLOVE']);
  const now = Date.now();
  const issue = (daysAgo: number, quantity: number): StockEvent =>
    stockEvent(device, {
      id: uniqueId('EVT'),
      type: 'issue',
      itemId: 'ITM-GLOVE',
      locationId,
      toLocationId: 'DEP-ICU',
      actorId: STAFF.tech,
      quantity,
      occurredAt: new Date(now - daysAgo * DAY - 3_600_000).toISOString(),
    });
  const events = [...Array.from({ length: 12 }, (_, w) => issue(7 * (w + 1), 9)), issue(0, 48)];
  await sequencedWrite(server.database.db, async (trx) => {
    for (const body of events) {
      await writeDocument(trx, {
        collection: 'stock_events',
        body,
        deleted: false,
        writtenBy: 't',
      });
    }
  });
  return locationId;
}

/** Issue 16: a buyer's decision on a usage flag in the console reaches the stockroom's PCs. */
describeOnBackends('anomaly decisions from the console', 'anomaly_console', (server) => {
  it('a buyer confirms or dismisses a flag with a note; the PC reads it back, and its own late decision is refused with the centre’s', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const locationId = await seedSpike(server(), device);
    const { client, username } = await signedInAs(server(), 'buyer', 'Bea Buyer');
    const list = await client.request('GET', `/v1/admin/exceptions?facilityId=${facility}`);
    expect(list.status).toBe(200);
    const flags = (list.body as { items: ExceptionItem[] }).items.filter(
      (i) => i.kind === 'usage-anomaly',
    );
    const place = flags.find((f) => f.id.includes(':item-location:'));
    const person = flags.find((f) => f.id.includes(':person:'));
    expect(place && person).toBeTruthy();

    expect(
      (await client.request('POST', '/v1/admin/exceptions/take', { id: place!.id })).status,
    ).toBe(200);
    const resolve = (body: Record<string, unknown>) =>
      client.request('POST', '/v1/admin/exceptions/resolve', { id: place!.id, ...body });
    const noOutcome = await resolve({ comment: 'Ward 4 outbreak' });
    expect(noOutcome).toMatchObject({ status: 400, body: { code: 'OUTCOME_REQUIRED' } });
    const badOutcome = await resolve({ comment: 'x', outcome: 'maybe' });
    expect(badOutcome.status).toBe(400);
    const tooLong = await resolve({ comment: 'x'.repeat(501), outcome: 'dismissed' });
    expect(tooLong).toMatchObject({ status: 400, body: { code: 'COMMENT_TOO_LONG' } });
    // Nothing of the refused ones reached the stockroom.
    const before = await call(server(), 'GET', '/v1/replication/anomaly-decisions', device.token);
    expect(before.body).toEqual({ decisions: [] });

    const done = await resolve({ comment: ' Ward 4 outbreak ', outcome: 'dismissed' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      state: 'resolved',
      owner: username,
      history: expect.arrayContaining([
        expect.objectContaining({
          step: 'resolved',
          by: username,
          comment: 'Dismissed at the centre: Ward 4 outbreak',
        }),
      ]),
    });

    const read = await call(server(), 'GET', '/v1/replication/anomaly-decisions', device.token);
    const decisions = (read.body as { decisions: AnomalyDecision[] }).decisions;
    expect(decisions).toEqual([
      expect.objectContaining({
        id: place!.id,
        facilityId: facility,
        deviceId: 'centre',
        decidedBy: 'centre',
        kind: 'item-location',
        itemId: 'ITM-GLOVE',
        locationId,
        decision: 'dismissed',
        note: 'Ward 4 outbreak',
        centre: { username, name: 'Bea Buyer' },
      }),
    ]);
    expect(decisions[0]!.explanation).toMatch(/issued 48/);

    // The supervisor decides the same flag on a PC that had not heard yet: the centre's stands.
    const { centre: _centre, ...fromCentre } = decisions[0]!;
    const late = await call(server(), 'POST', '/v1/replication/anomaly-decisions', device.token, {
      ...fromCentre,
      deviceId: device.deviceId,
      decision: 'confirmed',
      note: 'Looks like theft',
      decidedBy: STAFF.supervisor,
      decidedAt: new Date().toISOString(),
    });
    expect(late).toMatchObject({
      status: 409,
      body: { code: 'FLAG_ALREADY_DECIDED', decision: { decidedBy: 'centre' } },
    });

    // A PC cannot pass its decision off as the centre's.
    const forged = await call(server(), 'POST', '/v1/replication/anomaly-decisions', device.token, {
      ...fromCentre,
      id: person!.id,
      kind: 'person',
      actorId: STAFF.tech,
      deviceId: device.deviceId,
      decidedBy: STAFF.supervisor,
      centre: { username, name: 'Bea Buyer' },
    });
    expect(forged).toMatchObject({ status: 403, body: { code: 'CENTRE_ONLY' } });
  });

  it('a buyer and a supervisor deciding one flag at once: one decision stands, the other is told, nothing fails', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const locationId = await seedSpike(server(), device);
    const { client } = await signedInAs(server(), 'buyer', 'Bea Buyer');
    const list = await client.request('GET', `/v1/admin/exceptions?facilityId=${facility}`);
    const person = (list.body as { items: ExceptionItem[] }).items.find(
      (i) => i.kind === 'usage-anomaly' && i.id.includes(':person:'),
    )!;
    expect(
      (await client.request('POST', '/v1/admin/exceptions/take', { id: person.id })).status,
    ).toBe(200);
    const date = person.id.split(':').at(-1)!;
    const [atCentre, atPc] = await Promise.all([
      client.request('POST', '/v1/admin/exceptions/resolve', {
        id: person.id,
        comment: 'Talked to the tech: a ward move',
        outcome: 'dismissed',
      }),
      call(server(), 'POST', '/v1/replication/anomaly-decisions', device.token, {
        id: person.id,
        facilityId: facility,
        deviceId: device.deviceId,
        kind: 'person',
        date,
        itemId: 'ITM-GLOVE',
        locationId,
        actorId: STAFF.tech,
        explanation: person.summary.slice(person.summary.indexOf(': ') + 2),
        decision: 'confirmed',
        note: 'Unusual removals by one person',
        decidedBy: STAFF.supervisor,
        decidedAt: new Date().toISOString(),
      }),
    ]);
    const statuses = [atCentre.status, atPc.status].sort();
    // Either the centre won (200, then the PC's 409) or the PC did (201, then the console's 409).
    expect([
      [200, 409],
      [201, 409],
    ]).toContainEqual(statuses);
    const read = await call(server(), 'GET', '/v1/replication/anomaly-decisions', device.token);
    expect((read.body as { decisions: AnomalyDecision[] }).decisions).toHaveLength(1);
  });
});
