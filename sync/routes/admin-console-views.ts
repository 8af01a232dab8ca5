import Type from 'typebox';
import { AuditEntrySchema, AuditSearchQuery, PcHealthSchema } from '../../shared/console';
import { FacilityId } from '../../shared/model';
import { auditCsv, searchAudit } from '../console/audit-search';
import { pcHealth } from '../console/pc-health';
import type { SyncApp, SyncContext } from '../context';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';

/** The most lines one CSV export holds; narrow the search for more. */
export const AUDIT_CSV_MAX_ROWS = 10_000;

/** What the console's screens read: every PC's sync health, and the audit log searched. */
export function adminConsoleViewRoutes(app: SyncApp, context: SyncContext): void {
  const db = context.database.db;
  const base = { tags: ['admin'], security: ADMIN_SECURITY };
  app.get(
    '/v1/admin/pcs',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        ...base,
        summary:
          'Every stockroom PC: last contact, last accepted push, refused pushes, sequence gaps, token age',
        querystring: Type.Object({
          facilityId: Type.Optional(FacilityId),
        }),
        response: { 200: Type.Object({ pcs: Type.Array(PcHealthSchema) }), ...ADMIN_ERRORS },
      },
    },
    async (request) => pcHealth(db, { facilityId: request.query.facilityId }),
  );
  app.get(
    '/v1/admin/audit',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        ...base,
        summary:
          'Search the audit log by who, what, when, facility, device, address and outcome (newest first); a since not before until is a 400 AUDIT_RANGE_REVERSED',
        querystring: AuditSearchQuery,
        response: { 200: Type.Object({ entries: Type.Array(AuditEntrySchema) }), ...ADMIN_ERRORS },
      },
    },
    async (request) => ({ entries: await searchAudit(db, request.query, 500) }),
  );
  app.get(
    '/v1/admin/audit.csv',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        ...base,
        summary: `The same search as CSV (at most ${AUDIT_CSV_MAX_ROWS} lines, newest first)`,
        querystring: Type.Object({
          ...AuditSearchQuery.properties,
          limit: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: AUDIT_CSV_MAX_ROWS,
              default: AUDIT_CSV_MAX_ROWS,
              description: 'At most this many lines',
            }),
          ),
        }),
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'text/csv' }), ...ADMIN_ERRORS },
      },
    },
    async (request, reply) => {
      const entries = await searchAudit(db, request.query, AUDIT_CSV_MAX_ROWS);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.csv"')
        .send(auditCsv(entries));
    },
  );
}
