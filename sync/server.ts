import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { auditWrites } from './audit/audit-hook';
import { countAnonymousRefusals, RefusalCounter } from './audit/refusal-counter';
import { refuseAllAdmins, type AdminAuthenticator } from './auth/admin-auth';
import { authenticateFirst } from './auth/authenticate-first';
import { consoleSessionAuthenticator } from './auth/console-session-auth';
import { DEFAULT_DEVICE_TOKEN_POLICY, type DeviceTokenPolicy } from './auth/device-token-policy';
import { serveConsole } from './console/console-static';
import type { SyncContext, SyncApp } from './context';
import type { SyncDatabase } from './db/connect';
import { allowStockroomPages } from './http/cors';
import { handleError, HttpError } from './http/errors';
import { idempotencyOnSend, idempotencyPreHandler } from './http/idempotency';
import { DEFAULT_RATE_LIMITS, rateLimitHook, type RateLimits } from './http/rate-limits';
import { refuseUnstorableText } from './http/storable-text';
import { validatorCompiler } from './http/validator-compiler';
import { registerRoutes } from './routes';
import { ChangeHub } from './stream/change-hub';
import { defaultWebhookSettings, type WebhookSettings } from './webhooks/settings';
import { CONSOLE_SESSION_COOKIE } from '../shared/console';

export interface ServerOptions {
  database: SyncDatabase;
  logger?: FastifyServerOptions['logger'];
  /** Largest request body in bytes. */
  bodyLimit?: number;
  /** How long a SIGTERM waits for in-flight requests before closing every socket. */
  drainMs?: number;
  /** Who may use the admin API (/v1/admin); absent, it refuses everyone. */
  adminAuth?: AdminAuthenticator;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: Buffer; key: Buffer } | undefined;
  /**
   * Fastify's trustProxy: which proxies' X-Forwarded-For to believe, so the audit log records the
   * client and not the proxy. false (the default) believes none.
   */
  trustProxy?: boolean | string | number | undefined;
  /** Webhook secrets' key and destination rules; absent, a per-process key and strict rules. */
  webhooks?: WebhookSettings | undefined;
  /** Serve the built console (dist/console) at /console/; absent, no console. */
  consoleDir?: string | undefined;
  /** Device tokens' life and renewal overlap. */
  deviceTokens?: DeviceTokenPolicy;
  /** Requests a minute per address, per credential, and enrolments per address. */
  rateLimits?: RateLimits;
}

export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

export async function buildServer(
  options: ServerOptions,
): Promise<{ app: SyncApp; context: SyncContext }> {
  // `https` switches Fastify's server type; the app is used only through what HTTP and HTTPS
  // servers share, and a hop count is valid trustProxy at run time though its type omits it.
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: (options.trustProxy ?? false) as boolean | string,
    return503OnClosing: true,
    ...(options.tls ? { https: options.tls } : {}),
  } as FastifyServerOptions).withTypeProvider<TypeBoxTypeProvider>() as SyncApp;

  const changes = new ChangeHub();
  await changes.start(options.database);
  const context: SyncContext = {
    database: options.database,
    changes,
    streams: new Set(),
    // The console's people sign in with a session cookie; the admin credential still works beside it.
    adminAuth: consoleSessionAuthenticator(
      options.database.db,
      options.adminAuth ?? refuseAllAdmins,
    ),
    webhooks: options.webhooks ?? defaultWebhookSettings(),
    deviceTokens: options.deviceTokens ?? DEFAULT_DEVICE_TOKEN_POLICY,
  };

  app.decorateRequest('actor', null);
  app.decorateRequest('auditDetail', null);
  app.decorateRequest('auditRecorded', false);
  // Parses cookies in onRequest, before the admin routes' own check; only the console sets one.
  await app.register(cookie);
  app.setValidatorCompiler(validatorCompiler);
  // Responses are documented by their schemas but written as they are: a schema that lags the
  // model must never silently drop a field from a replicated document.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler((error, request, reply) => {
    const code = error instanceof HttpError ? error.code : (error as { code?: string }).code;
    request.auditDetail = { ...request.auditDetail, error: code ?? 'INTERNAL' };
    return handleError(error as HttpError, request, reply);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ code: 'NOT_FOUND', message: `No route ${request.method} ${request.url}.` }),
  );
  allowStockroomPages(app);
  // Limits, then who is calling, both before the body is read.
  app.addHook('onRequest', await rateLimitHook(app, options.rateLimits ?? DEFAULT_RATE_LIMITS));
  app.addHook('onRequest', authenticateFirst(context));
  app.addHook('onSend', auditWrites(options.database.db));
  // NUL and lone surrogates, wherever a schema let one through: a 400, not a database failure.
  app.addHook('preHandler', refuseUnstorableText);
  // Idempotency-Key of the ERP and admin APIs: after authentication and validation.
  app.addHook('preHandler', idempotencyPreHandler(options.database.db));
  app.addHook('onSend', idempotencyOnSend(options.database.db));
  const refusals = new RefusalCounter(options.database.db, (err) =>
    app.log.error({ err }, 'refusal counts not written'),
  );
  context.refusals = refusals;
  refusals.start();
  app.addHook('onResponse', countAnonymousRefusals(refusals));
  // Draining: live streams end at once; keep-alive sockets close as soon as their request is
  // answered (Node closes idle sockets only once, at server.close), so in-flight work finishes.
  let sweeper: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    for (const end of [...context.streams]) end();
    sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
    deadline = setTimeout(() => app.server.closeAllConnections(), options.drainMs ?? 10_000);
    app.server.closeIdleConnections();
  });
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    clearTimeout(deadline);
    await refusals.stop().catch((err: unknown) => app.log.error({ err }, 'refusal counts lost'));
    await changes.stop();
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Stockroom Edge sync endpoint',
        version: '1',
        description:
          'Replication for stockroom PCs (device tokens) and the ERP API (API keys with scopes). Every error answers {code, message, errors?}.',
      },
      components: {
        // One bearer scheme: device tokens, API keys and the admin credential all travel as
        // Authorization: Bearer; each route's summary says which it takes.
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          // The console's session (POST /v1/console/sign-in); writes also need the X-CSRF-Token header.
          consoleSession: { type: 'apiKey', in: 'cookie', name: CONSOLE_SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  registerRoutes(app, context);
  if (options.consoleDir) await serveConsole(app, options.consoleDir);
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.ready();
  return { app, context };
}
