import Type from 'typebox';
import {
  EscalateRequestBody,
  EscalationRefusedSchema,
  HandEscalationSchema,
  type ConsoleRole,
} from '../../shared/console';
import { Id } from '../../shared/model';
import type { Actor } from '../auth/actor';
import type { SyncApp, SyncContext } from '../context';
import { escalateByHand } from '../escalation/hand-escalation';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';
import { consoleUser } from './admin-requests';
import { ErrorBody } from './collection-param';

/** The admin credential (and the command line) may take every act, as an admin. */
function roleOf(actor: Actor | null): ConsoleRole {
  return actor?.type === 'console-user' ? actor.role : 'admin';
}

/**
 * A buyer escalates a supply request to the ERP by hand, with a reason, before its clock gets
 * there: the ERP rung of the escalation ladder, recorded as `console:<user>`, and the
 * `supply_request.escalated` webhook with who and why.
 */
export function adminRequestEscalationRoutes(app: SyncApp, context: SyncContext): void {
  const { database } = context;
  app.post(
    '/v1/admin/requests/:id/escalations',
    {
      onRequest: adminOnly(context, 'exceptions.work'),
      schema: {
        tags: ['admin'],
        security: ADMIN_SECURITY,
        summary:
          'A buyer escalates an open supply request to the ERP by hand, with a reason: records the ERP rung of the clock the request is on and sends supply_request.escalated (manual: true, by, reason), once per clock whoever comes first, the clock or a buyer (Idempotency-Key accepted); recorded as console:<user>',
        params: Type.Object({ id: Id('Supply request identifier') }),
        body: EscalateRequestBody,
        response: {
          201: HandEscalationSchema,
          422: ErrorBody,
          ...ADMIN_ERRORS,
          409: EscalationRefusedSchema,
        },
      },
    },
    async (request, reply) => {
      const by = `console:${consoleUser(request)}`;
      const escalated = await escalateByHand(database.db, request, request.params.id, {
        role: roleOf(request.actor),
        by,
        reason: request.body.reason,
        now: new Date(),
      });
      request.auditDetail = {
        requestId: escalated.requestId,
        clock: escalated.clock,
        reason: escalated.reason,
      };
      return reply.status(201).send(escalated);
    },
  );
}
