import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SyncApp } from '../context';

/** Where `npm run build:console` puts the console. */
export const BUILT_CONSOLE_DIR = fileURLToPath(new URL('../../dist/console', import.meta.url));

/**
 * The console's page may load only its own scripts and styles and talk only to this endpoint;
 * no framing (clickjacking), no form posts elsewhere. Mantine writes CSS variables into <style>
 * tags, hence 'unsafe-inline' for styles only; the QR code is an inline data: image.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves the built console at /console/; says how to build it when it is not there. */
export async function serveConsole(app: SyncApp, dir: string): Promise<void> {
  app.get('/console', { schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/console/'),
  );
  if (!existsSync(dir)) {
    app.get('/console/*', { schema: { hide: true } }, async (_request, reply) =>
      reply.status(404).send({
        code: 'CONSOLE_NOT_BUILT',
        message: 'The console is not built on this endpoint: run npm run build:console.',
      }),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    index: ['index.html'],
    wildcard: true,
    setHeaders: (response) => {
      response.header('content-security-policy', CONSOLE_CSP);
      response.header('x-content-type-options', 'nosniff');
      response.header('referrer-policy', 'same-origin');
    },
  });
}
