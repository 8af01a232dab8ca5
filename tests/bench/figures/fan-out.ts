import type { StockEvent } from '../../../shared/model';
import { defaultLedgerShape, FACILITY, stockLedger } from '../inputs/stock-ledger';
import { enrollDevice, pushEvents, type BenchDevice } from '../endpoint/device-client';
import { startEndpointChild, type EndpointChild } from '../endpoint/endpoint-child';
import { benchSchema, dropSchema, pgliteDataDir, POSTGRES_URL } from '../lib/databases';
import { measureFigure, type FigureContext } from '../lib/figure';
import { createPrng } from '../lib/prng';
import type { FigureResult } from '../lib/report';
import { residentMiB } from '../lib/rss';
import { roundFigure, summarise } from '../lib/stats';
import { lightClient, type LightClient } from '../sync/light-stream-client';
import { openPcDatabase, replicate } from '../sync/pc-replica';

const PCS_PER_FACILITY = 4;

/**
 * Figure 7: 200 streams on one PGlite endpoint. Figure 7b (issue 18): ten times the streams, spread
 * over two endpoint processes on one PostgreSQL, with the pushing PC on one process and the PC that
 * receives on the other, so every arrival crosses processes through PostgreSQL's NOTIFY.
 */
export interface FanOutVariant {
  id: '7' | '7b';
  backend: 'pglite' | 'postgres';
  processes: 1 | 2;
  facilities: { full: number; smoke: number };
  targetP99Ms: number;
}

export const FAN_OUT: FanOutVariant = {
  id: '7',
  backend: 'pglite',
  processes: 1,
  facilities: { full: 50, smoke: 2 },
  targetP99Ms: 500,
};

export const FAN_OUT_AT_SCALE: FanOutVariant = {
  id: '7b',
  backend: 'postgres',
  processes: 2,
  facilities: { full: 500, smoke: 3 },
  targetP99Ms: 250,
};

