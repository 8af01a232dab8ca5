import Type from 'typebox';
import { MAX_SAFE_COUNTER } from '../../shared/model';
import { auditPersonalReads } from '../audit/read-audit';
import { authenticateDevice } from '../auth/device-auth';
import type { SyncApp, SyncContext } from '../context';
import { pullDocuments } from '../store/pull';
import { CollectionParams, ErrorBody, knownCollection } from './collection-param';

const PullQuery = Type.Object({
  checkpoint: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_SAFE_COUNTER,
      description: 'The seq of the last checkpoint; 0 or absent from the start',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});
const PullResponse = Type.Object({
  documents: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  checkpoint: Type.Object({ seq: Type.Integer() }),
});

export function replicationPullRoute(app: SyncApp, { database }: SyncContext): void {
  app.get(
    '/v1/replication/:collection/pull',
    {
      schema: {
        tags: ['replication'],
        summary: "Documents changed after a checkpoint that this device's facility may see",
        params: CollectionParams,
        querystring: PullQuery,
        response: { 200: PullResponse, 401: ErrorBody, 404: ErrorBody },
      },
      // A page of user documents is a read of personal data: audited (other pages are not).
      onSend: auditPersonalReads(database.db),
    },
    async (request) => {
      const collection = knownCollection(request.params.collection);
      const device = await authenticateDevice(database.db, request);
      const page = await pullDocuments(
        database.db,
        collection,
        device.facilityId,
        request.query.checkpoint ?? 0,
        request.query.limit ?? 100,
      );
      if (page.skippedInvalid.length > 0) {
        request.log.warn(
          { collection, skipped: page.skippedInvalid },
          'stored documents fail the schema; not served',
        );
      }
      if (collection === 'users' && page.documents.length > 0) {
        request.auditDetail = {
          read: 'users',
          returned: page.documents.length,
          ids: page.documents.slice(0, 50).map((d) => d['id']),
        };
      }
      return { documents: page.documents, checkpoint: page.checkpoint };
    },
  );
}
