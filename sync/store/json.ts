import { sql, type RawBuilder } from 'kysely';

/**
 * A JSONB parameter sent as text: pg would turn a JS array into a PostgreSQL array and PGlite
 * would encode a string twice, so the value crosses as JSON text and PostgreSQL parses it.
 */
export function jsonb(value: unknown): RawBuilder<string> {
  return sql<string>`cast(${JSON.stringify(value)} as text)::jsonb`;
}

/** One element of a PostgreSQL array literal: always quoted, so commas, braces and NULL stay text. */
function arrayElement(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * A text[] parameter sent as an array literal in text, for the same reason as `jsonb`; PostgreSQL
 * parses it without the per-row subquery that unpacking JSON would cost in a multi-row INSERT.
 */
export function textArray(values: readonly string[] | null): RawBuilder<string[] | null> {
  return values === null
    ? sql<null>`null`
    : sql<string[]>`cast(${`{${values.map(arrayElement).join(',')}}`} as text)::text[]`;
}
