import { auditEntryOf } from '../audit/audit-entry';
import Type from 'typebox';
import { MAX_SAFE_COUNTER, SafeName } from '../../shared/model';
import { authenticateApiKey } from '../auth/api-key-auth';
import { auditPersonalReads } from '../audit/read-audit';
import { refuseReversedRange } from '../console/audit-search';
import type { SyncApp, SyncContext } from '../context';
import { ErrorBody } from './collection-param';

const AuditQuery = Type.Object({
  actorType: Type.Optional(SafeName({ maxLength: 20 })),
  actorId: Type.Optional(SafeName({ maxLength: 200 })),
  action: Type.Optional(
    SafeName({ maxLength: 200, description: 'Exact action, e.g. "POST /v1/erp/recalls"' }),
  ),
  outcome: Type.Optional(SafeName({ maxLength: 20 })),
  since: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
  until: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
  after: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_SAFE_COUNTER,
      description: 'Cursor: the last id seen',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});

export function erpAuditRoute(app: SyncApp, { database }: SyncContext): void {
  app.get(
    '/v1/erp/audit',
    {
      schema: {
        tags: ['erp'],
        summary:
          'The append-only audit log, filtered (scope audit:read); a since not before until is a 400 AUDIT_RANGE_REVERSED',
        querystring: AuditQuery,
        response: {
          200: Type.Object({ entries: Type.Array(Type.Record(Type.String(), Type.Unknown())) }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
        },
      },
      // The log names people and their addresses: reading it is itself audited.
      onSend: auditPersonalReads(database.db),
    },
    async (request) => {
      await authenticateApiKey(database.db, request, 'audit:read');
      const q = request.query;
      refuseReversedRange(q.since, q.until);
      let query = database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('id', '>', q.after ?? 0);
      if (q.actorType) query = query.where('actor_type', '=', q.actorType);
      if (q.actorId) query = query.where('actor_id', '=', q.actorId);
      if (q.action) query = query.where('action', '=', q.action);
      if (q.outcome) query = query.where('outcome', '=', q.outcome);
      if (q.since) query = query.where('at', '>=', new Date(q.since));
      if (q.until) query = query.where('at', '<', new Date(q.until));
      const rows = await query
        .orderBy('id')
        .limit(q.limit ?? 100)
        .execute();
      request.auditDetail = {
        read: 'audit log',
        returned: rows.length,
        filters: Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)),
      };
      return {
        entries: rows.map(auditEntryOf),
      };
    },
  );
}
