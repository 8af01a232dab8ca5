import Type from 'typebox';
import { COLLECTIONS, type CollectionName } from '../../shared/model';
import { authenticateApiKey, type ApiScope } from '../auth/api-key-auth';
import type { SyncApp, SyncContext } from '../context';
import { writeCentreDocuments } from '../store/centre-write';
import { ErrorBody } from './collection-param';

const UPSERTS: { path: string; collection: CollectionName; scope: ApiScope }[] = [
  { path: 'items', collection: 'items', scope: 'items:write' },
  { path: 'locations', collection: 'locations', scope: 'locations:write' },
  { path: 'par-levels', collection: 'par_levels', scope: 'par-levels:write' },
  { path: 'deliveries', collection: 'deliveries', scope: 'deliveries:write' },
  { path: 'users', collection: 'users', scope: 'users:write' },
];

const Outcome = Type.Object({ written: Type.Integer(), unchanged: Type.Integer() });

export function erpUpsertRoutes(app: SyncApp, { database }: SyncContext): void {
  for (const { path, collection, scope } of UPSERTS) {
    app.put(
      `/v1/erp/${path}`,
      {
        schema: {
          tags: ['erp'],
          summary: `Bulk, idempotent upsert of ${COLLECTIONS[collection].title.toLowerCase()} (scope ${scope})`,
          // Documented with the collection's schema; validated document by document in the handler
          // so errors name the position in the batch.
          body: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
            minItems: 1,
            maxItems: 1000,
          }),
          response: {
            200: Outcome,
            401: ErrorBody,
            403: ErrorBody,
            409: ErrorBody,
            422: ErrorBody,
          },
        },
      },
      async (request) => {
        const key = await authenticateApiKey(database.db, request, scope);
        const outcome = await writeCentreDocuments(
          database,
          collection,
          request.body,
          `api-key:${key.name}`,
        );
        request.auditDetail = {
          collection,
          ...outcome,
          ids: request.body.slice(0, 50).map((d) => d['id']),
        };
        return outcome;
      },
    );
  }
}
