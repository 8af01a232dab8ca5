import { afterAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from './sync-helpers/backends';
import { dropSchema, openTestDatabase, testSchema } from './sync-helpers/server';

const schemas = [testSchema('migrate_a'), testSchema('migrate_b')];

describe.skipIf(!postgresAvailable)(
  'endpoints sharing one PostgreSQL database [PostgreSQL]',
  () => {
    afterAll(async () => {
      for (const schema of schemas) await dropSchema(schema);
    });

    it('each migrates its own schema, whichever migrated first', async () => {
      // Kysely's migrator without a schema took the first schema's migration table for the second's
      // and then failed to lock a table that did not exist on its search path.
      const [first, second] = schemas;
      const a = await openTestDatabase('postgres', first!);
      await a.close();
      const b = await openTestDatabase('postgres', second!);
      try {
        const tables = await b.db.introspection.getTables({ withInternalKyselyTables: true });
        const own = tables.filter((t) => t.schema === second).map((t) => t.name);
        expect(own).toEqual(expect.arrayContaining(['kysely_migration', 'kysely_migration_lock']));
      } finally {
        await b.close();
      }
    });
  },
);
