import { hibccCheckCharacter } from '../../shared/barcode/hibcc-check';

const GS = '\u001d';

/** A label printed to check a scanner's set-up, with exactly what a well-set scanner sends for it. */
export interface ScannerTestLabel {
  id: string;
  title: string;
  /** What it checks, in a sentence. */
  checks: string;
  /** bwip-js symbology and its input. */
  bcid: 'gs1-128' | 'gs1datamatrix' | 'hibccode128' | 'qrcode';
  text: string;
  /** What the scanner should send (GS as U+001D; no AIM identifier, no suffix). */
  expected: string;
}

const HIBCC = '+A123PROD1231/$$3291231ABC123';

export const SCANNER_TEST_LABELS: readonly ScannerTestLabel[] = [
  {
    id: 'gs1-128-separator',
    title: 'GS1-128, separator after a variable field',
    checks:
      'The lot ABC123 is followed by a serial, so the scanner must send GS after the lot. A scanner that drops it sends the serial inside the lot.',
    bcid: 'gs1-128',
    text: '(01)09504000059101(10)ABC123(21)S42',
    expected: `010950400005910110ABC123${GS}21S42`,
  },
  {
    id: 'gs1-datamatrix',
    title: 'GS1 DataMatrix',
    checks:
      'GTIN, expiry and lot in a 2-D symbol: the scanner must read DataMatrix and send FNC1 as GS.',
    bcid: 'gs1datamatrix',
    text: '(01)09504000059101(17)291231(10)ABC123(21)S42',
    expected: `01095040000591011729123110ABC123${GS}21S42`,
  },
  {
    id: 'hibcc',
    title: 'HIBCC in Code 128',
    checks: 'An HIBCC concatenated label: the scanner must send the + and the check character.',
    bcid: 'hibccode128',
    text: HIBCC.slice(1),
    expected: HIBCC + hibccCheckCharacter(HIBCC),
  },
  {
    id: 'digital-link',
    title: 'GS1 Digital Link QR',
    checks:
      'A web address carrying GTIN, lot and expiry: the scanner must send the address unchanged.',
    bcid: 'qrcode',
    text: 'https://id.gs1.org/01/09504000059101/10/ABC123?17=291231',
    expected: 'https://id.gs1.org/01/09504000059101/10/ABC123?17=291231',
  },
];

export type TestLabelVerdict =
  | { kind: 'match'; label: ScannerTestLabel }
  | { kind: 'dropped-separator'; label: ScannerTestLabel }
  /** Every GS arrived as the same other text (`^]`, `@`, a stand-in this PC does not replace). */
  | { kind: 'stand-in-separator'; label: ScannerTestLabel; standIn: string }
  | { kind: 'different'; label: ScannerTestLabel }
  | undefined;

/** An AIM identifier, and the leading FNC1 of a GS1 2-D symbol, are not faults. */
function withoutAim(text: string): string {
  const bare = text.replace(/^\][A-Za-z][0-9A-Za-z]/, '');
  return bare.startsWith(GS) ? bare.slice(1) : bare;
}

/**
 * Which test label a scan was, and whether the scanner sent it as it should. A scan that is the
 * expected text with every GS removed is the classic fault: the scanner is not sending FNC1.
 */
export function judgeTestScan(text: string): TestLabelVerdict {
  const sent = withoutAim(text);
  for (const label of SCANNER_TEST_LABELS) {
    if (sent === label.expected) return { kind: 'match', label };
    if (label.expected.includes(GS) && sent === label.expected.replaceAll(GS, '')) {
      return { kind: 'dropped-separator', label };
    }
    const standIn = sentInsteadOfGs(label.expected, sent);
    if (standIn !== undefined) return { kind: 'stand-in-separator', label, standIn };
  }
  const near = SCANNER_TEST_LABELS.find((l) => sent.includes(l.expected.slice(0, 16)));
  return near ? { kind: 'different', label: near } : undefined;
}

/** The one text that stands for every GS of `expected` in `sent`, when there is such a text. */
function sentInsteadOfGs(expected: string, sent: string): string | undefined {
  const parts = expected.split(GS);
  const [first, ...rest] = parts;
  if (first === undefined || rest.length === 0 || !sent.startsWith(first)) return undefined;
  const gaps = rest.length;
  const standInLength = (sent.length - expected.replaceAll(GS, '').length) / gaps;
  if (!Number.isInteger(standInLength) || standInLength < 1) return undefined;
  const standIn = sent.slice(first.length, first.length + standInLength);
  return parts.join(standIn) === sent ? standIn : undefined;
}
