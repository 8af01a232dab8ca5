import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface ItemChoice {
  id: string;
  name: string;
}

/**
 * Items of the item master that may be proposed as substitutes (active, not deleted), by name: what
 * a buyer chooses from in the console. Capped, because a choice list of the whole master is no use
 * to a person; `search` narrows it by id or name.
 */
export async function activeItemChoices(
  db: Kysely<Database>,
  options: { search?: string; limit: number },
): Promise<ItemChoice[]> {
  let query = db
    .selectFrom('documents')
    .select([sql<string>`doc->>'id'`.as('id'), sql<string>`doc->>'name'`.as('name')])
    .where('collection', '=', 'items')
    .where('deleted', '=', false)
    .where(sql<string>`doc->>'status'`, '=', 'active');
  const search = options.search?.trim();
  if (search) {
    // LIKE's own wildcards in the person's text are matched literally.
    const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`lower(doc->>'name')`, 'like', pattern),
        eb(sql<string>`lower(doc->>'id')`, 'like', pattern),
      ]),
    );
  }
  return query
    .orderBy(sql`doc->>'name'`)
    .orderBy('id')
    .limit(options.limit)
    .execute();
}
