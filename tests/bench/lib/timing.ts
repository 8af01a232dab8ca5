/**
 * Wall-clock and CPU time of repeated synchronous work. On a shared machine the wall clock carries
 * the neighbours' load; the process's CPU time (all its threads, GC included) is what the work
 * itself costs, so both are reported and the difference says how much the load took.
 */
export interface RunSamples {
  wallMs: number[];
  cpuMs: number[];
}

export function timeRuns(runs: number, work: () => unknown, warmups = 1): RunSamples {
  for (let i = 0; i < warmups; i++) work();
  const samples: RunSamples = { wallMs: [], cpuMs: [] };
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const began = performance.now();
    work();
    samples.wallMs.push(performance.now() - began);
    const used = process.cpuUsage(cpu);
    samples.cpuMs.push((used.user + used.system) / 1000);
  }
  return samples;
}
