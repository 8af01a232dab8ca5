import {
  encodeGs1ElementString,
  encodeGs1HumanReadable,
  type Gs1FieldInput,
} from '../barcode/encode-gs1';

/** What goes on a replacement label: the unit's identity as GS1 carries it. */
export interface RelabelInput {
  /** GTIN padded to 14 digits. */
  gtin: string;
  /** '' when the unit carries no lot. */
  lotCode: string;
  /** YYYY-MM-DD, absent for an item that does not expire. */
  expiry?: string | undefined;
  serial?: string | undefined;
}

export const LABEL_SYMBOLOGIES = ['gs1-128', 'gs1-datamatrix'] as const;
export type LabelSymbology = (typeof LABEL_SYMBOLOGIES)[number];

export interface RelabelContent {
  fields: Gs1FieldInput[];
  /** The symbol's data, FNC1 written as GS. */
  elementString: string;
  /** The line printed under the symbol: `(01)…(17)…(10)…`. */
  humanReadable: string;
}

export type RelabelProblemCode =
  'LABEL_NO_GTIN' | 'LABEL_BAD_EXPIRY' | 'LABEL_BAD_LOT' | 'LABEL_BAD_SERIAL' | 'LABEL_TOO_LONG';

export type RelabelResult =
  { ok: true; content: RelabelContent } | { ok: false; code: RelabelProblemCode; message: string };

/** Data a GS1-128 symbol holds at most (GS1 General Specifications §5.4.1: 48 characters). */
export const GS1_128_MAX_DATA = 48;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function yymmdd(iso: string): string | undefined {
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day) return undefined;
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

/**
 * The content of a replacement label in AI order (01)(17)(10)(21): the fixed-length fields first,
 * so a GS is needed only between lot and serial. Refuses, in words for the person at the screen,
 * what GS1 would refuse, so nothing unreadable is ever printed.
 */
export function relabelContent(input: RelabelInput, symbology: LabelSymbology): RelabelResult {
  if (!/^\d{14}$/.test(input.gtin)) {
    return {
      ok: false,
      code: 'LABEL_NO_GTIN',
      message:
        'This item has no GTIN in the item master, so no GS1 label can be made for it. Ask the centre to add its GTIN.',
    };
  }
  const fields: Gs1FieldInput[] = [{ ai: '01', value: input.gtin }];
  if (input.expiry !== undefined && input.expiry !== '') {
    const date = yymmdd(input.expiry);
    if (!date) {
      return {
        ok: false,
        code: 'LABEL_BAD_EXPIRY',
        message: `"${input.expiry}" is not a date. Enter the expiry as it stands on the box, YYYY-MM-DD.`,
      };
    }
    fields.push({ ai: '17', value: date });
  }
  if (input.lotCode !== '') fields.push({ ai: '10', value: input.lotCode });
  if (input.serial !== undefined && input.serial !== '') {
    fields.push({ ai: '21', value: input.serial });
  }
  let elementString: string;
  try {
    elementString = encodeGs1ElementString(fields);
  } catch (error) {
    const serialBad = String(error).includes('(21)');
    return {
      ok: false,
      code: serialBad ? 'LABEL_BAD_SERIAL' : 'LABEL_BAD_LOT',
      message: serialBad
        ? `The serial "${input.serial ?? ''}" cannot go on a GS1 label: up to 20 letters, digits and GS1's punctuation (no spaces).`
        : `The lot "${input.lotCode}" cannot go on a GS1 label: up to 20 letters, digits and GS1's punctuation (no spaces).`,
    };
  }
  if (symbology === 'gs1-128' && elementString.length > GS1_128_MAX_DATA) {
    return {
      ok: false,
      code: 'LABEL_TOO_LONG',
      message: `GTIN, expiry, lot and serial together are ${elementString.length} characters, more than a GS1-128 label holds (${GS1_128_MAX_DATA}). Print a GS1 DataMatrix label instead.`,
    };
  }
  return {
    ok: true,
    content: { fields, elementString, humanReadable: encodeGs1HumanReadable(fields) },
  };
}
