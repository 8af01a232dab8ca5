import Type from 'typebox';

/**
 * Building blocks shared by every document schema. Constraints live here once so the RxDB schema
 * (Dexie needs maxLength on indexed strings), the server validators and the OpenAPI document agree.
 */

export const Id = (description = 'Identifier') =>
  Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$', description });

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
export const LotCode = Type.String({
  maxLength: 20,
  description: 'Lot code as printed; empty when none',
});

export const Serial = Type.String({ minLength: 1, maxLength: 20, description: 'Serial number' });

export const Text = (maxLength: number, description: string) =>
  Type.String({ maxLength, description });

export const Name = (description = 'Name') =>
  Type.String({ minLength: 1, maxLength: 200, description });

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
