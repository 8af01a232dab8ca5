import {
  encodeDigitalLink,
  encodeGs1ElementString,
  encodeGs1HumanReadable,
  encodeHibccConcatenated,
  gtinCheckDigit,
  type Gs1FieldInput,
  type HibccDateFormat,
} from '../../../shared/barcode';
import { createPrng, type Prng } from '../lib/prng';

/**
 * What a hospital stockroom's scanners send, built from our own encoders with a seeded generator:
 * GS1 DataMatrix and GS1-128 with their AIM identifiers, the leading GS that camera decoders report,
 * printed human-readable text, plain EAN-13, Digital Link URIs, HIBCC, and a few damaged scans
 * (a misread check digit, a date that does not exist) as a worn label or a bad read gives them.
 */

export type ScanKind =
  | 'gs1-datamatrix'
  | 'gs1-128'
  | 'gs1-camera-fnc1'
  | 'gs1-qr'
  | 'gs1-human-readable'
  | 'plain-ean13'
  | 'digital-link'
  | 'hibcc'
  | 'damaged-check-digit'
  | 'damaged-date';

export interface CorpusScan {
  kind: ScanKind;
  raw: string;
}

const GS = '\u001d';
const LOT_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const HIBCC_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

const MIX: readonly (readonly [ScanKind, number])[] = [
  ['gs1-datamatrix', 30],
  ['gs1-128', 14],
  ['gs1-camera-fnc1', 10],
  ['gs1-qr', 3],
  ['gs1-human-readable', 10],
  ['plain-ean13', 10],
  ['digital-link', 7],
  ['hibcc', 10],
  ['damaged-check-digit', 3],
  ['damaged-date', 3],
];

function gtin14(prng: Prng): string {
  const body = `0${prng.pick(['0', '3', '4', '5', '7', '8'])}${prng.digits(11)}`;
  return `${body}${gtinCheckDigit(body)}`;
}

function yymmdd(prng: Prng, dayZero: boolean): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const month = prng.int(1, 12);
  const day = dayZero ? 0 : prng.int(1, 28);
  return `${two(prng.int(24, 35))}${two(month)}${two(day)}`;
}

/** The fields of a medical-device label: GTIN first, then expiry, lot, serial and the rarer ones. */
function gs1Fields(prng: Prng): Gs1FieldInput[] {
  const rest: Gs1FieldInput[] = [];
  if (prng.chance(0.9)) rest.push({ ai: '17', value: yymmdd(prng, prng.chance(0.1)) });
  if (prng.chance(0.85)) rest.push({ ai: '10', value: prng.text(LOT_ALPHABET, 3, 20) });
  if (prng.chance(0.25)) rest.push({ ai: '21', value: prng.text(LOT_ALPHABET, 6, 20) });
  if (prng.chance(0.15)) rest.push({ ai: '11', value: yymmdd(prng, false) });
  if (prng.chance(0.05)) rest.push({ ai: '15', value: yymmdd(prng, false) });
  if (prng.chance(0.1)) rest.push({ ai: '30', value: String(prng.int(1, 500)) });
  // Labels differ in field order; a variable-length field that is not last needs its GS.
  for (let i = rest.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return [{ ai: '01', value: gtin14(prng) }, ...rest];
}

function hibcc(prng: Prng): string {
  const format = prng.pick<HibccDateFormat>(['MMYY', 'MMDDYY', 'YYMMDD', 'YYJJJ']);
  const day = String(prng.int(1, 28)).padStart(2, '0');
  const month = String(prng.int(1, 12)).padStart(2, '0');
  return encodeHibccConcatenated(
    {
      lic: `${prng.text('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1, 1)}${prng.text(HIBCC_ALPHABET, 3, 3)}`,
      product: prng.text(HIBCC_ALPHABET, 4, 12),
      unitOfMeasure: prng.int(0, 9),
    },
    {
      lot: prng.text(LOT_ALPHABET, 4, 12),
      expiry: { date: `20${prng.int(26, 35)}-${month}-${day}`, format },
    },
  );
}

function damagedCheckDigit(prng: Prng): string {
  const fields = gs1Fields(prng);
  const gtin = fields[0]!.value;
  const wrong = (Number(gtin.slice(-1)) + prng.int(1, 9)) % 10;
  return `]d2${encodeGs1ElementString(fields).replace(gtin, `${gtin.slice(0, -1)}${wrong}`)}`;
}

function damagedDate(prng: Prng): string {
  const gtin = gtin14(prng);
  const impossible = prng.pick(['260230', '271331', '250431', '290229']);
  return `]d201${gtin}17${impossible}10${prng.text(LOT_ALPHABET, 4, 10)}`;
}

export function buildScanCorpus(count: number, seed = 20261123): CorpusScan[] {
  const prng = createPrng(seed);
  const scans: CorpusScan[] = [];
  for (let i = 0; i < count; i++) {
    const kind = prng.weighted(MIX);
    scans.push({ kind, raw: scanOf(kind, prng) });
  }
  return scans;
}

function scanOf(kind: ScanKind, prng: Prng): string {
  switch (kind) {
    case 'gs1-datamatrix':
      return `]d2${encodeGs1ElementString(gs1Fields(prng))}`;
    case 'gs1-128':
      return `]C1${encodeGs1ElementString(gs1Fields(prng))}`;
    case 'gs1-camera-fnc1':
      return `${GS}${encodeGs1ElementString(gs1Fields(prng))}`;
    case 'gs1-qr':
      return `]Q3${encodeGs1ElementString(gs1Fields(prng))}`;
    case 'gs1-human-readable':
      return encodeGs1HumanReadable(gs1Fields(prng));
    case 'plain-ean13':
      return gtin14(prng).slice(1);
    case 'digital-link':
      return encodeDigitalLink('https://id.example-supplier.com', gs1Fields(prng));
    case 'hibcc':
      return hibcc(prng);
    case 'damaged-check-digit':
      return damagedCheckDigit(prng);
    case 'damaged-date':
      return damagedDate(prng);
  }
}
