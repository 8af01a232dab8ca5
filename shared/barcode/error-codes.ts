import type { ScanError, ScanWarning } from './types';

/**
 * Every code a scan can be refused or flagged with, and the message the person at the scanner sees.
 * Codes are stable: the UI, the logs and support scripts match on them, so never rename one. The
 * messages say what to do next; `{name}` placeholders are filled from the details of the scan.
 */
/**
 * Where every separator fault sends the person: the screen that shows what the scanner sent, with
 * a test label. Each such message first says what happened, then this.
 */
export const SCANNER_SET_UP_ADVICE =
  'Open Scanner set-up and scan its test label to see what the scanner sends: set it to send GS (Ctrl+]) or a stand-in the app replaces, such as <GS>; then rescan.';

export const ERROR_MESSAGES = {
  EMPTY: 'Nothing was scanned. Scan the barcode again.',
  BAD_OPTIONS:
    'The app passed "{today}" as today\'s date, which is not a YYYY-MM-DD date. Report this to support.',
  INTERNAL_ERROR:
    'The barcode could not be read because of a fault in the app. Enter the item by hand and report this barcode to support.',
  UNKNOWN_FORMAT:
    'This barcode is not one the app reads (GS1, HIBCC, ISBT 128, GTIN/UPC or GS1 Digital Link). Scan another barcode on the package, or enter the item by hand.',
  ISBT128_BAD_CHARACTER:
    'The ISBT 128 barcode contains {char}, which ISBT 128 never uses. If letters arrived in lower case, turn Caps Lock off; then rescan.',
  ISBT128_UNKNOWN_STRUCTURE:
    'The ISBT 128 barcode holds a data structure starting "{text}" that this app does not read (it reads the product code =/, donation number =, product divisions =,, expiry =>, production date =}, MPHO lot &,1 and the compound header =+). A blood component label belongs in the blood bank system; otherwise scan another barcode on the package, or enter the item by hand.',
  ISBT128_TOO_SHORT:
    'The ISBT 128 {title} ({id}) needs {expected} characters and has {actual}. Rescan; if it fails again, the label is damaged: enter the item by hand.',
  ISBT128_BAD_VALUE:
    'The ISBT 128 {title} ({id}) holds "{value}"; it must be {shape}. Rescan; if it fails again, enter the item by hand.',
  ISBT128_BAD_DATE:
    'The ISBT 128 {title} ({id}) holds "{value}": day {day} of {year} does not exist ({year} has days 001 to {daysInYear}). Check the date on the label and enter it by hand.',
  ISBT128_CHECK_CHARACTER:
    'The donation identification number {din} fails its check: its flags carry check character "{found}", the number needs "{expected}". Rescan; if it fails again, the label is misprinted or damaged: enter the item by hand.',
  ISBT128_DUPLICATE:
    'The barcode holds the ISBT 128 {title} ({id}) twice with different values ("{first}" and "{second}"). The label contradicts itself: enter the item by hand and report the label.',
  ISBT128_COMPOUND_MISPLACED:
    'The ISBT 128 compound message header {header} must come first in the symbol, and only once. Rescan; if it fails again, enter the item by hand and report the label.',
  ISBT128_COMPOUND_COUNT:
    'The ISBT 128 compound message header {header} announces {expected} data structures, but {actual} follow. Rescan the whole 2-D symbol; if it fails again, enter the item by hand.',

  GS1_UNKNOWN_AI:
    'The barcode holds a field this app does not know, starting "{text}". Rescan; if it fails again, enter the item by hand.',
  GS1_FIELD_TOO_SHORT:
    '({ai}) {title} is too short: it needs {expected} and has {actual}. Rescan; if it fails again, the label is damaged: enter the item by hand.',
  GS1_FIELD_TOO_LONG: `({ai}) {title} is longer than its {max}-character limit: the scanner probably dropped the GS separator (FNC1) after it. ${SCANNER_SET_UP_ADVICE}`,
  GS1_VALUE_TOO_LONG:
    '({ai}) {title} is longer than its {max}-character limit. Check the text that was typed or pasted, or scan another barcode on the package.',
  GS1_BAD_CHARSET:
    '({ai}) {title} contains {char}, which is not allowed there ({allowed}). Rescan; if it fails again, enter the item by hand.',
  GS1_CHECK_DIGIT:
    'The check digit of ({ai}) {title} is wrong: {value} should end in {expected}. Rescan; if it fails again, the label is misprinted or damaged: enter the item by hand.',
  GS1_BAD_DATE:
    '({ai}) {title} holds "{value}", which is not a valid date or time. Check the date on the label and enter it by hand.',
  GS1_DUPLICATE_AI:
    'The barcode holds ({ai}) {title} twice with different values ("{first}" and "{second}"). The label contradicts itself: enter the item by hand and report the label.',
  GS1_LEFTOVER_DATA: `There is unreadable data after the last complete field: "{text}": the scanner probably dropped or mis-sent a GS separator (FNC1), or adds a suffix. ${SCANNER_SET_UP_ADVICE}`,
  GS1_SEPARATOR_MISPLACED: `A GS separator (FNC1) arrived where a field should start: the scanner sent one too many. ${SCANNER_SET_UP_ADVICE}`,
  GS1_SEPARATOR_STAND_IN: `The scanner sent "{standIn}" where a GS separator (FNC1) belongs{where}. ${SCANNER_SET_UP_ADVICE} Or add "{standIn}" to the stand-ins for GS there.`,
  GS1_HR_MALFORMED:
    'The text is not in the (AI)value form, e.g. (01)09504000059101(17)290331: {detail}. Check what was typed or pasted.',

  DL_BAD_URI:
    'This GS1 Digital Link web address is malformed: {detail}. Scan another barcode on the package, or enter the item by hand.',
  DL_GTIN13_IN_PATH:
    'The Digital Link carries a 13-digit GTIN ({value}); GS1 requires all 14 digits there. The label does not conform: scan another barcode on the package, or enter the item by hand.',
  DL_EMPTY_VALUE:
    'The Digital Link has an empty value for ({ai}). The label does not conform: scan another barcode on the package, or enter the item by hand.',
  DL_TRAILING_SLASH:
    'The Digital Link address ends in "/", which GS1 does not allow. The label does not conform: scan another barcode on the package, or enter the item by hand.',
  DL_BAD_ORDER:
    'In the Digital Link path, ({ai}) is out of place: after ({key}) only {allowed} may follow, in that order. The label does not conform: scan another barcode on the package, or enter the item by hand.',

  GTIN_BAD_LENGTH:
    'A GTIN/UPC has 8, 12, 13 or 14 digits; this barcode has "{value}". Rescan; if it fails again, enter the item by hand.',
  GTIN_CHECK_DIGIT:
    'The check digit of this GTIN/UPC is wrong: {value} should end in {expected}. Rescan; if it fails again, enter the item by hand.',

  HIBCC_BAD_CHARACTER:
    'The HIBCC barcode contains {char}, which HIBCC never uses. If letters arrived in lower case, turn Caps Lock off; then rescan.',
  HIBCC_CHECK_CHARACTER:
    'The HIBCC check character is wrong (found "{found}", expected "{expected}"). Rescan; if it fails again, the label is damaged: enter the item by hand.',
  HIBCC_LINK_MISMATCH:
    'This lot/expiry barcode belongs to another product: its link "{link}" does not match the product barcode\'s check character "{check}". Scan both barcodes from the same label.',
  HIBCC_BAD_LIC:
    'The HIBCC labeler code "{lic}" is invalid: it must be 4 letters or digits, the first a letter. Rescan; if it fails again, enter the item by hand.',
  HIBCC_BAD_DATE:
    'The HIBCC date "{value}" ({format}) is not a valid date. Check the date on the label and enter it by hand.',
  HIBCC_MALFORMED:
    'The HIBCC barcode is malformed: {detail}. Rescan; if it fails again, enter the item by hand.',
} as const;

