import {
  ExceptionActBody,
  ExceptionItemSchema,
  ExceptionListSchema,
  ExceptionQuery,
  type ConsoleRole,
  type ExceptionAct,
} from '../../shared/console';
import { actOnException, listExceptions } from '../console/exceptions';
import type { SyncApp, SyncContext } from '../context';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';

/** The exceptions queue: read by every console role, worked by admins and buyers (shared/console). */
export function adminExceptionRoutes(app: SyncApp, context: SyncContext): void {
  const db = context.database.db;
  const base = { tags: ['admin'], security: ADMIN_SECURITY };
  app.get(
    '/v1/admin/exceptions',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        ...base,
        summary:
          'Everything that needs a person (integrity alarms, refused pushes, sequence gaps, recalled lots issued, escalated requests, dead letters, quiet PCs), filtered by kind, facility, state and age band, with counts per band',
        querystring: ExceptionQuery,
        response: { 200: ExceptionListSchema, ...ADMIN_ERRORS },
      },
    },
    async (request) => listExceptions(db, request.query, new Date()),
  );
  const acts: [ExceptionAct, string, string][] = [
    ['take', 'take', 'Take ownership of an exception (or take it over from its owner)'],
    ['resolve', 'resolve', 'Resolve an exception you own, with a comment saying how'],
  ];
  for (const [act, path, summary] of acts) {
    app.post(
      `/v1/admin/exceptions/${path}`,
      {
        onRequest: adminOnly(context, 'exceptions.work'),
        schema: {
          ...base,
          summary: `${summary} (admin, buyer)`,
          body: ExceptionActBody,
          response: { 200: ExceptionItemSchema, ...ADMIN_ERRORS },
        },
      },
      async (request) => {
        const actor = request.actor;
        const role: ConsoleRole = actor?.type === 'console-user' ? actor.role : 'admin';
        const item = await actOnException(
          db,
          {
            id: request.body.id,
            act,
            actor: actor?.id ?? 'admin',
            actorName: actor?.type === 'console-user' ? actor.name : 'Administrator',
            role,
            comment: request.body.comment,
            outcome: request.body.outcome,
          },
          new Date(),
        );
        request.auditDetail = {
          exceptionId: item.id,
          kind: item.kind,
          facilityId: item.facilityId,
          state: item.state,
          ...(request.body.comment ? { comment: request.body.comment } : {}),
          ...(request.body.outcome ? { outcome: request.body.outcome } : {}),
        };
        return item;
      },
    );
  }
}