const SAMPLES = { full: 150, smoke: 4 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function eventsFor(device: BenchDevice, count: number, seed: number): StockEvent[] {
  return [
    ...stockLedger(
      defaultLedgerShape(count, {
        facilityId: device.facilityId,
        deviceIds: [device.deviceId],
        seed,
      }),
    ),
  ];
}

export function fanOutFigure(
  ctx: FigureContext,
  variant: FanOutVariant = FAN_OUT,
): Promise<FigureResult> {
  const size = { facilities: variant.facilities[ctx.mode], samples: SAMPLES[ctx.mode] };
  const streams = size.facilities * PCS_PER_FACILITY;
  const where =
    variant.processes === 1
      ? 'one PGlite endpoint'
      : `${variant.processes} endpoint processes on one PostgreSQL`;
  return measureFigure(
    {
      id: variant.id,
      title: `Fan-out: ${streams} live streams on ${where}, push on one PC → arrival on another`,
      target: `p99 ≤ ${variant.targetP99Ms} ms`,
    },
    async () => {
      const dir = variant.backend === 'pglite' ? await pgliteDataDir() : undefined;
      const schema = variant.backend === 'postgres' ? benchSchema('fanout') : undefined;
      const endpoints: EndpointChild[] = [];
      const lights: LightClient[] = [];
      try {
        // One after the other: the first migrates the database, the others join it.
        for (let k = 0; k < variant.processes; k++) {
          endpoints.push(
            await startEndpointChild({
              backend: variant.backend,
              ...(dir ? { dataDir: dir.dataDir } : { databaseUrl: POSTGRES_URL, schema }),
              facilityId: FACILITY,
              enrollmentCodes: k === 0 ? PCS_PER_FACILITY : 0,
              ...(k > 0 ? { joins: true } : {}),
            }),
          );
        }
        const first = endpoints[0]!;
        const urlOf = (n: number) => endpoints[n % endpoints.length]!.url;
        const facilities: BenchDevice[][] = [];
        for (let f = 0; f < size.facilities; f++) {
          const codes =
            f === 0 ? first.codes : await first.enrollmentCodes(`FAC-${f}`, PCS_PER_FACILITY);
          facilities.push(await Promise.all(codes.map((code) => enrollDevice(first.url, code))));
        }
        const idle = endpoints.map((e) => residentMiB(e.pid)?.rss ?? NaN);
        // Facility 0: A pushes (first process), B is a full RxDB replica (the arrival) and C's
        // stream shows the notice, both on the last process.
        const [a, b, c] = facilities[0]!;
        const pushUrl = urlOf(0);
        const arrivalUrl = urlOf(endpoints.length - 1);
        const db = await openPcDatabase(['stock_events']);
        const replica = replicate(db, arrivalUrl, b!, ['stock_events']);
        const watcher = lightClient(arrivalUrl, c!.token);
        lights.push(watcher);
        const streamsOn = endpoints.map(() => 0);
        streamsOn[endpoints.length - 1]! += 2;
        facilities.flat().forEach((device, n) => {
          if (device === b || device === c) return;
          lights.push(lightClient(urlOf(n), device.token));
          streamsOn[n % endpoints.length]! += 1;
        });
        await Promise.all(lights.map((l) => l.opened));
        await replica.inSync();
        ctx.log(`figure ${variant.id}: ${lights.length + 1} live streams open`);
        const open = endpoints.map((e) => residentMiB(e.pid)?.rss ?? NaN);

        const arrivals = new Map<string, (at: number) => void>();
        const subscription = db.collections['stock_events']!.$.subscribe((change) => {
          arrivals.get(change.documentId)?.(performance.now());
        });
        // Background: other facilities keep pushing, so their streams and pulls load the endpoint.
        const prng = createPrng(77);
        const others = facilities.slice(1).flat();
        let backgroundOn = others.length > 0;
        let backgroundPushes = 0;
        const ledgers = new Map<string, Generator<StockEvent>>();
        const nextEvents = (device: BenchDevice, count: number) => {
          let ledger = ledgers.get(device.deviceId);
          if (!ledger) {
            const shape = { facilityId: device.facilityId, deviceIds: [device.deviceId], seed: 5 };
            ledger = stockLedger(defaultLedgerShape(1_000_000, shape));
            ledgers.set(device.deviceId, ledger);
          }
          return Array.from({ length: count }, () => ledger.next().value as StockEvent);
        };
        const background = (async () => {
          while (backgroundOn) {
            const device = prng.pick(others);
            await pushEvents(urlOf(backgroundPushes), device, nextEvents(device, 5));
            backgroundPushes++;
            await sleep(prng.int(100, 300));
          }
        })();

        const ownEvents = eventsFor(a!, size.samples + 5, 71);
        const arrival: number[] = [];
        const notice: number[] = [];
        const pushMs: number[] = [];
        for (let i = 0; i < size.samples; i++) {
          const event = ownEvents[i]!;
          const arrived = new Promise<number>((resolve) => arrivals.set(event.id, resolve));
          const noticed = watcher.nextResync();
          const sent = performance.now();
          await pushEvents(pushUrl, a!, [event]);
          pushMs.push(performance.now() - sent);
          notice.push((await noticed) - sent);
          arrival.push((await arrived) - sent);
          arrivals.delete(event.id);
          await sleep(prng.int(20, 120));
        }
        backgroundOn = false;
        await background;
        subscription.unsubscribe();
        await replica.close();
        const latency = summarise(arrival);
        const peaks = endpoints.map((e) => residentMiB(e.pid)?.peak ?? NaN);
        const perThousand = endpoints.map(
          (_, k) => ((open[k]! - idle[k]!) / streamsOn[k]!) * 1_000,
        );
        const memory = endpoints
          .map(
            (_, k) =>
              `process ${k + 1}: ${streamsOn[k]} streams, RSS ${roundFigure(idle[k]!)} MiB before they opened, ${roundFigure(open[k]!)} MiB with them open (${roundFigure(perThousand[k]!)} MiB per 1,000 streams), peak ${roundFigure(peaks[k]!)} MiB`,
          )
          .join('; ');
        return {
          verdict: latency.p99 <= variant.targetP99Ms ? 'met' : 'missed',
          headline: `push → arrival on another PC p99 ${roundFigure(latency.p99)} ms (p50 ${roundFigure(latency.p50)} ms) with ${lights.length + 1} streams open on ${where}; the stream's notice alone p99 ${roundFigure(summarise(notice).p99)} ms`,
          measurements: [
            {
              label: "push → document in the other PC's RxDB",
              unit: 'ms',
              stats: latency,
              judgedOn: 'p99',
            },
            {
              label: 'push → RESYNC on a same-facility stream',
              unit: 'ms',
              stats: summarise(notice),
            },
            { label: 'push request alone (1 event)', unit: 'ms', stats: summarise(pushMs) },
            ...endpoints.map((_, k) => ({
              label: `endpoint process ${k + 1}: resident memory per 1,000 open streams`,
              unit: 'MiB',
              value: perThousand[k]!,
            })),
            ...endpoints.map((_, k) => ({
              label: `endpoint process ${k + 1}: peak resident memory`,
              unit: 'MiB',
              value: peaks[k]!,
            })),
          ],
          limits:
            variant.processes === 1
              ? "Arrival = push transaction + NOTIFY + the stream's 25 ms coalescing + a pull round trip + RxDB's write; on PGlite a push's transaction holds the one connection, so background pushes from other facilities queue with ours. PGlite endpoint on the same 2 cores as the 200 clients."
              : "Arrival = push transaction on one process + PostgreSQL's NOTIFY to the other process + the stream's 25 ms coalescing + a pull round trip + RxDB's write. Both endpoint processes, PostgreSQL, the 2,000 stream clients and the background pushers share the same 2 cores; the stream clients live in the bench's one Node process.",
          notes: [
            `${size.facilities} facilities × ${PCS_PER_FACILITY} PCs; one PC is a full RxDB replica, the others are streams that pull on every RESYNC; background pushes of 5 events from another facility every 100–300 ms (${backgroundPushes} during the run).`,
            `Memory, read from /proc: ${memory}. Peak is the kernel's high-water mark for the whole process life (migration and enrolment included).`,
          ],
        };
      } finally {
        for (const l of lights) l.close();
        for (const endpoint of endpoints) await endpoint.stop();
        dir?.remove();
        if (schema) await dropSchema(schema);
      }
    },
  );
}
