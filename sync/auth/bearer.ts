import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors';

export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) {
    throw new HttpError(401, 'TOKEN_MISSING', 'Send Authorization: Bearer <token>.');
  }
  return match[1];
}
