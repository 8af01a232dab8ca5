/**
 * The ISBT 128 data structures this app reads (ICCBBA ST-001, ISBT 128 Standard Technical
 * Specification; ST-018 for their use in UDIs). Each starts with a data identifier and has a fixed
 * length, which is why 2-D symbols concatenate them without separators.
 */

export type Isbt128StructureKey =
  'productCode' | 'din' | 'productDivisions' | 'expiry' | 'production' | 'mphoLot' | 'compound';

export interface Isbt128Structure {
  key: Isbt128StructureKey;
  /** The data identifier as printed: `=/`, `&,1`…; the DIN's is `=` alone. */
  identifier: string;
  title: string;
  /** Characters after the identifier. */
  length: number;
  pattern: RegExp;
  /** What the characters must be, for the person at the scanner. */
  shape: string;
}

/** A facility identification number: one of A–N, P–Z, 1–9, then four digits. */
const FIN = '[A-NP-Z1-9][0-9]{4}';

/**
 * Longest identifiers first: `&,1` before anything starting `&`, and every two-character `=x`
 * before the DIN, whose identifier is `=` followed by the first character of its data.
 */
export const ISBT128_STRUCTURES: readonly Isbt128Structure[] = [
  {
    key: 'mphoLot',
    identifier: '&,1',
    title: 'MPHO lot number',
    length: 18,
    pattern: /^[A-Z0-9]{18}$/,
    shape: '18 capital letters or digits',
  },
  {
    key: 'productCode',
    identifier: '=/',
    title: 'Processor product identification code',
    length: 16,
    pattern: new RegExp(`^${FIN}[A-Z0-9]{11}$`),
    shape: 'a facility number (A–N, P–Z or 1–9, then 4 digits) and 11 capital letters or digits',
  },
  {
    key: 'productDivisions',
    identifier: '=,',
    title: 'Product divisions',
    length: 6,
    pattern: /^[A-Z0-9]{6}$/,
    shape: '6 capital letters or digits',
  },
  {
    key: 'expiry',
    identifier: '=>',
    title: 'Expiration date',
    length: 6,
    pattern: /^[0-9]{6}$/,
    shape: '6 digits, cyyjjj',
  },
  {
    key: 'production',
    identifier: '=}',
    title: 'Production date',
    length: 6,
    pattern: /^[0-9]{6}$/,
    shape: '6 digits, cyyjjj',
  },
  {
    key: 'compound',
    identifier: '=+',
    title: 'Compound message header',
    length: 5,
    pattern: /^[0-9]{5}$/,
    shape: '5 digits: the number of structures (2 digits) and the message type (3 digits)',
  },
  {
    key: 'din',
    identifier: '=',
    title: 'Donation identification number',
    length: 15,
    pattern: new RegExp(`^${FIN}[0-9]{8}[0-9A-Z]{2}$`),
    shape:
      'a facility number (A–N, P–Z or 1–9, then 4 digits), a 2-digit year, a 6-digit sequence number and 2 flag characters',
  },
];

/** The structure that starts at `at`, or undefined when no structure this app reads does. */
export function isbt128StructureAt(text: string, at: number): Isbt128Structure | undefined {
  for (const structure of ISBT128_STRUCTURES) {
    if (!text.startsWith(structure.identifier, at)) continue;
    if (structure.key !== 'din') return structure;
    // Every other `=x` identifier is a structure of its own: the DIN's first character is a FIN's.
    return /[A-NP-Z1-9]/.test(text.charAt(at + 1)) ? structure : undefined;
  }
  return undefined;
}
