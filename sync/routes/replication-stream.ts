import { authenticateDevice } from '../auth/device-auth';
import type { SyncApp, SyncContext } from '../context';
import { CollectionParams, knownCollection } from './collection-param';

const KEEP_ALIVE_MS = 15_000;
const COALESCE_MS = 25;

/**
 * Live stream for RxDB's pull.stream$. It only ever sends RESYNC: on connect (the client may have
 * missed anything while away) and after each change its facility may see. RxDB answers RESYNC with
 * an ordinary pull from its own checkpoint, so the stream can never move a checkpoint past a
 * document the client has not received.
 */
export function replicationStreamRoute(app: SyncApp, context: SyncContext): void {
  app.get(
    '/v1/replication/:collection/stream',
    {
      schema: {
        tags: ['replication'],
        summary: 'Server-sent events: "RESYNC" on connect and whenever a visible document changes',
        params: CollectionParams,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const collection = knownCollection(request.params.collection);
      const device = await authenticateDevice(context.database.db, request);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const resync = () => raw.write('data: "RESYNC"\n\n');
      resync();
      let pending: NodeJS.Timeout | null = null;
      const unsubscribe = context.changes.subscribe((notice) => {
        if (notice.collection !== collection) return;
        if (notice.facilities && !notice.facilities.includes(device.facilityId)) return;
        pending ??= setTimeout(() => {
          pending = null;
          resync();
        }, COALESCE_MS);
      });
      const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        unsubscribe();
        clearInterval(keepAlive);
        if (pending) clearTimeout(pending);
        context.streams.delete(end);
        raw.end();
      };
      context.streams.add(end);
      // The response (not the request) closes when the client goes away.
      raw.on('close', end);
    },
  );
}
