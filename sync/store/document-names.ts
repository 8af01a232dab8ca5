import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { textArray } from './json';

/** The collections whose documents people know by a name: the item master, places, people. */
export const NAMED_COLLECTIONS = ['items', 'locations', 'users'] as const;
export type NamedCollection = (typeof NAMED_COLLECTIONS)[number];

/** The names the centre holds, by collection, then by id. */
export type DocumentNames = Record<NamedCollection, ReadonlyMap<string, string>>;

/**
 * The names of the items, locations and users named, as the centre stores them (`documents`, by
 * collection), in one query however many are asked for. An id the centre does not hold, or holds
 * removed, is left out: a PC's pending item is no item of the master, and a place or a person
 * taken out is no longer one to show by name.
 */
export async function documentNames(
  db: Kysely<Database>,
  wanted: Partial<Record<NamedCollection, Iterable<string>>>,
): Promise<DocumentNames> {
  const found = {
    items: new Map<string, string>(),
    locations: new Map<string, string>(),
    users: new Map<string, string>(),
  };
  const asked = NAMED_COLLECTIONS.map(
    (collection) => [collection, [...new Set(wanted[collection] ?? [])]] as const,
  ).filter(([, ids]) => ids.length > 0);
  if (asked.length === 0) return found;
  const rows = await db
    .selectFrom('documents')
    .select(['collection', 'id', sql<string | null>`doc->>'name'`.as('name')])
    .where('deleted', '=', false)
    .where((eb) =>
      eb.or(
        asked.map(([collection, ids]) =>
          eb.and([
            eb('collection', '=', collection),
            eb(eb.ref('id'), '=', sql<string>`any(${textArray(ids)})`),
          ]),
        ),
      ),
    )
    .execute();
  for (const row of rows) {
    const into = found[row.collection as NamedCollection] as Map<string, string> | undefined;
    if (row.name && into) into.set(row.id, row.name);
  }
  return found;
}
