import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashSecret } from '../auth/secrets';
import type { SyncApp } from '../context';
import { HttpError } from './errors';

/** Requests allowed per minute; counted in this process's memory (README: several processes). */
export interface RateLimits {
  /** Every request from one source address (RATE_LIMIT_PER_ADDRESS). */
  perAddress: number;
  /** Every request carrying one credential: device token, API key or admin token (RATE_LIMIT_PER_CREDENTIAL). */
  perCredential: number;
  /** Enrolment attempts from one source address (RATE_LIMIT_ENROL_PER_ADDRESS): codes are guessed there. */
  enrolPerAddress: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perAddress: 6000,
  perCredential: 3000,
  enrolPerAddress: 60,
};

const WINDOW_MS = 60_000;
const ENROL_ROUTE = '/v1/devices/enroll';
/** A load balancer's probes come often from one address and must never be refused. */
const PROBES = new Set(['/healthz', '/readyz']);

function credentialOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  return header ? hashSecret(header) : null;
}

/**
 * Registers @fastify/rate-limit and answers the `onRequest` hook that applies all three limits,
 * before authentication and before the body is read: a caller over a limit gets 429 with
 * Retry-After (seconds until its window ends), whoever it claims to be.
 */
export async function rateLimitHook(
  app: SyncApp,
  limits: RateLimits,
): Promise<(request: FastifyRequest, reply: FastifyReply) => Promise<void>> {
  await app.register(rateLimit, { global: false });
  const byAddress = app.createRateLimit({
    max: limits.perAddress,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `address:${request.ip}`,
  });
  const byCredential = app.createRateLimit({
    max: limits.perCredential,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `credential:${credentialOf(request) ?? '-'}`,
    // No credential: the address limit is the only one (else all anonymous callers share one).
    allowList: (request) => credentialOf(request) === null,
  });
  const enrolByAddress = app.createRateLimit({
    max: limits.enrolPerAddress,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `enrol:${request.ip}`,
  });
  return async (request, reply) => {
    const route = request.routeOptions.url;
    if (request.method === 'OPTIONS' || !route || PROBES.has(route)) return;
    const limiters = [byAddress, byCredential];
    if (route === ENROL_ROUTE) limiters.push(enrolByAddress);
    for (const limiter of limiters) {
      const outcome = await limiter(request);
      if (outcome.isAllowed || !outcome.isExceeded) continue;
      reply.header('retry-after', String(outcome.ttlInSeconds));
      throw new HttpError(
        429,
        'RATE_LIMITED',
        `Too many requests (at most ${outcome.max} a minute); try again in ${outcome.ttlInSeconds} s.`,
      );
    }
  };
}
