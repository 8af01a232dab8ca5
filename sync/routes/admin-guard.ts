import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { SyncContext } from '../context';
import { refuseAllAdmins } from '../auth/admin-auth';
import { ErrorBody } from './collection-param';

/**
 * Admin routes check the caller in `onRequest`, before the body is read: an anonymous caller learns
 * nothing about what the body should hold.
 */
export function adminOnly(context: SyncContext) {
  const authenticate = context.adminAuth ?? refuseAllAdmins;
  return async (request: FastifyRequest) => {
    request.actor = await authenticate(request);
  };
}

export const ADMIN_ERRORS = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody };
export const ADMIN_SECURITY = [{ bearer: [] }];
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });
