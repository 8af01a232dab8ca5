import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { usageDayTotal, type UsageDayTotal } from '../../shared/indicators';
import type { StockEvent } from '../../shared/model';
import { currentConditions } from '../../sync/console/exception-sources';
import { up as fillUsageDayTotals } from '../../sync/migrations/020-usage-day-totals';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice, uniqueId } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import { addStaffedFacility } from './sync-helpers/staff';
import type { TestServer } from './sync-helpers/server';

type Kept = Omit<UsageDayTotal, 'facilityId'>;

async function keptUsage(server: TestServer, facilityId: string): Promise<Kept[]> {
  const rows = await server.database.db
    .selectFrom('usage_day_totals')
    .select(['day', 'location_id', 'item_id', 'actor_id', 'units'])
    .where('facility_id', '=', facilityId)
    .orderBy(['day', 'location_id', 'item_id', 'actor_id'])
    .execute();
  return rows.map((r) => ({
    day: Number(r.day),
    locationId: r.location_id,
    itemId: r.item_id,
    actorId: r.actor_id,
    units: Number(r.units),
  }));
}

/** The direct fold: every event's share, summed per day, place, item and person. */
function foldUsage(events: readonly StockEvent[]): Kept[] {
  const sums = new Map<string, Kept>();
  for (const part of events.flatMap((e) => usageDayTotal(e) ?? [])) {
    const key = [part.day, part.locationId, part.itemId, part.actorId].join('|');
    const { facilityId: _facility, ...kept } = part;
    const was = sums.get(key);
    sums.set(key, was ? { ...was, units: was.units + kept.units } : kept);
  }
  return [...sums.values()].sort(
    (a, b) =>
      a.day - b.day ||
      a.locationId.localeCompare(b.locationId) ||
      a.itemId.localeCompare(b.itemId) ||
      a.actorId.localeCompare(b.actorId),
  );
}

const DAY = 86_400_000;

/**
 * Issue 16: the console's usage flags read usage the write path keeps, issues less returns, per
 * day, place, item and person; they must be what a fold over the stored events gives.
 */
describeOnBackends('usage kept by the write path', 'usage_day_totals', (server) => {
  it('pushed issues and returns add to the usage once, a retried push adds nothing, and the migration refills it the same', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    let seq = 0;
    const event = (overrides: Partial<StockEvent>) =>
      stockEvent(device, {
        id: uniqueId('EVT'),
        deviceSeq: (seq += 1),
        itemId: 'ITM-GLOVE',
        locationId: 'LOC-A1',
        toLocationId: 'DEP-ICU',
        ...overrides,
      });
    const events = [
      event({ type: 'issue', quantity: 12, occurredAt: '2026-11-10T03:00:00Z' }),
      event({ type: 'issue', quantity: 5, occurredAt: '2026-11-10T23:59:00Z' }),
      event({ type: 'return', quantity: 2, occurredAt: '2026-11-10T12:00:00Z' }),
      event({ type: 'return', quantity: 3, occurredAt: '2026-11-11T08:00:00Z' }),
      event({
        type: 'issue',
        quantity: 7,
        occurredAt: '2026-11-11T08:00:00Z',
        itemId: 'ITM-GAUZE',
      }),
      // Not usage: no total.
      event({ type: 'waste', reason: 'expired', quantity: 9, occurredAt: '2026-11-11T09:00:00Z' }),
    ];
    const push = (batch: StockEvent[]) =>
      call(
        server(),
        'POST',
        '/v1/replication/stock_events/push',
        device.token,
        batch.map((e) => ({ newDocumentState: e })),
      );
    for (const batch of [events.slice(0, 3), events.slice(3)]) {
      const answer = await push(batch);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    }
    // The PC did not hear the answer and sends everything again: acknowledged, not counted again.
    expect((await push(events)).status).toBe(200);
    const kept = await keptUsage(server(), facility);
    expect(kept).toEqual(foldUsage(events));
    // 12 + 5 − 2 gloves on the 10th, 7 gauze on the 11th; a day of returns only is negative.
    expect(kept.map((k) => k.units)).toEqual([15, 7, -3]);

    // As a database from before the usage was kept: the table is made again and filled.
    const db = server().database.db;
    await sql`drop table usage_day_totals`.execute(db);
    await fillUsageDayTotals(db as unknown as Kysely<unknown>);
    expect(await keptUsage(server(), facility)).toEqual(kept);
  });

  it('a return the same day takes back what was issued: no flag where the PC would raise none', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const now = new Date('2026-12-01T18:00:00Z'); // a Tuesday
    let seq = 0;
    const event = (type: 'issue' | 'return', daysAgo: number, quantity: number) =>
      stockEvent(device, {
        id: uniqueId('EVT'),
        deviceSeq: (seq += 1),
        type,
        itemId: 'ITM-GLOVE',
        locationId: 'LOC-A1',
        toLocationId: 'DEP-ICU',
        quantity,
        occurredAt: new Date(now.getTime() - daysAgo * DAY - 3_600_000).toISOString(),
      });
    const usual = Array.from({ length: 12 }, (_, week) => event('issue', 7 * (week + 1), 9));
    const flagsNow = async () =>
      (await currentConditions(server().database.db, now)).filter(
        (c) => c.kind === 'usage-anomaly' && c.facilityId === facility,
      );
    const answer = await call(
      server(),
      'POST',
      '/v1/replication/stock_events/push',
      device.token,
      [...usual, event('issue', 0, 48)].map((e) => ({ newDocumentState: e })),
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect((await flagsNow()).length).toBeGreaterThan(0);
    // The ward sends back 39 of the 48: 9 used, a usual Tuesday.
    const back = await call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
      { newDocumentState: event('return', 0, 39) },
    ]);
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(await flagsNow()).toEqual([]);
  });
});
