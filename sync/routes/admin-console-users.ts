import Type from 'typebox';
import { ConsoleUserSchema, NewConsoleUserBody } from '../../shared/console';
import { SafeName } from '../../shared/model';
import { addConsoleUser, disableConsoleUser, listConsoleUsers } from '../console/console-users';
import type { SyncApp, SyncContext } from '../context';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';

const ConsoleUser = ConsoleUserSchema;

export function adminConsoleUserRoutes(app: SyncApp, context: SyncContext): void {
  const db = context.database.db;
  const base = { tags: ['admin'], security: ADMIN_SECURITY };
  app.post(
    '/v1/admin/console-users',
    {
      onRequest: adminOnly(context, 'console-users.manage'),
      schema: {
        ...base,
        summary:
          'Add a person to the console (admin, buyer or analyst); without a password one is made and shown once',
        body: NewConsoleUserBody,
        response: {
          201: Type.Object({
            consoleUser: ConsoleUser,
            password: Type.Optional(Type.String({ description: 'Made here; shown only now' })),
            note: Type.Optional(Type.String()),
          }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { password: _secret, ...auditable } = request.body;
      request.auditDetail = auditable;
      return reply.status(201).send(await addConsoleUser(db, request.body));
    },
  );
  app.get(
    '/v1/admin/console-users',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        ...base,
        summary: 'List the console’s people (never their passwords)',
        response: { 200: Type.Object({ consoleUsers: Type.Array(ConsoleUser) }), ...ADMIN_ERRORS },
      },
    },
    async () => listConsoleUsers(db),
  );
  app.post(
    '/v1/admin/console-users/:username/disable',
    {
      onRequest: adminOnly(context, 'console-users.manage'),
      schema: {
        ...base,
        summary: 'Disable a console user; their sessions end at once',
        params: Type.Object({ username: SafeName({ minLength: 1, maxLength: 64 }) }),
        response: {
          200: Type.Object({ disabled: Type.Object({ username: Type.String() }) }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request) => disableConsoleUser(db, { username: request.params.username }),
  );
}
