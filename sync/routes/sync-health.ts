import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { FacilityId } from '../../shared/model';
import { authenticateApiKey } from '../auth/api-key-auth';
import { offersDeviceToken } from '../auth/bearer';
import { authenticateDevice } from '../auth/device-auth';
import type { SyncApp, SyncContext } from '../context';
import { HttpError } from '../http/errors';
import { recallIssueFlags } from '../store/recall-issue-flags';
import { deviceSequences } from '../store/sync-health';
import { ErrorBody } from './collection-param';
import { requireFacility } from './known-facility';

const Range = Type.Object({ from: Type.Integer(), to: Type.Integer() });
const SyncHealth = Type.Object({
  facilityId: Type.String(),
  devices: Type.Array(
    Type.Object({
      deviceId: Type.String(),
      name: Type.String(),
      lastContactAt: Type.Union([Type.String(), Type.Null()]),
      revoked: Type.Boolean(),
    }),
  ),
  sequences: Type.Array(
    Type.Object({
      deviceId: Type.String(),
      lastSeq: Type.Integer(),
      received: Type.Integer(),
      gaps: Type.Array(Range),
    }),
  ),
  integrityAlarms: Type.Array(
    Type.Object({
      id: Type.Integer(),
      collection: Type.String(),
      docId: Type.String(),
      deviceId: Type.Union([Type.String(), Type.Null()]),
      detectedAt: Type.String(),
    }),
  ),
  recallIssueFlags: Type.Array(
    Type.Object({
      noticeId: Type.String(),
      number: Type.String(),
      eventId: Type.String(),
      deviceId: Type.String(),
      occurredAt: Type.String(),
      itemId: Type.String(),
      lotCode: Type.String(),
      quantity: Type.Integer(),
      reversed: Type.Boolean(),
      message: Type.String(),
    }),
    { description: 'Issues of recalled units made after the recall took effect (shared/recall)' },
  ),
});

/** The centre (scope sync-health:read) or a device of the same facility may look. */
async function authorise(context: SyncContext, request: FastifyRequest, facilityId: string) {
  if (offersDeviceToken(request)) {
    const device = await authenticateDevice(context.database.db, request);
    if (device.facilityId !== facilityId) {
      throw new HttpError(403, 'FACILITY_MISMATCH', 'A device may only see its own facility.');
    }
    return;
  }
  await authenticateApiKey(context.database.db, request, 'sync-health:read');
}

export function syncHealthRoute(app: SyncApp, context: SyncContext): void {
  const db = context.database.db;
  app.get(
    '/v1/facilities/:id/sync-health',
    {
      schema: {
        tags: ['sync health'],
        summary:
          'Last contact and pending sequence gaps per device, integrity alarms, and issues of recalled units after the recall took effect',
        params: Type.Object({ id: FacilityId }),
        response: { 200: SyncHealth, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const facilityId = request.params.id;
      await authorise(context, request, facilityId);
      await requireFacility(db, facilityId);
      const devices = await db
        .selectFrom('devices')
        .select(['id', 'name', 'last_contact_at', 'revoked_at'])
        .where('facility_id', '=', facilityId)
        .orderBy('id')
        .execute();
      const alarms = await db
        .selectFrom('integrity_alarms')
        .select(['id', 'collection', 'doc_id', 'device_id', 'detected_at'])
        .where('facility_id', '=', facilityId)
        .orderBy('id')
        .execute();
      return {
        facilityId,
        devices: devices.map((d) => ({
          deviceId: d.id,
          name: d.name,
          lastContactAt: d.last_contact_at?.toISOString() ?? null,
          revoked: d.revoked_at !== null,
        })),
        sequences: await deviceSequences(db, facilityId),
        integrityAlarms: alarms.map((a) => ({
          id: a.id,
          collection: a.collection,
          docId: a.doc_id,
          deviceId: a.device_id,
          detectedAt: a.detected_at.toISOString(),
        })),
        recallIssueFlags: await recallIssueFlags(db, facilityId),
      };
    },
  );
}
