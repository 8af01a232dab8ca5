import Type from 'typebox';
import { authenticateDevice } from '../auth/device-auth';
import type { SyncApp, SyncContext } from '../context';
import { applyPush } from '../store/push';
import { checkPush, type PushRow } from '../store/push-check';
import { CollectionParams, ErrorBody, knownCollection } from './collection-param';

const AnyDocument = Type.Record(Type.String(), Type.Unknown());
const PushBody = Type.Array(
  Type.Object({
    assumedMasterState: Type.Optional(Type.Union([AnyDocument, Type.Null()])),
    newDocumentState: AnyDocument,
  }),
  { maxItems: 1000 },
);

export function replicationPushRoute(app: SyncApp, { database }: SyncContext): void {
  app.post(
    '/v1/replication/:collection/push',
    {
      schema: {
        tags: ['replication'],
        summary: 'Write documents; answers the server state of the conflicting ones only',
        params: CollectionParams,
        body: PushBody,
        response: {
          200: Type.Array(AnyDocument),
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (request) => {
      const collection = knownCollection(request.params.collection);
      const device = await authenticateDevice(database.db, request);
      const rows = checkPush(collection, device, request.body as PushRow[]);
      const outcome = await applyPush(database, collection, device, rows);
      request.auditDetail = {
        collection,
        facilityId: device.facilityId,
        received: rows.length,
        written: outcome.written,
        acknowledged: outcome.acknowledged,
        conflicts: outcome.conflicts.length,
        alarms: outcome.alarms,
        ids: rows.slice(0, 50).map((r) => r.id),
        users: [
          ...new Set(rows.map((r) => r.body['actorId'] ?? r.body['createdBy']).filter(Boolean)),
        ],
      };
      return outcome.conflicts;
    },
  );
}
