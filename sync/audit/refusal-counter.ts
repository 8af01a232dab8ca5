import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit } from './record';

const MINUTE_MS = 60_000;
/** Distinct sources kept per minute; a flood from more addresses is counted under one line. */
const MAX_SOURCES_PER_MINUTE = 10_000;
const OVERFLOW_SOURCE = 'other addresses';

interface Bucket {
  count: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  routes: Record<string, number>;
}

function bump(tally: Record<string, number>, key: string): void {
  tally[key] = (tally[key] ?? 0) + 1;
}

/**
 * Anonymous refusals (failed authentication, and rate-limited callers who never authenticated)
 * are counted per source address and minute, and written as one audit line per source and minute
 * with the count, once the minute is over: a caller hammering the endpoint cannot grow the
 * append-only audit table by a row a request. Counts live in memory until written, so each
 * endpoint process writes its own line, and at most the current minute is lost in a crash.
 */
export class RefusalCounter {
  private readonly minutes = new Map<number, Map<string, Bucket>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onError: (err: unknown) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  count(source: string, status: number, code: string | undefined, route: string): void {
    const minute = Math.floor(this.clock() / MINUTE_MS) * MINUTE_MS;
    let sources = this.minutes.get(minute);
    if (!sources) this.minutes.set(minute, (sources = new Map()));
    const key =
      sources.has(source) || sources.size < MAX_SOURCES_PER_MINUTE ? source : OVERFLOW_SOURCE;
    let bucket = sources.get(key);
    if (!bucket) sources.set(key, (bucket = { count: 0, statuses: {}, codes: {}, routes: {} }));
    bucket.count += 1;
    bump(bucket.statuses, String(status));
    bump(bucket.codes, code ?? 'NONE');
    bump(bucket.routes, route);
  }

  /** Writes every finished minute (all of them with `everything`, at shutdown). */
  async flush(everything = false): Promise<number> {
    const current = Math.floor(this.clock() / MINUTE_MS) * MINUTE_MS;
    let written = 0;
    for (const [minute, sources] of [...this.minutes]) {
      if (!everything && minute >= current) continue;
      this.minutes.delete(minute);
      for (const [source, bucket] of sources) {
        await recordAudit(this.db, {
          actorType: 'anonymous',
          actorId: '-',
          ip: source === OVERFLOW_SOURCE ? null : source,
          action: 'authentication refused',
          target: null,
          outcome: 'refused',
          status: null,
          detail: {
            minute: new Date(minute).toISOString(),
            count: bucket.count,
            source,
            statuses: bucket.statuses,
            codes: bucket.codes,
            routes: bucket.routes,
          },
        });
        written += 1;
      }
    }
    return written;
  }

  start(intervalMs = 10_000): void {
    this.timer = setInterval(() => void this.flush().catch(this.onError), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush(true);
  }
}

/** A refusal of a caller that never proved who it is: 401, or 429 before authenticating. */
export function isAnonymousRefusal(request: FastifyRequest, status: number): boolean {
  return request.actor === null && (status === 401 || status === 429);
}

/** The `onResponse` hook that feeds the counter. */
export function countAnonymousRefusals(counter: RefusalCounter) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isAnonymousRefusal(request, reply.statusCode)) return;
    const code = request.auditDetail?.['error'];
    counter.count(
      request.ip,
      reply.statusCode,
      typeof code === 'string' ? code : undefined,
      `${request.method} ${request.routeOptions.url ?? 'unknown route'}`,
    );
  };
}
