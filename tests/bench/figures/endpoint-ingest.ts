import type { StockEvent } from '../../../shared/model';
import { defaultLedgerShape, stockLedger } from '../inputs/stock-ledger';
import { enrollDevice, pushEvents, type BenchDevice } from '../endpoint/device-client';
import { startEndpointChild, type EndpointChild } from '../endpoint/endpoint-child';
import type { EndpointOptions } from '../endpoint/protocol';
import {
  benchSchema,
  dropSchema,
  pgliteDataDir,
  POSTGRES_URL,
  postgresVersion,
} from '../lib/databases';
import { measureFigure, type FigureContext } from '../lib/figure';
import type { FigureResult, Measurement } from '../lib/report';
import { residentMiB, rssSampler } from '../lib/rss';
import { roundFigure, summarise } from '../lib/stats';

const CLIENTS = 8;
const BATCH = 100;
const SIZES = {
  full: { rounds: 10, batchesPerClient: 10 },
  smoke: { rounds: 1, batchesPerClient: 1 },
};

/** Peak RSS of the endpoint process during the push rounds; figure 9 reads it from here. */
export interface EndpointMemory {
  backend: string;
  idleMiB: number;
  peakDuringPushMiB: number;
  highWaterMiB: number;
}

interface Round {
  pushRate: number;
  bareRate: number;
}

function batchesOf(events: StockEvent[]): StockEvent[][] {
  const batches: StockEvent[][] = [];
  for (let i = 0; i < events.length; i += BATCH) batches.push(events.slice(i, i + BATCH));
  return batches;
}

async function ingest(
  backend: 'pglite' | 'postgres',
  size: (typeof SIZES)['full'],
  latencies: number[],
  memory: EndpointMemory[],
  processes: 1 | 2 = 1,
): Promise<Round[]> {
  const facilityId = 'FAC-BENCH';
  const dir = backend === 'pglite' ? await pgliteDataDir() : undefined;
  const schema = backend === 'postgres' ? benchSchema('ingest') : undefined;
  // With two endpoint processes on one PostgreSQL, each serves half the clients (the second joins
  // the database the first has migrated and set up, and enrols its half).
  const optionsOf = (joins: boolean): EndpointOptions => ({
    backend,
    facilityId,
    enrollmentCodes: CLIENTS / processes,
    ...(joins ? { joins } : {}),
    ...(dir ? { dataDir: dir.dataDir } : { databaseUrl: POSTGRES_URL, schema }),
  });
  const children: EndpointChild[] = [];
  try {
    // One after the other: the first migrates the schema.
    for (let k = 0; k < processes; k++) children.push(await startEndpointChild(optionsOf(k > 0)));
    const endpoint = children[0]!;
    const devices: { device: BenchDevice; url: string }[] = [];
    for (const child of children) {
      for (const code of child.codes) {
        devices.push({ device: await enrollDevice(child.url, code), url: child.url });
      }
    }
    // Per client: one warm-up batch, then its batches for every round.
    const perClient = devices.map(({ device }, i) =>
      batchesOf([
        ...stockLedger(
          defaultLedgerShape((1 + size.rounds * size.batchesPerClient) * BATCH, {
            facilityId,
            deviceIds: [device.deviceId],
            seed: 100 + i,
          }),
        ),
      ]),
    );
    // A warm-up batch per client (JIT, connections, PGlite's first plans); the smoke run skips it.
    if (size.rounds > 1) {
      await Promise.all(devices.map((d, i) => pushEvents(d.url, d.device, perClient[i]![0]!)));
    }
    const idle = residentMiB(endpoint.pid);
    const sampler = rssSampler(endpoint.pid);
    const rounds: Round[] = [];
    for (let r = 0; r < size.rounds; r++) {
      const slice = (i: number) =>
        perClient[i]!.slice(1 + r * size.batchesPerClient, 1 + (r + 1) * size.batchesPerClient);
      const events = devices.length * size.batchesPerClient * BATCH;
      const push = async () => {
        sampler.start();
        const began = performance.now();
        await Promise.all(
          devices.map(async ({ device, url }, i) => {
            for (const batch of slice(i)) {
              const sent = performance.now();
              await pushEvents(url, device, batch);
              latencies.push(performance.now() - sent);
            }
          }),
        );
        const ms = performance.now() - began;
        sampler.pause();
        return events / (ms / 1000);
      };
      // Batches interleaved across clients, as the pushes arrive.
      const bareBatches = devices.flatMap((_, i) => slice(i).map((b, k) => ({ b, k })));
      bareBatches.sort((a, b) => a.k - b.k);
      const bare = async () =>
        events /
        ((await endpoint.bareInsert(
          bareBatches.map((x) => x.b),
          CLIENTS,
        )) /
          1000);
      // Alternate which side goes first, so a burst of neighbours' load does not favour one.
      if (r % 2 === 0) rounds.push({ pushRate: await push(), bareRate: await bare() });
      else {
        const bareRate = await bare();
        rounds.push({ pushRate: await push(), bareRate });
      }
    }
    sampler.stop();
    const end = residentMiB(endpoint.pid);
    if (processes === 1)
      memory.push({
        backend,
        idleMiB: idle?.rss ?? NaN,
        peakDuringPushMiB: sampler.maxMiB,
        highWaterMiB: end?.peak ?? NaN,
      });
    return rounds;
  } finally {
    for (const child of children) await child.stop();
    dir?.remove();
    if (schema) await dropSchema(schema);
  }
}

