import type { StockEvent } from '../../../shared/model';
import { defaultLedgerShape, FACILITY, stockLedger } from '../inputs/stock-ledger';
import { enrollDevice, pushEvents, type BenchDevice } from '../endpoint/device-client';
import { startEndpointChild, type EndpointChild } from '../endpoint/endpoint-child';
import { pgliteDataDir } from '../lib/databases';
import { measureFigure, type FigureContext } from '../lib/figure';
import { createPrng } from '../lib/prng';
import type { FigureResult } from '../lib/report';
import { roundFigure, summarise } from '../lib/stats';
import { lightClient, type LightClient } from '../sync/light-stream-client';
import { openPcDatabase, replicate } from '../sync/pc-replica';

const PCS_PER_FACILITY = 4;
const SIZES = {
  full: { facilities: 50, samples: 150 },
  smoke: { facilities: 2, samples: 4 },
};

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

export function fanOutFigure(ctx: FigureContext): Promise<FigureResult> {
  const size = SIZES[ctx.mode];
  const streams = size.facilities * PCS_PER_FACILITY;
  return measureFigure(
    {
      id: '7',
      title: `Fan-out: ${streams} live streams, push on one PC → arrival on another`,
      target: 'p99 ≤ 500 ms',
    },
    async () => {
      const dir = await pgliteDataDir();
      let endpoint: EndpointChild | undefined;
      const lights: LightClient[] = [];
      try {
        endpoint = await startEndpointChild({
          backend: 'pglite',
          dataDir: dir.dataDir,
          facilityId: FACILITY,
          enrollmentCodes: PCS_PER_FACILITY,
        });
        const url = endpoint.url;
        const facilities: BenchDevice[][] = [];
        for (let f = 0; f < size.facilities; f++) {
          const codes =
            f === 0 ? endpoint.codes : await endpoint.enrollmentCodes(`FAC-${f}`, PCS_PER_FACILITY);
          facilities.push(await Promise.all(codes.map((code) => enrollDevice(url, code))));
        }
        // Facility 0: A pushes, B is a full RxDB replica (the arrival), C's stream shows the notice.
        const [a, b, c] = facilities[0]!;
        const db = await openPcDatabase(['stock_events']);
        const replica = replicate(db, url, b!, ['stock_events']);
        for (const device of facilities.flat()) {
          if (device !== b) lights.push(lightClient(url, device.token));
        }
        const watcher = lights[1]!; // C: the order of `lights` follows facilities[0] without B
        if (facilities[0]![2] !== c) throw new Error('facility 0 order');
        await Promise.all(lights.map((l) => l.opened));
        await replica.inSync();
        ctx.log(`figure 7: ${lights.length + 1} live streams open`);

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
            await pushEvents(url, device, nextEvents(device, 5));
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
          await pushEvents(url, a!, [event]);
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
        return {
          verdict: latency.p99 <= 500 ? 'met' : 'missed',
          headline: `push → arrival on another PC p99 ${roundFigure(latency.p99)} ms (p50 ${roundFigure(latency.p50)} ms) with ${lights.length + 1} streams open; the stream's notice alone p99 ${roundFigure(summarise(notice).p99)} ms`,
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
          ],
          limits:
            "Arrival = push transaction + NOTIFY + the stream's 25 ms coalescing + a pull round trip + RxDB's write; on PGlite a push's transaction holds the one connection, so background pushes from other facilities queue with ours. PGlite endpoint on the same 2 cores as the 200 clients.",
          notes: [
            `${size.facilities} facilities × ${PCS_PER_FACILITY} PCs; one PC is a full RxDB replica, the others are streams that pull on every RESYNC; background pushes of 5 events from another facility every 100–300 ms (${backgroundPushes} during the run).`,
          ],
        };
      } finally {
        for (const l of lights) l.close();
        await endpoint?.stop();
        dir.remove();
      }
    },
  );
}
