import Type from 'typebox';
import { SafeText } from '../../shared/model';
import type { SyncApp, SyncContext } from '../context';
import { activeItemChoices } from '../store/active-items';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';

const CHOICES = 200;

/** The item master as a buyer chooses from it in the console (a substitute, issue 15). */
export function adminItemRoutes(app: SyncApp, context: SyncContext): void {
  app.get(
    '/v1/admin/items',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        tags: ['admin'],
        security: ADMIN_SECURITY,
        summary: `Active items of the item master by name, at most ${CHOICES}; search narrows by id or name`,
        querystring: Type.Object(
          {
            search: Type.Optional(
              SafeText({ maxLength: 100, description: 'Part of an id or name' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
            capped: Type.Boolean({ description: `More than ${CHOICES} matched: search narrows` }),
          }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request) => {
      const found = await activeItemChoices(context.database.db, {
        search: request.query.search,
        limit: CHOICES + 1,
      });
      return { items: found.slice(0, CHOICES), capped: found.length > CHOICES };
    },
  );
}
