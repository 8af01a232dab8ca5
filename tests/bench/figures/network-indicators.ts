import { sql } from 'kysely';
import { isoDateFromDays, parseIsoDate } from '../../../shared/inventory/calendar';
import type { StockEvent } from '../../../shared/model';
import { currentConditions } from '../../../sync/console/exception-sources';
import { networkIndicators } from '../../../sync/console/network-indicators';
import { openDatabase, type SyncDatabase } from '../../../sync/db/connect';
import { migrateToLatest } from '../../../sync/migrations';
import { catchUpCentreBalances } from '../../../sync/store/centre-balances';
import { upsertDocuments } from '../../../sync/store/upsert-documents';
import { sequencedWrite } from '../../../sync/store/sequenced';
import { supplyRequest } from '../../integration/sync-helpers/documents';
import {
  benchSchema,
  dropSchema,
  pgliteDataDir,
  POSTGRES_URL,
  postgresVersion,
} from '../lib/databases';
import { measureFigure, settle, type FigureContext } from '../lib/figure';
import type { FigureResult } from '../lib/report';
import { roundFigure, roundSummary, summarise } from '../lib/stats';

const SIZES = {
  full: { facilities: 100, events: 1_000_000, items: 300, requestsPerFacility: 20, runs: 10 },
  smoke: { facilities: 4, events: 4_000, items: 20, requestsPerFacility: 2, runs: 2 },
};
const BATCH = 2_000;
const LAST_DAY = parseIsoDate('2026-11-30')!;
const DAYS = 365;
const PERIOD = { from: isoDateFromDays(LAST_DAY - 29), to: isoDateFromDays(LAST_DAY) };
const YEAR = { from: isoDateFromDays(LAST_DAY - DAYS + 1), to: isoDateFromDays(LAST_DAY) };

/** A small deterministic generator: the same network on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

/**
 * A year of a network's stock events, spread over facilities, items and days: mostly issues and
 * receipts, with counts (some outside tolerance) and waste to expiry, as the indicators read them.
 */
function* networkEvents(size: (typeof SIZES)['full']): Generator<StockEvent> {
  const next = random(12);
  for (let n = 0; n < size.events; n += 1) {
    const facility = n % size.facilities;
    const item = Math.floor(next() * size.items);
    const day = LAST_DAY - Math.floor(next() * DAYS);
    const kind = next();
    const expected = 10 + Math.floor(next() * 90);
    const base = {
      id: `EVT-B12-${n}`,
      facilityId: `FAC-B12-${facility}`,
      deviceId: `DEV-B12-${facility}`,
      deviceSeq: n + 1,
      actorId: 'USR-TECH',
      itemId: `ITM-B12-${item}`,
      locationId: `LOC-B12-${facility}`,
      lotCode: `L${item}`,
      expiry: '2027-12-31',
      occurredAt: `${isoDateFromDays(day)}T${String(Math.floor(next() * 24)).padStart(2, '0')}:00:00Z`,
    };
    if (kind < 0.05) {
      const counted = expected + (next() < 0.8 ? 0 : Math.floor(next() * 20) - 10);
      yield {
        ...base,
        type: 'count',
        quantity: counted,
        countedQuantity: counted,
        expectedQuantity: expected,
      } as StockEvent;
    } else if (kind < 0.06) {
      yield {
        ...base,
        type: 'waste',
        reason: 'expired',
        quantity: 1 + Math.floor(next() * 5),
      } as StockEvent;
    } else if (kind < 0.2) {
      yield { ...base, type: 'receive', quantity: 20 } as StockEvent;
    } else {
      yield { ...base, type: 'issue', quantity: 1 + Math.floor(next() * 3) } as StockEvent;
    }
  }
}

async function seed(
  database: SyncDatabase,
  size: (typeof SIZES)['full'],
  log: (m: string) => void,
) {
  const { db } = database;
  await db
    .insertInto('facilities')
    .values(
      Array.from({ length: size.facilities }, (_, f) => ({
        id: `FAC-B12-${f}`,
        name: `Facility ${f}`,
      })),
    )
    .execute();
  const items = Array.from({ length: size.items }, (_, i) => ({
    collection: 'items' as const,
    body: { id: `ITM-B12-${i}`, name: `Item ${i}`, unitCost: 1 + (i % 40) },
    deleted: false,
    writtenBy: 'bench',
  }));
  const requests = Array.from({ length: size.facilities * size.requestsPerFacility }, (_, r) => ({
    collection: 'supply_requests' as const,
    body: {
      ...supplyRequest(`FAC-B12-${r % size.facilities}`, { status: 'submitted' }),
      id: `REQ-B12-${r}`,
    } as unknown as Record<string, unknown>,
    deleted: false,
    writtenBy: 'bench',
  }));
  await sequencedWrite(db, (trx) => upsertDocuments(trx, [...items, ...requests]));
  // Through the write path, so the totals are kept as a push keeps them.
  let batch: StockEvent[] = [];
  let written = 0;
  const flush = async () => {
    const writes = batch.map((event) => ({
      collection: 'stock_events' as const,
      body: event as unknown as Record<string, unknown>,
      deleted: false,
      writtenBy: 'bench',
    }));
    await sequencedWrite(db, (trx) => upsertDocuments(trx, writes));
    written += batch.length;
    batch = [];
    if (written % 100_000 === 0) log(`figure 12: ${written} events written`);
  };
  for (const event of networkEvents(size)) {
    batch.push(event);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  await sql`analyze`.execute(db);
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const samples: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const began = performance.now();
    await work();
    samples.push(performance.now() - began);
  }
  return samples;
}

