import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit } from './record';
import { requestLine } from './request-line';

/**
 * A route-level onSend hook for reads of personal data: when the handler answered and named what
 * it read (`request.auditDetail.read`), one audit line says who read it, from where, and how much,
 * before the answer leaves. Refused reads are left to the authentication audit.
 */
export function auditPersonalReads(db: Kysely<Database>) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const detail = request.auditDetail;
    if (reply.statusCode >= 400 || !detail || typeof detail['read'] !== 'string') return payload;
    await recordAudit(db, {
      ...requestLine(request),
      outcome: 'accepted',
      status: reply.statusCode,
      detail,
    }).catch((err: unknown) => request.log.error({ err }, 'audit line not written'));
    return payload;
  };
}
