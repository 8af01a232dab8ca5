import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { chromiumPathNow } from '../../browser/this-machine';
import type { LoadAverage, MachineInfo } from './report';

export function loadAverage(): LoadAverage {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return [round2(one), round2(five), round2(fifteen)];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function chromiumVersion(): string {
  const chromium = chromiumPathNow();
  if (chromium === undefined) return 'not installed';
  try {
    // Debian's wrapper script prints a shell warning on stderr; the version is on stdout.
    const out = execFileSync(chromium, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 20_000,
    });
    return out.trim() || 'unknown';
  } catch {
    return 'not installed';
  }
}

/** Read when the run starts, so the JSON says which machine the figures came from. */
export function machineInfo(): MachineInfo {
  const cpuList = cpus();
  return {
    cores: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGiB: round2(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion(),
  };
}
