import type { FastifyRequest } from 'fastify';
import { actorLabel } from '../auth/actor';

/** Who asked, from where, and for what: the part of an audit line every request hook writes alike. */
export function requestLine(request: FastifyRequest) {
  const who = actorLabel(request.actor);
  const params = request.params as Record<string, string> | undefined;
  return {
    actorType: who.type,
    actorId: who.id,
    ip: request.ip,
    action: `${request.method} ${request.routeOptions.url ?? request.url}`,
    target: params && Object.keys(params).length > 0 ? JSON.stringify(params) : null,
  };
}
