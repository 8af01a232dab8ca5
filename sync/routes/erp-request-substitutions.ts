import Type from 'typebox';
import { Id, SafeName } from '../../shared/model';
import { authenticateApiKey } from '../auth/api-key-auth';
import type { SyncApp, SyncContext } from '../context';
import { proposeCentreSubstitutes } from '../store/centre-substitutions';
import { ErrorBody } from './collection-param';
import { ProposedSubstitutes } from './request-step-body';

const SubstitutesBody = Type.Object(
  {
    substitutes: ProposedSubstitutes,
    by: SafeName({
      minLength: 1,
      maxLength: 40,
      description: 'The ERP user who proposes them (recorded as "erp:<key name>:<by>")',
    }),
  },
  { additionalProperties: false },
);

/**
 * The ERP proposes substitutes for lines it cannot fill. The ward accepts or refuses each on its
 * PC; the ERP hears supply_request.substitution_proposed now and substitution_decided later.
 */
export function erpRequestSubstitutionsRoute(app: SyncApp, { database }: SyncContext): void {
  app.post(
    '/v1/erp/requests/:id/substitutions',
    {
      schema: {
        tags: ['erp'],
        summary:
          'Propose substitutes for lines of a supply request that cannot be filled (scope requests:write; Idempotency-Key accepted)',
        params: Type.Object({ id: Id('Supply request identifier') }),
        body: SubstitutesBody,
        response: {
          200: Type.Record(Type.String(), Type.Unknown()),
          404: ErrorBody,
          409: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (request) => {
      const key = await authenticateApiKey(database.db, request, 'requests:write');
      const { substitutes, by } = request.body;
      const updated = await proposeCentreSubstitutes(
        database.db,
        database.channel,
        request,
        request.params.id,
        substitutes,
        {
          by: `erp:${key.name}:${by}`,
          writtenBy: `api-key:${key.name}`,
          at: new Date().toISOString(),
        },
      );
      request.auditDetail = {
        requestId: request.params.id,
        substitutes: substitutes.map((s) => `${s.itemId} for ${s.lineItemId}`).join(', '),
        by,
      };
      return updated;
    },
  );
}
