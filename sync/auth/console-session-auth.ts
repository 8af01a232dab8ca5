import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { CONSOLE_CSRF_HEADER, CONSOLE_SESSION_COOKIE } from '../../shared/console';
import { csrfTokenOf, findConsoleSession, type ConsoleSession } from '../console/sessions';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import type { AdminAuthenticator, ConsoleActor } from './admin-auth';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser's write must come from the endpoint's own pages. Browsers send Origin on every
 * cross-origin request and on same-origin POSTs; Sec-Fetch-Site where Origin is absent. A
 * client that sends neither (not a browser) still needs the CSRF token.
 */
export function checkSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  const own = `${request.protocol}://${request.host}`;
  const site = request.headers['sec-fetch-site'];
  const foreign =
    (origin !== undefined && origin !== own) ||
    (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none');
  if (foreign) {
    throw new HttpError(
      403,
      'CROSS_SITE_REFUSED',
      'This request came from another site; use the console at this endpoint’s own address.',
    );
  }
}

function sameToken(offered: string | string[] | undefined, expected: string): boolean {
  if (typeof offered !== 'string') return false;
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sessionCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[CONSOLE_SESSION_COOKIE];
  return value ? value : undefined;
}

/** The session behind the cookie, or 401 saying to sign in again. */
export async function requireConsoleSession(
  db: Kysely<Database>,
  request: FastifyRequest,
): Promise<{ token: string; session: ConsoleSession }> {
  const token = sessionCookie(request);
  const session = token ? await findConsoleSession(db, token) : null;
  if (!token || !session) {
    throw new HttpError(
      401,
      'CONSOLE_SIGN_IN_REQUIRED',
      'Your console session has ended or was never started: sign in again.',
    );
  }
  if (!SAFE_METHODS.has(request.method)) {
    checkSameOrigin(request);
    if (!sameToken(request.headers[CONSOLE_CSRF_HEADER], csrfTokenOf(token))) {
      throw new HttpError(
        403,
        'CSRF_TOKEN_INVALID',
        `A console write needs the ${CONSOLE_CSRF_HEADER} header the session answered; reload the console.`,
      );
    }
  }
  return { token, session };
}

export function consoleActorOf(session: ConsoleSession): ConsoleActor {
  return {
    type: 'console-user',
    id: session.username,
    name: session.displayName,
    role: session.role,
  };
}

/**
 * The console's sessions in front of the admin credential: a request with an Authorization
 * header is the credential's (commands, scripts), one with the console cookie is a person's.
 */
export function consoleSessionAuthenticator(
  db: Kysely<Database>,
  credential: AdminAuthenticator,
): AdminAuthenticator {
  return async (request) => {
    if (request.headers.authorization || !sessionCookie(request)) return credential(request);
    const { session } = await requireConsoleSession(db, request);
    return consoleActorOf(session);
  };
}
