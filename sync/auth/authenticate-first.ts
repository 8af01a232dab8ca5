import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SyncContext } from '../context';
import { findApiKey } from './api-key-auth';
import { bearerToken, offersDeviceToken } from './bearer';
import { findDevice } from './device-auth';
import {
  RENEWED_TOKEN_EXPIRES_HEADER,
  RENEWED_TOKEN_HEADER,
  renewIfDue,
} from './device-token-renewal';
import { enrollmentCodeInvalid, enrollmentCodeRefusal } from './enrollment';

const ENROL_ROUTE = '/v1/devices/enroll';
const SYNC_HEALTH_ROUTE = '/v1/facilities/:id/sync-health';

/**
 * The `onRequest` hook that authenticates replication, ERP, sync-health and enrolment calls before
 * the body is read: an anonymous caller gets 401 and learns nothing of what a body should hold.
 * Handlers find `request.actor` set (their own authenticate calls then only check scopes). The
 * admin API does the same in admin-guard.ts.
 *
 * A device whose token is due for renewal gets a fresh one in the `x-device-token` header of this
 * response (set on the raw response, so the live stream carries it too).
 */
export function authenticateFirst(context: SyncContext) {
  const db = context.database.db;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const route = request.routeOptions.url;
    if (!route || request.method === 'OPTIONS') return;
    if (route === ENROL_ROUTE) {
      // The one-time code is the credential, so it travels as one: Authorization: Bearer enr_….
      const why = await enrollmentCodeRefusal(db, bearerToken(request));
      if (why) throw enrollmentCodeInvalid(why);
      return;
    }
    const device =
      route.startsWith('/v1/replication/') ||
      (route === SYNC_HEALTH_ROUTE && offersDeviceToken(request));
    if (device) {
      const found = await findDevice(db, request);
      request.actor = found.actor;
      const renewed = await renewIfDue(db, context.deviceTokens, found);
      if (renewed) {
        reply.raw.setHeader(RENEWED_TOKEN_HEADER, renewed.token);
        reply.raw.setHeader(RENEWED_TOKEN_EXPIRES_HEADER, renewed.expiresAt.toISOString());
        reply.raw.setHeader('cache-control', 'no-store');
        request.auditDetail = { ...request.auditDetail, tokenRenewed: true };
      }
      return;
    }
    if (route.startsWith('/v1/erp/') || route === SYNC_HEALTH_ROUTE) {
      await findApiKey(db, request);
    }
  };
}
