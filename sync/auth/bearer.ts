import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors';

/** The credential of an Authorization header; the scheme is case-insensitive (RFC 9110 §11.1). */
function offeredToken(header: string | undefined): string | undefined {
  return (header ? /^Bearer\s+(\S+)$/i.exec(header) : null)?.[1];
}

export function bearerToken(request: FastifyRequest): string {
  const token = offeredToken(request.headers.authorization);
  if (!token) {
    throw new HttpError(401, 'TOKEN_MISSING', 'Send Authorization: Bearer <token>.');
  }
  return token;
}

/**
 * Whether the caller offers a device token (`dev_…`) rather than an API key: parsed as
 * `bearerToken` parses it, so the first authentication step and the route that admits both kinds
 * of caller always agree on who is calling.
 */
export function offersDeviceToken(request: FastifyRequest): boolean {
  return offeredToken(request.headers.authorization)?.startsWith('dev_') ?? false;
}
