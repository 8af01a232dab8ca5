import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import {
  facilitySummary,
  foldEventDayTotals,
  type EventDayTotal,
  type FacilitySummary,
} from '../../shared/indicators';
import type { StockEvent } from '../../shared/model';
import { up as fillEventDayTotals } from '../../sync/migrations/018-event-day-totals';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import { addStaffedFacility } from './sync-helpers/staff';
import type { TestServer } from './sync-helpers/server';

async function keptTotals(server: TestServer, facilityId: string): Promise<EventDayTotal[]> {
  const { rows } = await sql<{
    day: string;
    item_id: string;
    counts: number;
    counts_within: number;
    waste_units: string;
  }>`select to_char(day, 'YYYY-MM-DD') as day, item_id, counts, counts_within, waste_units
     from event_day_totals where facility_id = ${facilityId} order by day, item_id`.execute(
    server.database.db,
  );
  return rows.map((r) => ({
    facilityId,
    day: r.day,
    itemId: r.item_id,
    counts: Number(r.counts),
    countsWithin: Number(r.counts_within),
    wasteUnits: Number(r.waste_units),
  }));
}

const byKey = (totals: EventDayTotal[]) =>
  [...totals].sort((a, b) => `${a.day}|${a.itemId}`.localeCompare(`${b.day}|${b.itemId}`));

/**
 * Issue 16, point 4: the network's count and waste figures come from totals the write path keeps.
 * They must be exactly what a fold over the stored events gives, however the events arrived.
 */
describeOnBackends('indicators: totals kept by the write path', 'indicator_totals', (server) => {
  it('pushed events add to the totals once, a retried push adds nothing, and the network figures equal the fold', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    let seq = 0;
    const event = (overrides: Partial<StockEvent>) =>
      stockEvent(device, { id: uniqueId('EVT'), deviceSeq: (seq += 1), ...overrides });
    const events: StockEvent[] = [
      event({
        type: 'count',
        occurredAt: '2026-11-10T03:00:00Z',
        quantity: 100,
        countedQuantity: 100,
        expectedQuantity: 100,
      }),
      event({
        type: 'count',
        occurredAt: '2026-11-10T04:00:00Z',
        quantity: 50,
        countedQuantity: 50,
        expectedQuantity: 100,
        // Outside tolerance: it waits for a second person, and is a count all the same.
        reason: 'awaiting-approval',
      }),
      event({ type: 'waste', reason: 'expired', occurredAt: '2026-11-11T05:00:00Z', quantity: 4 }),
      event({ type: 'waste', reason: 'damaged', occurredAt: '2026-11-11T06:00:00Z', quantity: 9 }),
      event({
        type: 'count',
        occurredAt: '2026-09-01T03:00:00Z',
        quantity: 1,
        countedQuantity: 1,
        expectedQuantity: 1,
      }),
    ];
    const push = (batch: StockEvent[]) =>
      call(
        server(),
        'POST',
        '/v1/replication/stock_events/push',
        device.token,
        batch.map((e) => ({ newDocumentState: e })),
      );
    for (const batch of [events.slice(0, 2), events.slice(2)]) {
      const answer = await push(batch);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    }
    // The PC did not hear the answer and sends everything again: acknowledged, not counted again.
    expect((await push(events)).status).toBe(200);
    expect(byKey(await keptTotals(server(), facility))).toEqual(byKey(foldEventDayTotals(events)));

    const key = await createApiKey(server(), ['indicators:read']);
    const answer = await call(
      server(),
      'GET',
      `/v1/erp/indicators?from=2026-11-01&to=2026-11-30&facility=${facility}`,
      key,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const [figures] = (answer.body as { facilities: FacilitySummary[] }).facilities;
    const items = await sql<{ doc: { id: string; unitCost?: number } }>`
      select doc from documents where collection = 'items'`.execute(server().database.db);
    const cost = new Map(items.rows.map((r) => [r.doc.id, r.doc.unitCost]));
    const direct = facilitySummary(
      {
        facilityId: facility,
        events,
        requests: [],
        cases: [],
        notices: [],
        unitCost: (id) => cost.get(id),
        acknowledgeTargets: {},
        parLevels: [],
      },
      { from: '2026-11-01', to: '2026-11-30' },
      new Date().toISOString(),
    );
    expect(figures).toMatchObject({
      counts: 2,
      countAccuracy: 0.5,
      wasteUnits: 4,
      wasteValue: direct.wasteValue,
    });
  });

  it('the migration fills the totals from the events already stored, as the write path would have', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const events = [1, 2, 3, 4, 5, 6].map((n) =>
      stockEvent(device, {
        id: uniqueId('EVT'),
        deviceSeq: n,
        type: n % 2 ? 'count' : 'waste',
        occurredAt: `2026-11-0${n}T12:00:00Z`,
        quantity: n,
        ...(n % 2 ? { countedQuantity: n, expectedQuantity: n } : { reason: 'expired' }),
      }),
    );
    const answer = await call(
      server(),
      'POST',
      '/v1/replication/stock_events/push',
      device.token,
      events.map((e) => ({ newDocumentState: e })),
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const written = await keptTotals(server(), facility);
    expect(byKey(written)).toEqual(byKey(foldEventDayTotals(events)));
    // As a database from before the totals existed: the table is made again and filled.
    const db = server().database.db;
    await sql`drop table event_day_totals`.execute(db);
    await fillEventDayTotals(db as unknown as Kysely<unknown>);
    expect(byKey(await keptTotals(server(), facility))).toEqual(byKey(written));
  });
});
