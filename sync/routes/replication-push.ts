import Type from 'typebox';
import { authenticateDevice } from '../auth/device-auth';
import type { SyncApp, SyncContext } from '../context';
import { applyPush } from '../store/push';
import { checkPush, type PushRow } from '../store/push-check';
import { PushRefusal } from '../store/push-refusal';
import { requestLine } from '../audit/request-line';
import { CollectionParams, ErrorBody, knownCollection } from './collection-param';

const AnyDocument = Type.Record(Type.String(), Type.Unknown());
const PushBody = Type.Array(
  Type.Object({
    assumedMasterState: Type.Optional(Type.Union([AnyDocument, Type.Null()])),
    newDocumentState: AnyDocument,
  }),
  { maxItems: 1000 },
);

/** A refusal for good names the document, so the PC can set it aside and send the rest. */
const RefusalBody = Type.Object({
  code: Type.String(),
  message: Type.String(),
  documentId: Type.String({ description: 'The document refused; nothing of the batch was stored' }),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});

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
          403: Type.Union([RefusalBody, ErrorBody]),
          404: ErrorBody,
          422: RefusalBody,
        },
      },
    },
    async (request, reply) => {
      const collection = knownCollection(request.params.collection);
      const device = await authenticateDevice(database.db, request);
      const pushed = request.body as PushRow[];
      try {
        const checked = checkPush(collection, device, pushed);
        const outcome = await applyPush(database, collection, device, checked, {
          // Written in the push's transaction; the audit hook then leaves it alone.
          auditLine: (done) => ({
            ...requestLine(request),
            outcome: 'accepted',
            status: 200,
            detail: {
              collection,
              facilityId: device.facilityId,
              received: checked.length,
              written: done.written,
              acknowledged: done.acknowledged,
              conflicts: done.conflicts.length,
              alarms: done.alarms,
              ids: checked.slice(0, 50).map((r) => r.id),
              users: [
                ...new Set(
                  checked.map((r) => r.body['actorId'] ?? r.body['createdBy']).filter(Boolean),
                ),
              ],
            },
          }),
        });
        request.auditRecorded = true;
        return outcome.conflicts;
      } catch (error) {
        if (!(error instanceof PushRefusal)) throw error;
        // The audit line says which document and which rule, in the words the PC shows.
        request.auditDetail = {
          collection,
          facilityId: device.facilityId,
          received: pushed.length,
          written: 0,
          refused: { documentId: error.documentId, code: error.code, message: error.message },
        };
        return reply.status(error.statusCode as 403 | 422).send(error.body);
      }
    },
  );
}
