import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { notifyConsole } from '../store/notify';
import { recordAudit } from './record';
import { requestLine } from './request-line';
import { isAnonymousRefusal } from './refusal-counter';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every write, accepted or refused, gets its audit line before the answer leaves, so a caller that
 * has its answer can already find the line.
 */
export function auditWrites(db: Kysely<Database>) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!WRITES.has(request.method) || request.auditRecorded) return payload;
    const status = reply.statusCode;
    // Counted per source and minute instead (refusal-counter.ts): no row a request.
    if (isAnonymousRefusal(request, status)) return payload;
    await recordAudit(db, {
      ...requestLine(request),
      outcome: status < 400 ? 'accepted' : status < 500 ? 'refused' : 'failed',
      status,
      detail: request.auditDetail,
    }).catch((err: unknown) => request.log.error({ err }, 'audit line not written'));
    // Every audited write may change what a console shows: its live stream reloads.
    await notifyConsole(db).catch((err: unknown) =>
      request.log.error({ err }, 'console notice not sent'),
    );
    return payload;
  };
}
