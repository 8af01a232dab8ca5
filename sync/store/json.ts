import { sql, type RawBuilder } from 'kysely';

/**
 * A JSONB parameter sent as text: pg would turn a JS array into a PostgreSQL array and PGlite
 * would encode a string twice, so the value crosses as JSON text and PostgreSQL parses it.
 */
export function jsonb(value: unknown): RawBuilder<string> {
  return sql<string>`cast(${JSON.stringify(value)} as text)::jsonb`;
}

export function textArray(values: readonly string[] | null): RawBuilder<string[] | null> {
  return values === null
    ? sql<null>`null`
    : sql<
        string[]
      >`array(select jsonb_array_elements_text(cast(${JSON.stringify(values)} as text)::jsonb))::text[]`;
}
