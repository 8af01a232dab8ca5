import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Item } from '../../shared/model';
import type { Database } from '../db/schema';
import { textArray } from './json';

/** Product codes to look items up by; an empty list matches nothing. */
export interface ProductCodes {
  gtins: readonly string[];
  hibccCodes: readonly string[];
  isbt128Codes?: readonly string[];
}

/**
 * The items of the master (removed ones left out) holding any of `codes`, or meeting any of
 * `orElse`: a containment test per code list, so the caller decides what a match means.
 */
export async function itemsHoldingCodes(
  db: Kysely<Database>,
  codes: ProductCodes,
  orElse: readonly RawBuilder<boolean>[] = [],
): Promise<Item[]> {
  const rows = await db
    .selectFrom('documents')
    .select('doc')
    .where('collection', '=', 'items')
    .where('deleted', '=', false)
    .where((eb) =>
      eb.or([
        sql<boolean>`doc->'gtins' ?| ${textArray(codes.gtins)}`,
        sql<boolean>`doc->'hibccCodes' ?| ${textArray(codes.hibccCodes)}`,
        sql<boolean>`coalesce(doc->'isbt128Codes', '[]'::jsonb) ?| ${textArray(codes.isbt128Codes ?? [])}`,
        ...orElse,
      ]),
    )
    .execute();
  return rows.map((r) => r.doc as unknown as Item);
}