/**
 * Figure 12: the network's indicators over 100 facilities and a million stock events, answered
 * from the totals the write path keeps (issue 16), beside a bare scan of the period's events,
 * which any computation per view would have to make at the least.
 */
export function networkIndicatorsFigure(ctx: FigureContext): Promise<FigureResult> {
  return measureFigure(
    {
      id: '12',
      title: 'Network indicators: 100 facilities, 1,000,000 events',
      target: '≤ 500 ms (median) on PostgreSQL',
    },
    async () => {
      const size = SIZES[ctx.mode];
      const version = await postgresVersion();
      if (!version && ctx.mode === 'full')
        throw new Error(`no PostgreSQL server answers at ${POSTGRES_URL}`);
      const schema = version ? benchSchema('indicators') : undefined;
      const dir = version ? undefined : await pgliteDataDir();
      const database = await openDatabase(
        dir ? { dataDir: dir.dataDir } : { databaseUrl: POSTGRES_URL, schema },
      );
      try {
        await migrateToLatest(database.db);
        ctx.log(`figure 12: writing ${size.events} events over ${size.facilities} facilities`);
        const began = performance.now();
        await seed(database, size, ctx.log);
        const seedSeconds = (performance.now() - began) / 1000;
        await settle();
        const now = new Date(`${PERIOD.to}T23:00:00Z`);
        // The balances projection runs beside the write path: a new endpoint on an old database
        // catches up once, in steps, then every minute and before each read.
        const projecting = performance.now();
        await catchUpCentreBalances(database.db, now);
        const projectionSeconds = (performance.now() - projecting) / 1000;
        ctx.log(`figure 12: balances projection caught up in ${roundFigure(projectionSeconds)} s`);
        let facilities = 0;
        const month = summarise(
          await timed(size.runs, async () => {
            facilities = (await networkIndicators(database.db, PERIOD, now)).length;
          }),
        );
        const year = summarise(
          await timed(size.runs, () => networkIndicators(database.db, YEAR, now)),
        );
        const bare = summarise(
          await timed(size.runs, () =>
            sql`select count(*) from documents where collection = 'stock_events'
                and doc->>'occurredAt' >= ${PERIOD.from}`.execute(database.db),
          ),
        );
        // The console's exception queue lists every facility's usage flags (from kept usage).
        const queue = summarise(await timed(size.runs, () => currentConditions(database.db, now)));
        const { rows } = await sql<{
          n: string;
        }>`select count(*) as n from event_day_totals`.execute(database.db);
        const { rows: lots } = await sql<{
          n: string;
        }>`select count(*) as n from centre_balances`.execute(database.db);
        const met = month.p50 <= 500;
        return {
          verdict: ctx.mode === 'smoke' ? 'no-target' : met ? 'met' : 'missed',
          headline: `${facilities} facilities over 30 days in ${roundFigure(month.p50)} ms median (a year: ${roundFigure(year.p50)} ms) from ${rows[0]?.n} kept totals; a bare scan of the month's events alone takes ${roundFigure(bare.p50)} ms (${version ? `PostgreSQL ${version}` : 'PGlite'})`,
          measurements: [
            {
              label: 'network indicators, 30 days, every facility',
              unit: 'ms',
              stats: roundSummary(month),
              judgedOn: 'p50',
            },
            { label: 'network indicators, 365 days', unit: 'ms', stats: roundSummary(year) },
            {
              label: "bare: count the month's events (one scan)",
              unit: 'ms',
              stats: roundSummary(bare),
            },
            {
              label: "console exception queue, every facility's conditions and usage flags",
              unit: 'ms',
              stats: roundSummary(queue),
            },
            { label: 'events written through the write path', unit: 'events', value: size.events },
            {
              label: 'writing them (seed, with totals kept)',
              unit: 's',
              value: roundFigure(seedSeconds),
            },
            {
              label: `balances projection catching up on all of them (${lots[0]?.n} lot balances)`,
              unit: 's',
              value: roundFigure(projectionSeconds),
            },
            {
              label: 'balances projection catch-up rate',
              unit: 'events/s',
              value: Math.round(size.events / projectionSeconds),
            },
          ],
          limits:
            "The count and waste figures read the kept totals (one row per facility, day and item with counts or waste), the stock figures (stockouts, stockout risk and expiring value, now) the balances projection (one row per facility, lot and location) after bringing it up to date, the exception queue's usage flags the kept usage (one row per facility, day, place, item and person); requests and recall cases are read whole and grouped, so they grow with those collections, not with events.",
          notes: [
            'Events are generated: 5 % counts (a fifth outside tolerance), 1 % waste to expiry, 14 % receipts, the rest issues, uniform over a year and 300 items.',
          ],
        };
      } finally {
        await database.close();
        if (schema) await dropSchema(schema);
        dir?.remove();
      }
    },
  );
}
