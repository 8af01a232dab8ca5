import { afterEach, expect, it } from 'vitest';
import { anomalyFlagId } from '../../shared/indicators/anomaly-flags';
import type { AnomalyDecision } from '../../shared/model';
import { startAppSync } from '../../renderer/replication/app-sync';
import {
  changeAnomalyDecisions,
  decideAnomaly,
  readAnomalyDecisions,
} from '../../renderer/store/anomaly-decisions-local';
import { inboxEntry, readInbox } from '../../renderer/store/sync-inbox';
import { openTestStore } from '../unit/store-test-db';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice } from './sync-helpers/devices';
import { addFlagSubjects } from './sync-helpers/flag-subjects';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';
import { waitFor } from './sync-helpers/wait';

/** Issue 16: decisions on usage flags go from a PC to the centre and back to the facility's other PC. */
describeOnBackends('sync: anomaly decisions between PCs', 'anomaly_decisions_pc', (server) => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it("a supervisor's decision on the PC reaches the centre, another PC's comes down; a tech's forged one is refused into the inbox", async () => {
    const facility = await addStaffedFacility(server());
    // One PC with its real store and sync; the facility's other PC speaks plain HTTP (the free
    // RxDB core opens 13 collections per process, one store's worth).
    const a = { device: await enrollDevice(server(), facility), db: await openTestStore() };
    const other = await enrollDevice(server(), facility);
    const flag = {
      kind: 'item-location' as const,
      itemId: 'ITM-GLOVE',
      locationId: await addFlagSubjects(server(), facility, ['ITM-GLOVE', 'ITM-GOWN', 'ITM-MASK']),
      date: new Date().toISOString().slice(0, 10),
    };
    const decision = (overrides: Partial<AnomalyDecision>): AnomalyDecision => ({
      id: anomalyFlagId(facility, flag),
      facilityId: facility,
      deviceId: a.device.deviceId,
      ...flag,
      explanation: 'issued 48 today; a typical Tuesday is 6–14',
      decision: 'dismissed',
      note: 'Stock moved to the new ward',
      decidedBy: STAFF.supervisor,
      decidedAt: new Date().toISOString(),
      ...overrides,
    });
    const elsewhere = decision({
      id: anomalyFlagId(facility, { ...flag, itemId: 'ITM-GOWN' }),
      itemId: 'ITM-GOWN',
      deviceId: other.deviceId,
      decision: 'confirmed',
      note: 'Gowns taken home',
      decidedBy: STAFF.supervisor2,
    });
    expect(
      await call(server(), 'POST', '/v1/replication/anomaly-decisions', other.token, elsewhere),
    ).toMatchObject({ status: 201 });
    const sync = startAppSync({
      db: a.db,
      token: async () => a.device.token,
      endpoint: server().url,
      deviceId: a.device.deviceId,
      facilityId: facility,
    });
    stops.push(async () => {
      await sync.stop();
      await a.db.remove();
    });
    // The other PC's decision comes down: its flag is decided here too.
    const fromOther = await waitFor(
      async () => (await readAnomalyDecisions(a.db)).find((e) => e.decision.id === elsewhere.id),
      20_000,
    );
    expect(fromOther).toMatchObject({ state: 'held', decision: { decidedBy: STAFF.supervisor2 } });
    // The PC knows its people once the centre's users have come down.
    await waitFor(
      async () => (await a.db.users.findOne(STAFF.supervisor).exec()) ?? undefined,
      20_000,
    );
    const where = { facilityId: facility, deviceId: a.device.deviceId };
    expect(await decideAnomaly(a.db, where, decision({ decidedBy: STAFF.tech }))).toMatch(
      /cannot confirm or dismiss a usage anomaly flag/,
    );
    expect(await decideAnomaly(a.db, where, decision({}))).toBeUndefined();
    const held = await waitFor(
      async () =>
        (await readAnomalyDecisions(a.db)).find(
          (e) => e.decision.id === anomalyFlagId(facility, flag) && e.state === 'held',
        ),
      20_000,
    );
    expect(held.decision.note).toBe('Stock moved to the new ward');
    const stored = await call(server(), 'GET', '/v1/replication/anomaly-decisions', other.token);
    expect(
      (stored.body as { decisions: AnomalyDecision[] }).decisions.map((d) => d.id).sort(),
    ).toEqual([elsewhere.id, held.decision.id].sort());

    // A tampered store: a tech's decision kept without the PC's check. The centre refuses it.
    const forged = decision({
      id: anomalyFlagId(facility, { ...flag, itemId: 'ITM-MASK' }),
      itemId: 'ITM-MASK',
      decidedBy: STAFF.tech,
    });
    await changeAnomalyDecisions(a.db, (entries) => [
      ...entries,
      { decision: forged, state: 'waiting' },
    ]);
    const refused = await waitFor(
      async () =>
        (await readAnomalyDecisions(a.db)).find(
          (e) => e.decision.id === forged.id && e.state === 'refused',
        ),
      20_000,
    );
    expect(refused.message).toMatch(/cannot confirm or dismiss/);
    const entry = await waitFor(async () =>
      inboxEntry(await readInbox(a.db), `anomaly-decision:${forged.id}`),
    );
    expect(entry).toMatchObject({ kind: 'rejected', resolved: false });
  }, 150_000);
});
