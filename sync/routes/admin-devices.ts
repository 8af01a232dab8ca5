import Type from 'typebox';
import { FacilityId } from '../../shared/model';
import { listDevices, revokeDevice } from '../admin/devices';
import type { SyncApp, SyncContext } from '../context';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly, IdParams } from './admin-guard';

const Device = Type.Object({
  deviceId: Type.String(),
  facilityId: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  lastContactAt: Type.Union([Type.String(), Type.Null()]),
});

export function adminDeviceRoutes(app: SyncApp, context: SyncContext): void {
  const db = context.database.db;
  app.get(
    '/v1/admin/devices',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        tags: ['admin'],
        summary: 'List enrolled PCs',
        security: ADMIN_SECURITY,
        querystring: Type.Object({
          facilityId: Type.Optional(FacilityId),
        }),
        response: { 200: Type.Object({ devices: Type.Array(Device) }), ...ADMIN_ERRORS },
      },
    },
    async (request) => listDevices(db, { facilityId: request.query.facilityId }),
  );
  app.post(
    '/v1/admin/devices/:id/revoke',
    {
      onRequest: adminOnly(context, 'devices.manage'),
      schema: {
        tags: ['admin'],
        summary: 'Revoke a PC: its next request is refused',
        security: ADMIN_SECURITY,
        params: IdParams,
        response: {
          200: Type.Object({
            revoked: Type.Object({ deviceId: Type.String(), facilityId: Type.String() }),
          }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request) => {
      const revoked = await revokeDevice(db, { deviceId: request.params.id });
      request.auditDetail = revoked.revoked;
      return revoked;
    },
  );
}
