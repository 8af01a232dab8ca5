import Type from 'typebox';

/**
 * Building blocks shared by every document schema. Constraints live here once so the RxDB schema
 * (Dexie needs maxLength on indexed strings), the server validators and the OpenAPI document agree.
 */

/**
 * PostgreSQL refuses U+0000 and unpaired surrogates in text and jsonb, and JSON Schema lets both
 * through: every free string carries one of these patterns. Each matches the whole string one
 * code unit (or one surrogate pair) at a time, so it means the same with or without the regular
 * expression's `u` flag (TypeBox, RxDB's validator and the OpenAPI reader may differ there).
 */
const PAIR = '[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]';
/** Free text: anything printable plus tab, line breaks and GS (barcode text carries GS). */
export const SAFE_TEXT_PATTERN = `^(?:[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001C\\u001E\\u001F\\u007F\\uD800-\\uDFFF]|${PAIR})*$`;
/** Names, codes and labels: no control character at all (C0, DEL, C1). */
export const SAFE_NAME_PATTERN = `^(?:[^\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]|${PAIR})*$`;

/** A string a person or a label wrote: refused when it holds NUL, control characters or lone surrogates. */
export const SafeName = (options: {
  minLength?: number;
  maxLength: number;
  description?: string;
}) => Type.String({ ...options, pattern: SAFE_NAME_PATTERN });

export const SafeText = (options: {
  minLength?: number;
  maxLength: number;
  description?: string;
}) => Type.String({ ...options, pattern: SAFE_TEXT_PATTERN });

/** What a bigint column stores; JavaScript numbers above 2^53 are not exact, so stop there. */
export const MAX_SAFE_COUNTER = Number.MAX_SAFE_INTEGER;
/** What an integer column stores. */
export const MAX_INT4 = 2_147_483_647;

/** Ids: letters, digits and . _ : - (safe in paths, logs and every store). */
export const ID_PATTERN = '^[A-Za-z0-9._:-]+$';

export const Id = (description = 'Identifier') =>
  Type.String({ minLength: 1, maxLength: 64, pattern: ID_PATTERN, description });

export const FacilityId = Id('Facility identifier');

/** A calendar date as printed on labels and used in expiry logic: YYYY-MM-DD. */
export const IsoDate = (description = 'Calendar date, YYYY-MM-DD') =>
  Type.String({ format: 'date', maxLength: 10, description });

/** An instant with its UTC offset (RFC 3339), as the device clock saw it. */
export const IsoDateTime = (description = 'Instant, ISO 8601 with offset') =>
  Type.String({ format: 'date-time', maxLength: 40, description });

export const Gtin14 = Type.String({
  pattern: '^\\d{14}$',
  minLength: 14,
  maxLength: 14,
  description: 'GTIN left-padded to 14 digits',
});

/** HIBCC device identifier: LIC + product number + unit of measure digit. */
export const HibccProductCode = Type.String({
  pattern: '^[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9]$',
  maxLength: 23,
  description: 'HIBCC LIC + product/catalogue number + unit-of-measure digit',
});

/** ISBT 128 processor product identification code: facility number + 11 product characters. */
export const Isbt128ProductCode = Type.String({
  pattern: '^[A-NP-Z1-9][0-9]{4}[A-Z0-9]{11}$',
  minLength: 16,
  maxLength: 16,
  description: 'ISBT 128 processor product identification code (the UDI device identifier)',
});

/** A lot code exactly as printed after trimming; '' means the stock carries no lot. */
export const LotCode = SafeName({
  maxLength: 20,
  description: 'Lot code as printed; empty when none',
});

export const Serial = SafeName({ minLength: 1, maxLength: 20, description: 'Serial number' });

export const Text = (maxLength: number, description: string) =>
  SafeText({ maxLength, description });

export const Name = (description = 'Name') =>
  SafeName({ minLength: 1, maxLength: 200, description });

export const Quantity = (description = 'Quantity in the item unit') =>
  Type.Integer({ minimum: 1, maximum: 1_000_000, description });

/** A string enum that still declares `type: string`, which RxDB needs to index it. */
export function StringEnum<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({
    type: 'string',
    enum: [...values],
    maxLength: Math.max(...values.map((v) => v.length)),
    ...(description ? { description } : {}),
  });
}
