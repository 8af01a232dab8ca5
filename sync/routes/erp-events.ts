import Type from 'typebox';
import { MAX_SAFE_COUNTER } from '../../shared/model';
import { authenticateApiKey } from '../auth/api-key-auth';
import type { SyncApp, SyncContext } from '../context';
import { recordFeedPosition } from '../console/feed-positions';
import { readableSeqCeiling } from '../store/sequenced';
import { ErrorBody } from './collection-param';

const EventsQuery = Type.Object({
  after: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_SAFE_COUNTER,
      description: 'Cursor: the `next` of the previous page',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});
const EventsPage = Type.Object({
  events: Type.Array(
    Type.Object({
      cursor: Type.Integer(),
      recordedAt: Type.String(),
      event: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
  next: Type.Integer({ description: 'Pass as `after` to continue' }),
});

/** Every facility's stock events in seq order: the same out-of-order-safe sequence as pulls. */
export function erpEventsRoute(app: SyncApp, { database }: SyncContext): void {
  app.get(
    '/v1/erp/events',
    {
      schema: {
        tags: ['erp'],
        summary: 'Facility stock events by cursor, stable order (scope events:read)',
        querystring: EventsQuery,
        response: { 200: EventsPage, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const key = await authenticateApiKey(database.db, request, 'events:read');
      const after = request.query.after ?? 0;
      await recordFeedPosition(database.db, key.id, after);
      // Before the rows, in its own statement: see sync/store/sequenced.ts.
      const ceiling = await readableSeqCeiling(database.db);
      const rows = await database.db
        .selectFrom('documents')
        .select(['seq', 'recorded_at', 'doc'])
        .where('collection', '=', 'stock_events')
        .where('seq', '>', after)
        .where('seq', '<=', ceiling)
        .orderBy('seq')
        .limit(request.query.limit ?? 100)
        .execute();
      return {
        events: rows.map((r) => ({
          cursor: r.seq,
          recordedAt: r.recorded_at.toISOString(),
          event: r.doc,
        })),
        next: rows.at(-1)?.seq ?? after,
      };
    },
  );
}
