import { loadAverage } from '../lib/machine';
import type { FigureResult } from '../lib/report';
import { roundFigure, summarise } from '../lib/stats';
import type { EndpointMemory } from './endpoint-ingest';
import type { RendererMemory } from './start-up';

/**
 * Figure 9 is read during figures 5 and 3, not run on its own: the endpoint's resident memory
 * while it ingested, and the renderer's JavaScript heap once the app had started and signed in.
 */
export function memoryFigures(
  endpoint: EndpointMemory[],
  renderer: RendererMemory,
): FigureResult[] {
  const load = { start: loadAverage(), end: loadAverage() };
  const endpointResult: FigureResult = {
    id: '9a',
    title: 'Memory: endpoint peak RSS during figure 5',
    target: 'reported (no target)',
    verdict: endpoint.length > 0 ? 'no-target' : 'not-measured',
    headline:
      endpoint
        .map(
          (m) =>
            `${m.backend}: peak ${roundFigure(m.peakDuringPushMiB)} MiB (idle ${roundFigure(m.idleMiB)} MiB)`,
        )
        .join('; ') || 'not measured: figure 5 did not run',
    measurements: endpoint.flatMap((m) => [
      { label: `${m.backend}: RSS idle after start`, unit: 'MiB', value: roundFigure(m.idleMiB) },
      {
        label: `${m.backend}: RSS peak during pushes`,
        unit: 'MiB',
        value: roundFigure(m.peakDuringPushMiB),
        judgedOn: 'value' as const,
      },
      {
        label: `${m.backend}: VmHWM (whole life)`,
        unit: 'MiB',
        value: roundFigure(m.highWaterMiB),
      },
    ]),
    limits:
      "The endpoint runs as a child process, one esbuild bundle under plain Node as `npm run sync` runs it (until 2026-12-05 the bench ran it under tsx, whose loader and compile cache added about 80 MiB); RSS sampled from /proc/<pid>/status every 25 ms during the push rounds. With PGlite the database lives inside this process; with PostgreSQL it does not. What the PGlite difference is for: PGlite's WASM linear memory starts at 128 MiB (its INITIAL_MEMORY), grows as the database needs and never shrinks, and the 9 MB pglite.wasm is compiled to machine code in the process besides. Of the linear memory, the buffer pool is PGLITE_SHARED_BUFFERS_MB (32 MiB by default; on 2026-12-05, two paired runs of figure 5 with PostgreSQL's own 128 MiB held 95–118 MiB more idle and 127–194 MiB more at peak, and ingested 11–23 % more events/s; PGLITE_SHARED_BUFFERS_MB=128 takes that trade back), and the WASM heap never shrinks; a fresh data folder's first start peaks near 800 MiB while initdb runs, whatever the pool.",
    notes: [],
    load,
    durationMs: 0,
  };
  const used = summarise(renderer.usedHeapMiB);
  const rendererResult: FigureResult = {
    id: '9b',
    title: 'Memory: renderer heap after start-up (figure 3)',
    target: 'reported (no target)',
    verdict: renderer.usedHeapMiB.length > 0 ? 'no-target' : 'not-measured',
    headline:
      renderer.usedHeapMiB.length > 0
        ? `${roundFigure(used.p50)} MiB JavaScript heap in use after start-up and sign-in (median of ${used.n})`
        : 'not measured: figure 3 did not run',
    measurements:
      renderer.usedHeapMiB.length > 0
        ? [
            { label: 'JS heap used, after GC', unit: 'MiB', stats: used, judgedOn: 'p50' },
            { label: 'JS heap total', unit: 'MiB', stats: summarise(renderer.totalHeapMiB) },
          ]
        : [],
    limits:
      "The page's main-thread V8 heap (Runtime.getHeapUsage after HeapProfiler.collectGarbage) one second after sign-in; IndexedDB's own memory and the decode worker are outside it.",
    notes: [],
    load,
    durationMs: 0,
  };
  return [endpointResult, rendererResult];
}
