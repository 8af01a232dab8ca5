import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { notifyConsole } from '../store/notify';
import { backoffDelay, retryAfterMs, type BackoffPolicy } from './backoff';
import { failureOfError, failureOfStatus, type FailureClass } from './failure-class';
import { sealStoredSecrets } from './seal-stored';
import { openSecret, SecretUnreadable } from './secret-box';
import { sendWebhook } from './send';
import type { WebhookSettings } from './settings';
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
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
}

/**
 * Claims due deliveries with SKIP LOCKED so several endpoint processes share the queue without
 * sending one message twice at once; delivery is still at-least-once, which the stable
 * webhook-id lets a receiver deduplicate. Paused endpoints' deliveries wait; an endpoint's
 * deliveries are claimed only by a process holding the key its secret is sealed under.
 */
async function claim(
  db: Kysely<Database>,
  options: WebhookWorkerOptions,
  keyIds: readonly string[],
): Promise<Claimed[]> {
  const result = await sql<Claimed>`
    with due as (
      select d.id from webhook_deliveries d
      join webhook_endpoints e on e.id = d.endpoint_id
      where d.status in ('pending', 'in-flight') and d.next_attempt_at <= now()
        and e.disabled_at is null and e.paused_at is null
        and e.secret_sealed is not null and e.secret_key_id = any(${sql.val(keyIds)}::text[])
      order by d.id limit ${options.batchSize}
      for update of d skip locked
    )
    update webhook_deliveries w
    set status = 'in-flight', updated_at = now(),
        next_attempt_at = now() + ${options.leaseMs} * interval '1 millisecond'
    from due, outbox o, webhook_endpoints e
    where w.id = due.id and o.id = w.outbox_id and e.id = w.endpoint_id
    returning w.id, w.attempts, w.outbox_id, o.event_type, o.payload, o.created_at,
              w.endpoint_id, e.url, e.secret_sealed, e.previous_secret_sealed,
              e.previous_secret_expires_at`.execute(db);
  return result.rows;
}

const RETRY_AFTER_CEILING_MS = 24 * 60 * 60 * 1000;

/** The secrets that sign this delivery: the current one, and the previous during its overlap. */
function signingSecrets(settings: WebhookSettings, job: Claimed): string[] {
  const secrets = [openSecret(settings.keyring, job.secret_sealed, job.endpoint_id)];
  if (
    job.previous_secret_sealed &&
    job.previous_secret_expires_at &&
    job.previous_secret_expires_at.getTime() > Date.now()
  ) {
    try {
      secrets.push(openSecret(settings.keyring, job.previous_secret_sealed, job.endpoint_id));
    } catch (error) {
      if (!(error instanceof SecretUnreadable)) throw error;
    }
  }
  return secrets;
}

async function deliver(
  db: Kysely<Database>,
  settings: WebhookSettings,
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
  let failure: FailureClass | null = null;
  let retryAfter: number | null = null;
  try {
    const response = await sendWebhook(
      job.url,
      webhookHeaders(signingSecrets(settings, job), job.outbox_id, timestamp, body),
      body,
      { policy: settings.destinations, timeoutMs: options.timeoutMs, ca: settings.ca },
    );
    status = response.status;
    retryAfter = retryAfterMs(response.retryAfter, Date.now());
  } catch (cause) {
    failure = cause instanceof SecretUnreadable ? 'secret_unreadable' : failureOfError(cause);
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
  const last = failure ?? failureOfStatus(status ?? 0);
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
    // A dead letter is an exception: consoles reload at once.
    await notifyConsole(db);
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

/**
 * Delivers queued webhooks until stopped. It first seals any secret still stored in plain text
 * (endpoints registered before migration 005) under the settings' key.
 */
export function startWebhookWorker(
  db: Kysely<Database>,
  log: FastifyBaseLogger,
  settings: WebhookSettings,
  options: WebhookWorkerOptions = webhookOptionsFromEnv(process.env),
): WebhookWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> = Promise.resolve(0);
  const keyIds = [...settings.keyring.keys.keys()];
  const sealed = sealStoredSecrets(db, settings.keyring).then(
    (count) => {
      if (count > 0) log.info({ count }, 'webhook secrets sealed under the current key');
    },
    (err: unknown) => log.error({ err }, 'webhook secrets could not be sealed'),
  );
  const tick = async () => {
    await sealed;
    const jobs = await claim(db, options, keyIds);
    await Promise.all(jobs.map((job) => deliver(db, settings, options, job)));
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
