export interface BackoffPolicy {
  /** First retry after about this long. */
  baseMs: number;
  /** Never wait longer than this between tries of a request that can succeed on its own. */
  maxMs: number;
  /** Between tries of a request a person must fix (a revoked PC, a refused document). */
  personMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, personMs: 300_000 };

/** A number in [0, 1): `Math.random` will not do for the chaos harness, which must replay. */
export type Random = () => number;

export function cryptoRandom(): number {
  const [value] = globalThis.crypto.getRandomValues(new Uint32Array(1));
  return (value ?? 0) / 2 ** 32;
}

/**
 * Exponential backoff with "equal jitter": half the step fixed, half random, so a hundred PCs that
 * lost the network together do not come back in one wave, yet none retries at once.
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: Random): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (step / 2) * random());
}

/**
 * Waits that end early when told to: `wake()` is called when the network comes back or a live
 * stream reconnects, so nothing sits out a long backoff once the centre can be reached.
 */
export class Sleeper {
  private waiting = new Set<() => void>();

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.waiting.add(done);
    });
  }

  wake(): void {
    for (const done of [...this.waiting]) done();
  }
}
