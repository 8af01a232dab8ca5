import { PC_APP_VERSION_HEADER, PC_WAITING_HEADER } from '../../shared/console/pc-report';
import type { SyncApp } from '../context';

/** The routes a stockroom PC calls from its page (web mode, or the desktop app's app:// page). */
const DEVICE_ROUTES = [
  /^\/v1\/replication\//,
  /^\/v1\/devices\/enroll$/,
  /^\/v1\/facilities\/[^/]+\/sync-health$/,
];

/**
 * A stockroom page is served from its own origin (http://127.0.0.1:4173 in web mode,
 * app://bundle in the desktop app), so its calls to the endpoint are cross-origin and the browser
 * asks first. Devices authenticate with a bearer token, never a cookie, so any origin may call:
 * without the token nothing is answered, and no browser credential is ever sent along. The ERP
 * API stays server-to-server and gets no CORS headers.
 */
export function allowStockroomPages(app: SyncApp): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!DEVICE_ROUTES.some((route) => route.test(path))) return;
    // On the raw response, so the live stream's own writeHead carries it too.
    reply.raw.setHeader('access-control-allow-origin', '*');
    // A renewed device token comes back in these (authenticate-first.ts); the page must read them.
    reply.raw.setHeader('access-control-expose-headers', 'x-device-token, x-device-token-expires');
    if (request.method !== 'OPTIONS') return;
    await reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST')
      .header(
        'access-control-allow-headers',
        ['authorization', 'content-type', 'accept', PC_APP_VERSION_HEADER, PC_WAITING_HEADER].join(
          ', ',
        ),
      )
      .header('access-control-max-age', '600')
      .send();
  });
}
