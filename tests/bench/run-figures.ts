import { networkIndicatorsFigure } from './figures/network-indicators';
import { seededProfile, type SeededProfile } from './browser/seeded-profile';
import { barcodeParsingFigure } from './figures/barcode-parsing';
import { cameraDecodingFigure } from './figures/camera-decoding';
import { cameraSymbologiesFigure } from './figures/camera-symbologies';
import { catchUpFigure } from './figures/catch-up';
import { dashboardFigure } from './figures/dashboard';
import { endpointIngestFigures, type EndpointMemory } from './figures/endpoint-ingest';
import { FAN_OUT_AT_SCALE, fanOutFigure } from './figures/fan-out';
import { indicatorsFigure } from './figures/indicators';
import { memoryFigures } from './figures/memory';
import { replenishmentRecallFigures } from './figures/replenishment-recall';
import { scanToCommitFigure } from './figures/scan-to-commit';
import { startUpFigure, type RendererMemory } from './figures/start-up';
import { postgresVersion } from './lib/databases';
import { measureFigure, type BenchMode, type FigureContext } from './lib/figure';
import { loadAverage, machineInfo } from './lib/machine';
import type { BenchReport, FigureResult } from './lib/report';

export interface BenchOptions {
  mode: BenchMode;
  /** Figure numbers to run ('1' … '9'); all when absent. */
  only?: ReadonlySet<string>;
  log?: (message: string) => void;
  command?: string;
}

const BROWSER_EVENTS = { full: 200_000, smoke: 500 };
/** Figure 3b: ten times the store (issue 18), on a profile of its own. */
const LARGE_BROWSER_EVENTS = { full: 1_000_000, smoke: 1_000 };

/**
 * Runs the figures one after another (never two at once: each would be the other's noise) and
 * answers the report. Node figures first, then the browser ones on one seeded profile.
 */
async function largeStartUpFigure(
  ctx: FigureContext,
  events: number,
  port: number,
): Promise<FigureResult> {
  let profile: SeededProfile | undefined;
  try {
    ctx.log(`browser: seeding ${events} events into a second profile`);
    profile = await seededProfile(events, port);
    return await startUpFigure(ctx, profile, undefined, { id: '3b', targetMs: 1_000 });
  } catch (error) {
    return measureFigure(
      { id: '3b', title: 'Start-up to usable, large store', target: '≤ 1 s (median)' },
      () => Promise.reject(error),
    );
  } finally {
    await profile?.close();
  }
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const ctx: FigureContext = { mode: options.mode, log };
  const wanted = (id: string) => !options.only || options.only.has(id);
  const startedAt = new Date().toISOString();
  const start = loadAverage();
  const machine = machineInfo();
  const postgres = await postgresVersion();
  if (postgres) machine.postgres = postgres;
  const figures: FigureResult[] = [];
  const endpointMemory: EndpointMemory[] = [];
  const rendererMemory: RendererMemory = { usedHeapMiB: [], totalHeapMiB: [] };
  const port = 47_000 + (process.pid % 1_000);

  if (wanted('1')) figures.push(await barcodeParsingFigure(ctx));
  if (wanted('4')) figures.push(...(await replenishmentRecallFigures(ctx)));
  if (wanted('5') || wanted('9'))
    figures.push(...(await endpointIngestFigures(ctx, endpointMemory)));
  if (wanted('6')) figures.push(await catchUpFigure(ctx));
  if (wanted('7')) figures.push(await fanOutFigure(ctx));
  // The smoke variant, like the sync suites, uses PostgreSQL only when DATABASE_URL names one.
  if (wanted('7b') && (options.mode === 'full' || process.env['DATABASE_URL']))
    figures.push(await fanOutFigure(ctx, FAN_OUT_AT_SCALE));
  if (wanted('2') || wanted('3') || wanted('9') || wanted('13')) {
    let profile: SeededProfile | undefined;
    let failure: FigureResult | undefined;
    try {
      log(`browser: seeding ${BROWSER_EVENTS[options.mode]} events into the app's store`);
      profile = await seededProfile(BROWSER_EVENTS[options.mode], port);
    } catch (error) {
      failure = await measureFigure({ id: '2', title: 'Browser store', target: '' }, () =>
        Promise.reject(error),
      );
    }
    if (profile) {
      try {
        if (wanted('3') || wanted('9'))
          figures.push(await startUpFigure(ctx, profile, rendererMemory));
        if (wanted('2')) figures.push(await scanToCommitFigure(ctx, profile));
        if (wanted('13')) figures.push(await dashboardFigure(ctx, profile));
      } finally {
        await profile.close();
      }
    } else if (failure) {
      for (const id of ['2', '3', '13'].filter(wanted))
        figures.push({ ...failure, id, title: `Figure ${id}` });
    }
  }
  if (wanted('3b'))
    figures.push(await largeStartUpFigure(ctx, LARGE_BROWSER_EVENTS[options.mode], port + 2));
  if (wanted('8')) figures.push(await cameraDecodingFigure(ctx, port + 1));
  if (wanted('10')) figures.push(await cameraSymbologiesFigure(ctx));
  if (wanted('11')) figures.push(await indicatorsFigure(ctx));
  if (wanted('12')) figures.push(await networkIndicatorsFigure(ctx));
  // Figure 9 is read while 5 and 3 run: whichever of them ran gives its half.
  const [endpointPart, rendererPart] = memoryFigures(endpointMemory, rendererMemory);
  if (endpointMemory.length > 0) figures.push(endpointPart!);
  if (rendererMemory.usedHeapMiB.length > 0) figures.push(rendererPart!);

  figures.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  return {
    command: options.command ?? 'npm run bench',
    mode: options.mode,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    load: { start, end: loadAverage() },
    figures,
  };
}
