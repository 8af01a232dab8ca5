import Type from 'typebox';
import { SafeName } from '../../shared/model';
import type { SyncApp, SyncContext } from '../context';
import { enrollDevice } from '../auth/enrollment';

const EnrollBody = Type.Object(
  {
    code: SafeName({ minLength: 1, maxLength: 200, description: 'One-time enrollment code' }),
    deviceName: SafeName({ minLength: 1, maxLength: 200, description: 'Name of this PC' }),
  },
  { additionalProperties: false },
);
const Enrolled = Type.Object({
  deviceId: Type.String(),
  facilityId: Type.String(),
  token: Type.String({ description: 'Bearer token; shown once' }),
});

export function enrollRoutes(app: SyncApp, { database }: SyncContext): void {
  app.post(
    '/v1/devices/enroll',
    {
      schema: {
        tags: ['devices'],
        summary: 'Trade a one-time enrollment code for a device token',
        body: EnrollBody,
        response: { 201: Enrolled },
      },
    },
    async (request, reply) => {
      const enrolled = await enrollDevice(database.db, request.body.code, request.body.deviceName);
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
