import type { SyncApp, SyncContext } from '../context';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';

const KEEP_ALIVE_MS = 15_000;
/** Changes closer together than this reach the console as one reload. */
const COALESCE_MS = 300;

/**
 * The console's live stream: "CHANGED" on connect and after any change the centre hears of, from
 * this process or any other on the same database (PostgreSQL NOTIFY through the change hub). The
 * console answers by reloading what its screen shows; the stream itself carries no data, so what
 * a person sees is always what the admin API answers them.
 */
export function adminStreamRoute(app: SyncApp, context: SyncContext): void {
  app.get(
    '/v1/admin/stream',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        tags: ['admin'],
        security: ADMIN_SECURITY,
        summary:
          'Server-sent events for the console: "CHANGED" on connect and within a second of any change at the centre',
        produces: ['text/event-stream'],
        response: { ...ADMIN_ERRORS },
      },
    },
    async (_request, reply) => {
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const changed = () => raw.write('data: "CHANGED"\n\n');
      changed();
      let pending: NodeJS.Timeout | null = null;
      const unsubscribe = context.changes.subscribe(() => {
        pending ??= setTimeout(() => {
          pending = null;
          changed();
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
      raw.on('close', end);
    },
  );
}
