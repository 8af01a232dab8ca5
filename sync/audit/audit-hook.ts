import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { actorLabel } from '../auth/actor';
import type { Database } from '../db/schema';
import { recordAudit } from './record';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every write, accepted or refused, gets its audit line before the answer leaves, so a caller that
 * has its answer can already find the line.
 */
export function auditWrites(db: Kysely<Database>) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!WRITES.has(request.method)) return payload;
    const who = actorLabel(request.actor);
    const status = reply.statusCode;
    const params = request.params as Record<string, string> | undefined;
    await recordAudit(db, {
      actorType: who.type,
      actorId: who.id,
      ip: request.ip,
      action: `${request.method} ${request.routeOptions.url ?? request.url}`,
      target: params && Object.keys(params).length > 0 ? JSON.stringify(params) : null,
      outcome: status < 400 ? 'accepted' : status < 500 ? 'refused' : 'failed',
      status,
      detail: request.auditDetail,
    }).catch((err: unknown) => request.log.error({ err }, 'audit line not written'));
    return payload;
  };
}
