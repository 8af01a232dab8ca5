import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely, type Transaction } from 'kysely';
import { actorLabel } from '../auth/actor';
import type { Database } from '../db/schema';
import { HttpError } from './errors';

/**
 * Idempotency-Key (IETF httpapi draft "The Idempotency-Key HTTP Header Field") for every POST,
 * PUT and PATCH of the ERP API and the admin API:
 * - the first request with a key claims it (a committed row, state running) before the handler;
 * - the same key and the same request (method, path, body) again answers the stored status and
 *   body, with `Idempotent-Replayed: true`, and does nothing;
 * - the same key with another request: 422; while the first is still running: 409;
 * - keys belong to the caller (the API key, console user or admin credential) and are kept
 *   `KEY_LIFETIME_HOURS`; a 5xx answer releases the key so the retry runs again.
 * A route that writes in a transaction stores its answer with `storeIdempotentAnswer` inside that
 * transaction, so the write and its answer commit together; for the others the answer is stored as
 * it is sent.
 */
export const KEY_LIFETIME_HOURS = 48;
/** A claim this old whose answer never came (the process died) may be taken over. */
const ABANDONED_AFTER_MINUTES = 10;
const METHODS = new Set(['POST', 'PUT', 'PATCH']);
const PREFIXES = ['/v1/erp/', '/v1/admin/'];
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface Claim {
  scope: string;
  key: string;
  stored: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim?: Claim;
  }
}

/** The header's value: an sf-string per the draft ("…"), or the bare token many clients send. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const raw = (Array.isArray(header) ? header.join(',') : header).trim();
  const key = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!KEY_PATTERN.test(key)) {
    throw new HttpError(
      400,
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces (a UUID is ideal).',
    );
  }
  return key;
}

/** What makes two requests "the same": method, path with query, and the body in canonical form. */
export function fingerprintOf(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${canonicalJson(body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function applies(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return (
    METHODS.has(request.method) &&
    route !== undefined &&
    PREFIXES.some((prefix) => route.startsWith(prefix))
  );
}

/** preHandler: after authentication and body validation, before the handler. */
export function idempotencyPreHandler(db: Kysely<Database>) {
  return async (
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> => {
    if (!applies(request)) return;
    const key = idempotencyKeyOf(request.headers['idempotency-key']);
    if (key === undefined) return;
    const scope = scopeOf(request);
    const fingerprint = fingerprintOf(request.method, request.url, request.body);
    await db
      .deleteFrom('idempotency_keys')
      .where('expires_at', '<', sql<Date>`now()`)
      .execute();
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({
        scope,
        key,
        fingerprint,
        state: 'running',
        expires_at: sql<Date>`now() + make_interval(hours => ${KEY_LIFETIME_HOURS})`,
      })
      .onConflict((c) => c.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (claimed) {
      request.idempotencyClaim = { scope, key, stored: false };
      return;
    }
    const held = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .select(
        sql<boolean>`created_at < now() - make_interval(mins => ${ABANDONED_AFTER_MINUTES})`.as(
          'abandoned',
        ),
      )
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!held) {
      // Released (a 5xx) between our insert and this read: the caller may simply retry.
      throw new HttpError(409, 'IDEMPOTENCY_KEY_IN_FLIGHT', inFlightMessage(key));
    }
    if (held.fingerprint !== fingerprint) {
      throw new HttpError(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        `Idempotency-Key "${key}" was already used for a different request (another method, path or body). Use a new key for a new request.`,
      );
    }
    if (held.state === 'running') {
      if (held.abandoned && (await takeOver(db, scope, key))) {
        request.idempotencyClaim = { scope, key, stored: false };
        return;
      }
      reply.header('retry-after', '1');
      throw new HttpError(409, 'IDEMPOTENCY_KEY_IN_FLIGHT', inFlightMessage(key));
    }
    request.auditDetail = { ...request.auditDetail, idempotentReplay: key };
    return reply
      .code(held.status_code ?? 200)
      .header('idempotent-replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(held.response_body ?? '');
  };
}

/** Whose key it is: a key id (not its name, which a new key could reuse), or the person. */
function scopeOf(request: FastifyRequest): string {
  const actor = request.actor;
  if (actor?.type === 'api-key') return `api-key:${actor.id}`;
  const label = actorLabel(actor);
  return `${label.type}:${label.id}`;
}

function inFlightMessage(key: string): string {
  return `A request with Idempotency-Key "${key}" is still being processed. Wait for its answer, then retry with the same key to read it.`;
}

async function takeOver(db: Kysely<Database>, scope: string, key: string): Promise<boolean> {
  const taken = await db
    .updateTable('idempotency_keys')
    .set({ created_at: sql<Date>`now()` })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('state', '=', 'running')
    .where(sql<boolean>`created_at < now() - make_interval(mins => ${ABANDONED_AFTER_MINUTES})`)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/**
 * Stores a route's answer in the route's own write transaction: if the write commits, so does the
 * answer a retry will get; if it rolls back, so does the answer (and onSend releases the key).
 */
export async function storeIdempotentAnswer(
  trx: Transaction<Database>,
  request: FastifyRequest,
  statusCode: number,
  body: unknown,
): Promise<void> {
  const claim = request.idempotencyClaim;
  if (!claim) return;
  await completeClaim(trx, claim, statusCode, JSON.stringify(body));
  claim.stored = true;
}

async function completeClaim(
  db: Kysely<Database>,
  claim: Claim,
  statusCode: number,
  body: string,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ state: 'done', status_code: statusCode, response_body: body })
    .where('scope', '=', claim.scope)
    .where('key', '=', claim.key)
    .where('state', '=', 'running')
    .execute();
}

/** onSend: store the answer (or release the key after a 5xx) for routes that did not store it. */
export function idempotencyOnSend(db: Kysely<Database>) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    if (reply.statusCode >= 500) {
      await db
        .deleteFrom('idempotency_keys')
        .where('scope', '=', claim.scope)
        .where('key', '=', claim.key)
        .execute();
      return payload;
    }
    if (claim.stored) {
      // The stored answer was written in the route's transaction: the answer sent must be it.
      return payload;
    }
    const body =
      typeof payload === 'string'
        ? payload
        : Buffer.isBuffer(payload)
          ? payload.toString('utf8')
          : '';
    await completeClaim(db, claim, reply.statusCode, body);
    return payload;
  };
}