export const WARNING_MESSAGES = {
  GS1_MISSING_ASSOCIATION:
    '({ai}) {title} should come with {required}, which the scan does not carry. Check the item before you accept it.',
  GS1_INVALID_PAIR:
    '({ai}) {title} must not appear together with ({other}). Check the label before you accept the item.',
  GS1_REPEATED_AI: '({ai}) {title} appears twice with the same value; it was read once.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Refusals caused by how the scanner sends GS (FNC1): each one's message ends in the advice above. */
const SEPARATOR_FAULTS: ReadonlySet<string> = new Set<ErrorCode>([
  'GS1_FIELD_TOO_LONG',
  'GS1_LEFTOVER_DATA',
  'GS1_SEPARATOR_MISPLACED',
  'GS1_SEPARATOR_STAND_IN',
]);

/** Whether a refusal's code is a separator fault, whose fix is on the Scanner set-up screen. */
export function isSeparatorFault(code: string): boolean {
  return SEPARATOR_FAULTS.has(code);
}
export type WarningCode = keyof typeof WARNING_MESSAGES;
export type MessageParams = Readonly<Record<string, string | number>>;

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function scanError(
  code: ErrorCode,
  params: MessageParams = {},
  position?: number,
): ScanError {
  return {
    code,
    message: fill(ERROR_MESSAGES[code], params),
    ...(position === undefined ? {} : { position }),
  };
}

export function scanWarning(code: WarningCode, params: MessageParams = {}): ScanWarning {
  return { code, message: fill(WARNING_MESSAGES[code], params) };
}

/** A character as the person at the scanner can read it, invisible ones included. */
export function describeCharacter(char: string): string {
  if (char === '\u001d') return 'a GS separator';
  if (char === ' ') return 'a space';
  const code = char.codePointAt(0) ?? 0;
  const invisible = code < 0x20 || (code >= 0x7f && code < 0xa0);
  const loneSurrogate = code >= 0xd800 && code <= 0xdfff;
  if (invisible || loneSurrogate) {
    return `the character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `"${char}"`;
}
