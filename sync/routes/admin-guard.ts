import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { consoleRefusal, type ConsoleAct } from '../../shared/console';
import { SafeName } from '../../shared/model';
import type { SyncContext } from '../context';
import { refuseAllAdmins } from '../auth/admin-auth';
import { HttpError } from '../http/errors';
import { ErrorBody } from './collection-param';

/**
 * Admin routes check the caller in `onRequest`, before the body is read: an anonymous caller learns
 * nothing about what the body should hold. The admin credential may take every act; a console
 * user what their role allows (shared/console), so a buyer or analyst is refused before the body.
 */
export function adminOnly(context: SyncContext, act: ConsoleAct) {
  const authenticate = context.adminAuth ?? refuseAllAdmins;
  return async (request: FastifyRequest) => {
    const actor = await authenticate(request);
    request.actor = actor;
    const refusal = actor.type === 'console-user' ? consoleRefusal(actor.role, act) : undefined;
    if (refusal) throw new HttpError(403, 'ROLE_NOT_PERMITTED', refusal);
  };
}

export const ADMIN_ERRORS = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
};
export const ADMIN_SECURITY: { [scheme: string]: string[] }[] = [
  { bearer: [] },
  { consoleSession: [] },
];
/** The id in an admin path; a NUL or a control character is refused here, before the database. */
export const IdParams = Type.Object({ id: SafeName({ minLength: 1, maxLength: 200 }) });
