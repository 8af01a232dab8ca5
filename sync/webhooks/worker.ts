import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { backoffDelay, retryAfterMs, type BackoffPolicy } from './backoff';
import { webhookHeaders } from './sign';

export interface WebhookWorkerOptions extends BackoffPolicy {
  maxAttempts: number;
  timeoutMs: number;
  pollMs: number;
  batchSize: number;
  /** A claimed delivery returns to the queue after this, should its process die mid-send. */
  leaseMs: number;
}

export function webhookOptionsFromEnv(env: NodeJS.ProcessEnv): WebhookWorkerOptions {
  const num = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    baseMs: num('WEBHOOK_BACKOFF_MS', 5_000),
    maxMs: num('WEBHOOK_BACKOFF_MAX_MS', 3_600_000),
    maxAttempts: num('WEBHOOK_MAX_ATTEMPTS', 8),
    timeoutMs: num('WEBHOOK_TIMEOUT_MS', 10_000),
    pollMs: num('WEBHOOK_POLL_MS', 1_000),
    batchSize: 20,
    leaseMs: 60_000,
  };
}

interface Claimed {
  id: number;
  attempts: number;
  outbox_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  created_at: Date;
  endpoint_id: string;
  url: string;
  secret: string;
}

/**
 * Claims due deliveries with SKIP LOCKED so several endpoint processes share the queue without
 * sending one message twice at once; delivery is still at-least-once, which the stable
 * webhook-id lets a receiver deduplicate.
 */
async function claim(db: Kysely<Database>, options: WebhookWorkerOptions): Promise<Claimed[]> {
  const result = await sql<Claimed>`
    with due as (
      select d.id from webhook_deliveries d
      join webhook_endpoints e on e.id = d.endpoint_id
      where d.status in ('pending', 'in-flight') and d.next_attempt_at <= now() and e.disabled_at is null
      order by d.id limit ${options.batchSize}
      for update of d skip locked
    )
    update webhook_deliveries w
    set status = 'in-flight', updated_at = now(),
        next_attempt_at = now() + ${options.leaseMs} * interval '1 millisecond'
    from due, outbox o, webhook_endpoints e
    where w.id = due.id and o.id = w.outbox_id and e.id = w.endpoint_id
    returning w.id, w.attempts, w.outbox_id, o.event_type, o.payload, o.created_at,
              w.endpoint_id, e.url, e.secret`.execute(db);
  return result.rows;
}

const RETRY_AFTER_CEILING_MS = 24 * 60 * 60 * 1000;

async function deliver(
  db: Kysely<Database>,
  options: WebhookWorkerOptions,
  job: Claimed,
): Promise<void> {
  const body = JSON.stringify({
    type: job.event_type,
    timestamp: job.created_at.toISOString(),
    data: job.payload,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  let retryAfter: number | null = null;
  try {
    const response = await fetch(job.url, {
      method: 'POST',
      headers: webhookHeaders(job.secret, job.outbox_id, timestamp, body),
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'manual',
    });
    status = response.status;
    retryAfter = retryAfterMs(response.headers.get('retry-after'), Date.now());
    await response.body?.cancel();
  } catch (cause) {
    error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  }
  const attempts = job.attempts + 1;
  const update = db.updateTable('webhook_deliveries').where('id', '=', job.id);
  if (status !== null && status >= 200 && status < 300) {
    await update
      .set({
        status: 'delivered',
        attempts,
        last_status: status,
        last_error: null,
        updated_at: new Date(),
      })
      .execute();
    return;
  }
  if (status === 410) {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('webhook_endpoints')
        .set({ disabled_at: new Date(), disabled_reason: 'receiver answered 410 Gone' })
        .where('id', '=', job.endpoint_id)
        .execute();
      await trx
        .updateTable('webhook_deliveries')
        .set({ status: 'gone', attempts, last_status: 410, updated_at: new Date() })
        .where('id', '=', job.id)
        .execute();
    });
    return;
  }
  const last = error ?? `receiver answered ${status}`;
  if (attempts >= options.maxAttempts) {
    await update
      .set({
        status: 'dead',
        attempts,
        last_status: status,
        last_error: last,
        updated_at: new Date(),
      })
      .execute();
    return;
  }
  // A receiver's Retry-After is honoured even above our own backoff ceiling (it knows its
  // maintenance window); only an absurd one is cut to a day so the message is not parked forever.
  const delay =
    retryAfter !== null
      ? Math.min(retryAfter, RETRY_AFTER_CEILING_MS)
      : Math.min(backoffDelay(options, attempts, Math.random()), options.maxMs);
  await update
    .set({
      status: 'pending',
      attempts,
      last_status: status,
      last_error: last,
      next_attempt_at: new Date(Date.now() + delay),
      updated_at: new Date(),
    })
    .execute();
}

export interface WebhookWorker {
  /** Runs one claim-and-deliver round now; resolves when its deliveries have settled. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

export function startWebhookWorker(
  db: Kysely<Database>,
  log: FastifyBaseLogger,
  options: WebhookWorkerOptions = webhookOptionsFromEnv(process.env),
): WebhookWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> = Promise.resolve(0);
  const tick = async () => {
    const jobs = await claim(db, options);
    await Promise.all(jobs.map((job) => deliver(db, options, job)));
    return jobs.length;
  };
  const loop = () => {
    running = tick().catch((err: unknown) => {
      log.error({ err }, 'webhook delivery round failed');
      return 0;
    });
    void running.then(() => {
      if (!stopped) timer = setTimeout(loop, options.pollMs);
    });
  };
  loop();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