export async function endpointIngestFigures(
  ctx: FigureContext,
  memory: EndpointMemory[],
): Promise<FigureResult[]> {
  const size = SIZES[ctx.mode];
  const results: FigureResult[] = [];
  // The smoke variant, like the sync suites, uses PostgreSQL only when DATABASE_URL names one;
  // the full run also tries the local server at the default address and says if none answered.
  const backends =
    ctx.mode === 'smoke' && !process.env['DATABASE_URL']
      ? (['pglite'] as const)
      : (['pglite', 'postgres'] as const);
  for (const backend of backends) {
    const label = backend === 'pglite' ? 'PGlite' : 'PostgreSQL';
    results.push(
      await measureFigure(
        {
          id: backend === 'pglite' ? '5a' : '5b',
          title: `Endpoint ingest on ${label}, ${CLIENTS} clients × batches of ${BATCH}`,
          target: '≥ 10,000 events/s and ≥ ⅓ of the bare INSERT rate (medians)',
        },
        async () => {
          const version = backend === 'postgres' ? await postgresVersion() : 'PGlite 0.5.16';
          if (!version) throw new Error(`no PostgreSQL server answers at ${POSTGRES_URL}`);
          ctx.log(`figure 5: ${label}`);
          const latencies: number[] = [];
          const rounds = await ingest(backend, size, latencies, memory);
          // Issue 18: the same clients split over two endpoint processes on one PostgreSQL.
          const twoProcesses =
            backend === 'postgres'
              ? summarise((await ingest(backend, size, [], memory, 2)).map((r) => r.pushRate))
              : undefined;
          const push = summarise(rounds.map((r) => r.pushRate));
          const bare = summarise(rounds.map((r) => r.bareRate));
          const share = summarise(rounds.map((r) => r.pushRate / r.bareRate));
          const met = push.p50 >= 10_000 && share.p50 >= 1 / 3;
          const mem = memory.find((m) => m.backend === backend);
          const measurements: Measurement[] = [
            { label: 'push endpoint (HTTP)', unit: 'events/s', stats: push, judgedOn: 'p50' },
            { label: 'bare multi-row INSERT, same rows', unit: 'rows/s', stats: bare },
            { label: 'push ÷ bare INSERT, per round', unit: '×', stats: share, judgedOn: 'p50' },
            ...(twoProcesses
              ? [
                  {
                    label: 'push endpoint, 2 endpoint processes (HTTP)',
                    unit: 'events/s',
                    stats: twoProcesses,
                  },
                ]
              : []),
            { label: 'push request latency (100 events)', unit: 'ms', stats: summarise(latencies) },
            {
              label: 'endpoint RSS, peak during pushes',
              unit: 'MiB',
              value: roundFigure(mem?.peakDuringPushMiB ?? NaN),
            },
          ];
          return {
            verdict: met ? 'met' : 'missed',
            headline: `${roundFigure(push.p50)} events/s through the push endpoint vs ${roundFigure(bare.p50)} rows/s bare INSERT (${roundFigure(share.p50 * 100)} %), ${label} ${version}`,
            measurements,
            limits:
              "Writers run in parallel: a push's transaction is four round trips after BEGIN (one statement that takes the batch's per-document locks, draws a low seq and locks it — readers serve only below the lowest low still in flight, sync/store/sequenced.ts —; one that reads the batch's stored documents FOR UPDATE with the users and places they name, sync/store/push-reads.ts; one that draws the seqs, upserts the documents and writes the change notice, outbox messages, deliveries and the push's audit line; and the commit); only the device lookup runs outside it. Pushes of the same documents still wait for each other. The bare INSERT runs 8 writers without any lock; client, endpoint(s) and database share the 2 cores." +
              (backend === 'pglite'
                ? ' PGlite is single-threaded WASM inside the endpoint process.'
                : ''),
            notes: [
              `${rounds.length} rounds of ${CLIENTS} clients × ${size.batchesPerClient} batches × ${BATCH} events; the endpoint runs as a child process (bundled, as npm run sync runs it; info-level log to /dev/null) and its RSS is read from /proc every 25 ms.`,
            ],
          };
        },
      ),
    );
  }
  return results;
}
