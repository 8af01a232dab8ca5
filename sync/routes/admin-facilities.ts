import Type from 'typebox';
import { FacilityId, Name } from '../../shared/model';
import { addFacility, createEnrollment, listFacilities } from '../admin/facilities';
import { DEFAULT_CODE_TTL_MS } from '../auth/enrollment';
import type { SyncApp, SyncContext } from '../context';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';

const Facility = Type.Object({ id: Type.String(), name: Type.String(), createdAt: Type.String() });

export function adminFacilityRoutes(app: SyncApp, context: SyncContext): void {
  const db = context.database.db;
  app.post(
    '/v1/admin/facilities',
    {
      onRequest: adminOnly(context, 'facilities.manage'),
      schema: {
        tags: ['admin'],
        summary: 'Add a facility (a hospital stockroom site)',
        security: ADMIN_SECURITY,
        body: Type.Object(
          {
            id: Type.String({ minLength: 1, maxLength: 64 }),
            name: Name('What the console and the PCs call the facility'),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ facility: Type.Object({ id: Type.String(), name: Type.String() }) }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request, reply) => {
      // The facility is named in its line, so the audit search by facility finds it.
      request.auditDetail = { facilityId: request.body.id };
      return reply.status(201).send(await addFacility(db, request.body));
    },
  );
  app.get(
    '/v1/admin/facilities',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        tags: ['admin'],
        summary: 'List facilities',
        security: ADMIN_SECURITY,
        response: { 200: Type.Object({ facilities: Type.Array(Facility) }), ...ADMIN_ERRORS },
      },
    },
    async () => listFacilities(db),
  );
  app.post(
    '/v1/admin/enrollment-codes',
    {
      onRequest: adminOnly(context, 'devices.manage'),
      schema: {
        tags: ['admin'],
        summary: 'Make a one-time enrollment code for a PC of a facility',
        security: ADMIN_SECURITY,
        body: Type.Object(
          {
            facilityId: FacilityId,
            ttlMs: Type.Optional(
              Type.Integer({
                minimum: 60_000,
                maximum: 30 * 86_400_000,
                description: `How long the code stays valid; default ${DEFAULT_CODE_TTL_MS} (24 h)`,
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            code: Type.String({ description: 'Shown once' }),
            facilityId: Type.String(),
            expiresAt: Type.String(),
          }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { facilityId, ttlMs } = request.body;
      request.auditDetail = { facilityId };
      const created = await createEnrollment(db, {
        facilityId,
        ttlMs: ttlMs ?? DEFAULT_CODE_TTL_MS,
      });
      return reply.status(201).send(created);
    },
  );
}
