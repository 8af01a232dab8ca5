import Type from 'typebox';
import { SafeName } from '../../shared/model';
import type { SyncApp, SyncContext } from '../context';
import { bearerToken } from '../auth/bearer';
import { enrollDevice } from '../auth/enrollment';
import { ErrorBody } from './collection-param';

const EnrollBody = Type.Object(
  { deviceName: SafeName({ minLength: 1, maxLength: 200, description: 'Name of this PC' }) },
  { additionalProperties: false },
);
const Enrolled = Type.Object({
  deviceId: Type.String(),
  facilityId: Type.String(),
  token: Type.String({ description: 'Bearer token; shown once' }),
  tokenExpiresAt: Type.String({
    format: 'date-time',
    description: 'Renewed while the device syncs (x-device-token response header)',
  }),
});

export function enrollRoutes(app: SyncApp, { database, deviceTokens }: SyncContext): void {
  app.post(
    '/v1/devices/enroll',
    {
      schema: {
        tags: ['devices'],
        summary:
          'Trade a one-time enrollment code (Authorization: Bearer enr_…, checked before the body is read) for a device token',
        body: EnrollBody,
        response: { 201: Enrolled, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const enrolled = await enrollDevice(
        database.db,
        bearerToken(request),
        request.body.deviceName,
        deviceTokens.ttlMs,
      );
      request.actor = {
        type: 'device',
        id: enrolled.deviceId,
        facilityId: enrolled.facilityId,
        name: request.body.deviceName,
      };
      request.auditDetail = { facilityId: enrolled.facilityId };
      return reply.status(201).send(enrolled);
    },
  );
}
