import { readFileSync } from 'node:fs';

/** Resident memory of another process, from /proc (Linux): current and the kernel's high-water mark. */
export function residentMiB(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS every `everyMs` while enabled; `max` is the highest sample seen. */
export function rssSampler(pid: number, everyMs = 25) {
  let max = 0;
  let active = false;
  const timer = setInterval(() => {
    if (!active) return;
    const now = residentMiB(pid);
    if (now && now.rss > max) max = now.rss;
  }, everyMs);
  timer.unref();
  return {
    start: () => (active = true),
    pause: () => (active = false),
    get maxMiB() {
      return max;
    },
    stop: () => clearInterval(timer),
  };
}
