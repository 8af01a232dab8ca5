import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { CONSOLE_SESSION_COOKIE, SessionAnswerSchema, SignInBody } from '../../shared/console';
import { recordAudit } from '../audit/record';
import {
  checkSameOrigin,
  requireConsoleSession,
  consoleActorOf,
} from '../auth/console-session-auth';
import { checkConsoleSignIn } from '../console/sign-in';
import { csrfTokenOf, endConsoleSession, startConsoleSession } from '../console/sessions';
import type { SyncApp, SyncContext } from '../context';
import { HttpError } from '../http/errors';
import { ErrorBody } from './collection-param';

const SessionAnswer = SessionAnswerSchema;
const ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 429: ErrorBody };

/**
 * Secure + HttpOnly + SameSite=Strict, path / under the `__Host-` prefix. Browsers keep a Secure
 * cookie only from https, or from this machine (127.0.0.1, localhost), which is how the tests run.
 */
function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string): void {
  reply.setCookie(CONSOLE_SESSION_COOKIE, token, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'strict',
    expires: new Date(expiresAt),
  });
}

function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(CONSOLE_SESSION_COOKIE, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'strict',
  });
}

const REFUSALS = {
  locked: (until: string) =>
    new HttpError(
      429,
      'CONSOLE_ACCOUNT_LOCKED',
      `Too many wrong passwords: this account is locked until ${until}. Wait, or ask a console admin.`,
    ),
  refused: new HttpError(
    401,
    'CONSOLE_SIGN_IN_REFUSED',
    'The username or password is wrong (or the account is disabled). After 5 wrong tries the account locks for 15 minutes.',
  ),
};

export function consoleSessionRoutes(app: SyncApp, context: SyncContext): void {
  const db = context.database.db;
  app.post(
    '/v1/console/sign-in',
    {
      // A sign-in form posted from another site would sign the victim in as the attacker.
      onRequest: async (request: FastifyRequest) => checkSameOrigin(request),
      schema: {
        tags: ['console'],
        summary:
          'Sign a person in to the console: sets the session cookie and answers the CSRF token (every attempt is audited; 5 wrong passwords lock the account for 15 minutes)',
        security: [],
        body: SignInBody,
        response: { 200: SessionAnswer, ...ERRORS },
      },
    },
    async (request, reply) => {
      const outcome = await checkConsoleSignIn(db, request.body);
      // Written here rather than by the write hook: the person is named even when refused.
      request.auditRecorded = true;
      await recordAudit(db, {
        actorType: 'console-user',
        actorId: outcome.ok ? outcome.user.username : outcome.username,
        ip: request.ip,
        action: 'console sign-in',
        target: null,
        outcome: outcome.ok ? 'accepted' : 'refused',
        status: outcome.ok ? 200 : outcome.reason === 'locked' ? 429 : 401,
        detail: outcome.ok
          ? { role: outcome.user.role }
          : {
              reason: outcome.reason,
              ...(outcome.failedCount ? { failedCount: outcome.failedCount } : {}),
              ...(outcome.lockedUntil ? { lockedUntil: outcome.lockedUntil } : {}),
            },
      });
      if (!outcome.ok) {
        throw outcome.reason === 'locked' && outcome.lockedUntil
          ? REFUSALS.locked(outcome.lockedUntil)
          : REFUSALS.refused;
      }
      const { token, expiresAt } = await startConsoleSession(db, {
        username: outcome.user.username,
        ip: request.ip,
      });
      setSessionCookie(reply, token, expiresAt);
      return { user: outcome.user, csrfToken: csrfTokenOf(token), expiresAt };
    },
  );
  app.get(
    '/v1/console/session',
    {
      schema: {
        tags: ['console'],
        summary: 'Who is signed in with this cookie, and the CSRF token for writes',
        security: [{ consoleSession: [] }],
        response: { 200: SessionAnswer, ...ERRORS },
      },
    },
    async (request) => {
      const { token, session } = await requireConsoleSession(db, request);
      const actor = consoleActorOf(session);
      return {
        user: { username: actor.id, displayName: actor.name, role: actor.role },
        csrfToken: csrfTokenOf(token),
        expiresAt: session.expiresAt,
      };
    },
  );
  app.post(
    '/v1/console/sign-out',
    {
      onRequest: async (request: FastifyRequest) => {
        const { session } = await requireConsoleSession(db, request);
        request.actor = consoleActorOf(session);
      },
      schema: {
        tags: ['console'],
        summary: 'End this console session (needs the CSRF header)',
        security: [{ consoleSession: [] }],
        response: { 200: Type.Object({ signedOut: Type.Boolean() }), ...ERRORS },
      },
    },
    async (request, reply) => {
      const token = request.cookies[CONSOLE_SESSION_COOKIE];
      if (token) await endConsoleSession(db, token);
      clearSessionCookie(reply);
      return { signedOut: true };
    },
  );
}
