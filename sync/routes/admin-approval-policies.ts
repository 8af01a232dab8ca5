import Type from 'typebox';
import { ApprovalPolicySchema, Id } from '../../shared/model';
import { actorLabel } from '../auth/actor';
import type { SyncApp, SyncContext } from '../context';
import { HttpError } from '../http/errors';
import { storeIdempotentAnswer } from '../http/idempotency';
import { addPolicyVersion, policyVersions } from '../store/approval-policies';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';
import { ErrorBody } from './collection-param';
import { requireFacility } from './known-facility';

/** What an admin writes: the rules. The centre sets facility, version, time and author. */
const PolicyRulesBody = Type.Omit(ApprovalPolicySchema, [
  'facilityId',
  'version',
  'createdAt',
  'createdBy',
]);

const FacilityParams = Type.Object({ id: Id('Facility identifier') });

/**
 * Approval policies per facility (issue 15): every save is a new version, never an edit, so a
 * decision recorded with version N is explained by version N. PCs fetch the latest when they sync
 * (GET /v1/replication/approval-policy).
 */
export function adminApprovalPolicyRoutes(app: SyncApp, context: SyncContext): void {
  const db = context.database.db;
  app.post(
    '/v1/admin/facilities/:id/approval-policies',
    {
      onRequest: adminOnly(context, 'facilities.manage'),
      schema: {
        tags: ['admin'],
        summary:
          "Save a new version of a facility's approval policy (Idempotency-Key accepted): which requests need approval by value, quantity, unstocked item or controlled category, above which value a second level approves too, and the service levels (minutes to acknowledge and to deliver, per priority) its escalation ladder runs on",
        security: ADMIN_SECURITY,
        params: FacilityParams,
        body: PolicyRulesBody,
        response: {
          201: Type.Object({ policy: ApprovalPolicySchema }),
          422: ErrorBody,
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const rules = request.body;
      if (
        rules.valueAbove !== undefined &&
        rules.secondLevelValueAbove !== undefined &&
        rules.secondLevelValueAbove < rules.valueAbove
      ) {
        throw new HttpError(
          422,
          'POLICY_THRESHOLDS_CROSSED',
          `secondLevelValueAbove (${rules.secondLevelValueAbove}) is below valueAbove (${rules.valueAbove}): the second level's threshold must be the higher one.`,
        );
      }
      for (const [priority, level] of Object.entries(rules.serviceLevels ?? {})) {
        if (level && level.deliverMinutes < level.acknowledgeMinutes) {
          throw new HttpError(
            422,
            'SERVICE_LEVEL_CROSSED',
            `serviceLevels.${priority}: deliverMinutes (${level.deliverMinutes}) is below acknowledgeMinutes (${level.acknowledgeMinutes}); a request cannot be due before it is due to be acknowledged.`,
          );
        }
      }
      const facilityId = request.params.id;
      const label = actorLabel(request.actor);
      const answer = await db.transaction().execute(async (trx) => {
        await requireFacility(trx, facilityId);
        const policy = await addPolicyVersion(trx, facilityId, rules, `${label.type}:${label.id}`);
        const body = { policy };
        await storeIdempotentAnswer(trx, request, 201, body);
        return body;
      });
      request.auditDetail = { facilityId, policyVersion: answer.policy.version };
      return reply.status(201).send(answer);
    },
  );
  app.get(
    '/v1/admin/facilities/:id/approval-policies',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        tags: ['admin'],
        summary: "Every version of a facility's approval policy, the latest first",
        security: ADMIN_SECURITY,
        params: FacilityParams,
        response: {
          200: Type.Object({ policies: Type.Array(ApprovalPolicySchema) }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request) => ({ policies: await policyVersions(db, request.params.id) }),
  );
}
