import fc from 'fast-check';
import { isoDateFromDays } from '../../shared/inventory/calendar';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { foldLedger } from '../../shared/inventory/ledger-fold';
import type { StockEvent } from '../../shared/model';
import { catchUpCentreBalances } from '../../sync/store/centre-balances';
import { upsertDocuments } from '../../sync/store/upsert-documents';
import { readableSeqCeiling, sequencedWrite } from '../../sync/store/sequenced';
import { writeDocument } from '../../sync/store/documents';
import { anyLedger, permutationOf } from '../fixtures/inventory/arbitrary-ledger';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { stockNowFromEvents, stockouts, type FacilitySummary } from '../../shared/indicators';
import { networkStockoutDays } from '../../sync/store/centre-stockout-days';
import type { ParLevel } from '../../shared/model';
import { writeCentreDocuments } from '../../sync/store/centre-write';
import { signedInPerson } from './console-helpers/console-person';
import { call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { describeOnBackends } from './sync-helpers/backends';
import { stockEvent } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';

interface Row {
  locationId: string;
  itemId: string;
  lotCode: string;
  onHand: number;
  quarantined: number;
  expiry: string | null;
}

const order = (rows: Row[]) =>
  [...rows].sort((a, b) =>
    `${a.itemId}|${a.lotCode}|${a.locationId}`.localeCompare(
      `${b.itemId}|${b.lotCode}|${b.locationId}`,
    ),
  );

const today = () => Math.floor(Date.now() / 86_400_000);

async function centreRows(server: TestServer, facilityId: string): Promise<Row[]> {
  const rows = await server.database.db
    .selectFrom('centre_balances')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .execute();
  return order(
    rows.map((r) => ({
      locationId: r.location_id,
      itemId: r.item_id,
      lotCode: r.lot_code,
      onHand: Number(r.on_hand),
      quarantined: Number(r.quarantined),
      expiry: r.expiry,
    })),
  );
}

function foldedRows(events: readonly StockEvent[]): Row[] {
  return order(
    [...foldLedger(events).balances.values()].map((b) => ({
      locationId: b.locationId,
      itemId: b.itemId,
      lotCode: b.lotCode,
      onHand: b.onHand,
      quarantined: b.quarantined,
      expiry: b.expiry ?? null,
    })),
  );
}

async function store(server: TestServer, events: readonly StockEvent[]): Promise<void> {
  if (events.length === 0) return;
  await sequencedWrite(server.database.db, (trx) =>
    upsertDocuments(
      trx,
      events.map((body) => ({
        collection: 'stock_events' as const,
        body: body as unknown as Record<string, unknown>,
        deleted: false,
        writtenBy: 'test',
      })),
    ),
  );
}

/** The generated ledger under ids and a facility of this run's own: the database outlives a run. */
function ownedBy(facilityId: string, events: readonly StockEvent[]): StockEvent[] {
  const prefix = `${facilityId}-`;
  return events.map((e) => ({
    ...e,
    id: prefix + e.id,
    facilityId,
    ...(e.reverses !== undefined ? { reverses: prefix + e.reverses } : {}),
  }));
}

/**
 * Issue 16: the centre keeps each facility's balances (sync/store/centre-balances.ts) so the
 * network's stockouts, stockout risk and expiring value need not fold every event. Whatever order
 * the events arrive in, and however the catch-ups fall between them, the projection must be the
 * ledger's own fold of the facility's events.
 */
describeOnBackends(
  'centre balances: the projection is the ledger fold',
  'centre_balances',
  (server, backend) => {
    it('random ledgers (reversals before their targets, chains, loops, wrong-lot reversals, transfers, counts, lot spellings) arriving in any order and any number of catch-ups', async () => {
      await fc.assert(
        fc.asyncProperty(
          anyLedger({ maxLength: 30 }).chain((events) =>
            fc.tuple(permutationOf(events), fc.array(fc.nat(events.length), { maxLength: 3 })),
          ),
          async ([arrival, cuts]) => {
            const facilityId = uniqueId('FAC-P');
            const events = ownedBy(facilityId, arrival);
            const bounds = [0, ...[...cuts].sort((a, b) => a - b), events.length];
            for (let i = 0; i + 1 < bounds.length; i += 1) {
              await store(server(), events.slice(bounds[i], bounds[i + 1]));
              await catchUpCentreBalances(server().database.db, new Date());
              const sofar = events.slice(0, bounds[i + 1]);
              expect(await centreRows(server(), facilityId)).toEqual(foldedRows(sofar));
            }
          },
        ),
        { numRuns: 100 },
      );
    });

    it('stockout days over a period, walked from the kept changes, equal the ledger folded day by day (reversals dated after their targets included)', async () => {
      const period = { from: '2026-11-05', to: '2026-11-25' };
      let outOfStock = 0;
      await fc.assert(
        fc.asyncProperty(
          anyLedger({ maxLength: 30 }).chain((events) =>
            fc.tuple(
              permutationOf(events),
              fc.array(fc.nat(events.length), { maxLength: 2 }),
              fc.array(fc.nat(27), { minLength: events.length, maxLength: events.length }),
            ),
          ),
          async ([arrival, cuts, days]) => {
            const facilityId = uniqueId('FAC-D');
            // Spread over November, hours kept apart so the day is the event's own.
            const events = ownedBy(facilityId, arrival).map((e, i) => ({
              ...e,
              occurredAt: `2026-11-${String(1 + (days[i] ?? 0)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`,
            }));
            const bounds = [0, ...[...cuts].sort((a, b) => a - b), events.length];
            for (let i = 0; i + 1 < bounds.length; i += 1) {
              await store(server(), events.slice(bounds[i], bounds[i + 1]));
              await catchUpCentreBalances(server().database.db, new Date());
            }
            const walked = await networkStockoutDays(server().database.db, [facilityId], period);
            // The figure came from kept days: the facility's are kept through today.
            const state = await server()
              .database.db.selectFrom('centre_stockout_state')
              .selectAll()
              .where('facility_id', '=', facilityId)
              .executeTakeFirst();
            if (events.length > 0) expect(state?.kept_through).toBe(today());
            const expected = stockouts(events, period).stockoutDays;
            if (expected > 0) outOfStock += 1;
            expect(walked.get(facilityId)).toBe(expected);
            // Days after today are not kept: walked at the read, beside the kept ones.
            const onward = { from: '2026-11-20', to: isoDateFromDays(today() + 3) };
            const both = await networkStockoutDays(server().database.db, [facilityId], onward);
            expect(both.get(facilityId)).toBe(stockouts(events, onward).stockoutDays);
          },
        ),
        { numRuns: 100 },
      );
      // Ledgers that never run out would prove nothing (about one in seven does).
      expect(outOfStock).toBeGreaterThanOrEqual(3);
    });

    it('a reversal follows its target only within the facility: another facility’s reversal of the same id changes nothing', async () => {
      const here = uniqueId('FAC-H');
      const there = uniqueId('FAC-T');
      const receive = stockEvent(here, { id: uniqueId('EVT'), quantity: 30, lotCode: 'LX' });
      const foreign = stockEvent(there, {
        id: uniqueId('EVT'),
        type: 'reversal',
        reverses: receive.id,
        quantity: 0,
        lotCode: 'LX',
      });
      await store(server(), [foreign]);
      await catchUpCentreBalances(server().database.db, new Date());
      await store(server(), [receive]);
      await catchUpCentreBalances(server().database.db, new Date());
      expect(await centreRows(server(), here)).toEqual(foldedRows([receive]));
      expect((await centreRows(server(), here))[0]?.onHand).toBe(30);
      expect(await centreRows(server(), there)).toEqual([]);
    });

    it('a reversal that names another lot still cancels its target when it arrives after it', async () => {
      const facilityId = uniqueId('FAC-W');
      const receive = stockEvent(facilityId, { id: uniqueId('EVT'), quantity: 30, lotCode: 'LA' });
      const other = stockEvent(facilityId, { id: uniqueId('EVT'), quantity: 4, lotCode: 'LB' });
      const reversal = stockEvent(facilityId, {
        id: uniqueId('EVT'),
        type: 'reversal',
        reverses: receive.id,
        quantity: 0,
        lotCode: 'LB',
      });
      await store(server(), [receive, other]);
      await catchUpCentreBalances(server().database.db, new Date());
      await store(server(), [reversal]);
      await catchUpCentreBalances(server().database.db, new Date());
      const rows = await centreRows(server(), facilityId);
      expect(rows).toEqual(foldedRows([receive, other, reversal]));
      expect(rows.map((r) => [r.lotCode, r.onHand])).toEqual([
        ['LA', 0],
        ['LB', 4],
      ]);
    });

    if (backend === 'postgres') {
      it('PostgreSQL: a push still in flight is not passed over; it is folded once it commits', async () => {
        const facilityId = uniqueId('FAC-F');
        const early = stockEvent(facilityId, { id: uniqueId('EVT'), quantity: 7, lotCode: 'LF' });
        const late = stockEvent(facilityId, { id: uniqueId('EVT'), quantity: 5, lotCode: 'LF' });
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let drawn!: () => void;
        const written = new Promise<void>((resolve) => (drawn = resolve));
        const open = sequencedWrite(server().database.db, async (trx) => {
          await writeDocument(trx, {
            collection: 'stock_events',
            body: early,
            deleted: false,
            writtenBy: 'test',
          });
          drawn();
          await held;
        });
        await written;
        await store(server(), [late]);
        const db = server().database.db;
        const during = await readableSeqCeiling(db);
        await catchUpCentreBalances(db, new Date());
        const { seq } = await db
          .selectFrom('centre_projections')
          .select('seq')
          .where('name', '=', 'balances')
          .executeTakeFirstOrThrow();
        // The later push is committed, but the projection stops below the open one.
        expect(Number(seq)).toBeLessThanOrEqual(during);
        expect(await centreRows(server(), facilityId)).toEqual([]);
        release();
        await open;
        await catchUpCentreBalances(db, new Date());
        expect(await centreRows(server(), facilityId)).toEqual(foldedRows([early, late]));
        expect((await centreRows(server(), facilityId))[0]?.onHand).toBe(12);
      });
    }

    it('two catch-ups at once fold each event once (the checkpoint row puts one after the other)', async () => {
      const facilityId = uniqueId('FAC-C');
      const events = Array.from({ length: 40 }, (_, n) =>
        stockEvent(facilityId, {
          id: uniqueId('EVT'),
          deviceSeq: n + 1,
          type: n % 4 === 3 ? 'issue' : 'receive',
          quantity: 2,
          lotCode: `L${n % 3}`,
        }),
      );
      await store(server(), events);
      const db = server().database.db;
      await Promise.all([
        catchUpCentreBalances(db, new Date()),
        catchUpCentreBalances(db, new Date()),
      ]);
      expect(await centreRows(server(), facilityId)).toEqual(foldedRows(events));
      const { rows } = await sql<{ n: string }>`
      select count(*) as n from centre_stock_links where facility_id = ${facilityId}`.execute(db);
      expect(Number(rows[0]?.n)).toBe(40);
    });

    it('the ERP and the console read each facility’s stock now as the fold of its pushed events says, with the records behind it', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const day = 86_400_000;
      const ago = (n: number) => new Date(Date.now() - n * day).toISOString();
      const ahead = (n: number) => new Date(Date.now() + n * day).toISOString().slice(0, 10);
      const gauze = uniqueId('ITM');
      const saline = uniqueId('ITM');
      const item = (id: string, name: string, unitCost: number) => ({
        ...SAMPLE_DOCUMENTS.items,
        id,
        name,
        unitCost,
        gtins: [],
        hibccCodes: [],
      });
      await writeCentreDocuments(
        server().database,
        'items',
        [item(gauze, 'Gauze', 2.5), item(saline, 'Saline', 0.8)],
        'test',
      );
      const shelf = uniqueId('LOC');
      await writeCentreDocuments(
        server().database,
        'locations',
        [{ ...SAMPLE_DOCUMENTS.locations, id: shelf, facilityId: facility }],
        'test',
      );
      const par: ParLevel = {
        id: uniqueId('PAR'),
        facilityId: facility,
        locationId: shelf,
        itemId: saline,
        method: 'par',
        par: 60,
        leadTimeDays: 7,
      };
      await writeCentreDocuments(server().database, 'par_levels', [par], 'test');
      let seq = 0;
      const event = (overrides: Partial<StockEvent>) =>
        stockEvent(device, {
          id: uniqueId('EVT'),
          deviceSeq: (seq += 1),
          locationId: shelf,
          ...overrides,
        });
      const out = { toLocationId: 'DEPT-ICU' };
      const events = [
        event({
          type: 'receive',
          itemId: gauze,
          lotCode: 'G1',
          expiry: ahead(300),
          quantity: 10,
          occurredAt: ago(10),
        }),
        event({
          type: 'issue',
          itemId: gauze,
          lotCode: 'G1',
          expiry: ahead(300),
          quantity: 10,
          occurredAt: ago(2),
          ...out,
        }),
        event({
          type: 'receive',
          itemId: saline,
          lotCode: 'S1',
          expiry: ahead(25),
          quantity: 40,
          occurredAt: ago(12),
        }),
        event({
          type: 'issue',
          itemId: saline,
          lotCode: 'S1',
          expiry: ahead(25),
          quantity: 36,
          occurredAt: ago(3),
          ...out,
        }),
      ];
      const pushed = await call(
        server(),
        'POST',
        '/v1/replication/stock_events/push',
        device.token,
        events.map((e) => ({ newDocumentState: e })),
      );
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
      expect(pushed.body).toEqual([]);

      const key = await createApiKey(server(), ['indicators:read']);
      const answer = await call(server(), 'GET', `/v1/erp/indicators?facility=${facility}`, key);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const [figures] = (answer.body as { facilities: FacilitySummary[] }).facilities;
      const cost = new Map([
        [gauze, 2.5],
        [saline, 0.8],
      ]);
      const direct = stockNowFromEvents(
        events,
        [par],
        (id) => cost.get(id),
        new Date().toISOString(),
      );
      expect(figures).toMatchObject({
        stockoutsNow: direct.stockoutsNow,
        atRiskNow: direct.atRiskNow,
        expiringUnits30: direct.expiring[0]?.units,
        expiringValue30: direct.expiring[0]?.value,
        expiringValue90: direct.expiring[2]?.value,
      });
      expect(figures).toMatchObject({ stockoutsNow: 1, atRiskNow: 1, expiringUnits30: 4 });
      expect(figures?.expiringValue30).toBeCloseTo(3.2);

      const analyst = await signedInPerson(server(), 'analyst');
      const path = `/v1/admin/indicators/stock?facility=${facility}`;
      const records = await analyst.request('GET', path);
      expect(records.status, JSON.stringify(records.body)).toBe(200);
      expect(records.body).toMatchObject({
        facilityId: facility,
        stockouts: [{ itemId: gauze, itemName: 'Gauze', locationId: shelf }],
        risks: [{ itemId: saline, itemName: 'Saline', available: 4, leadTimeDays: 7 }],
        expiring: [{ itemId: saline, lotCode: 'S1', onHand: 4, daysLeft: 25 }],
      });
      const unknown = await analyst.request(
        'GET',
        '/v1/admin/indicators/stock?facility=FAC-NOWHERE',
      );
      expect([unknown.status, (unknown.body as { code: string }).code]).toEqual([
        404,
        'FACILITY_UNKNOWN',
      ]);
      expect((await call(server(), 'GET', path, key)).status).toBe(401);
    });
  },
);
