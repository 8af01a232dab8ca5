import { parseIsoDate, type CalendarDate } from './calendar';
import { isAllDigits, isDigit } from './char-codes';
import { scanError } from './error-codes';
import { parseGs1DigitalLink } from './gs1-digital-link';
import { parseGs1ElementString, type Gs1FieldsParse } from './gs1-element-string';
import { parseGs1HumanReadable } from './gs1-human-readable';
import { gs1ScanResult } from './gs1-result';
import { GTIN_LENGTHS, parsePlainGtin } from './gtin';
import { parseHibcc } from './hibcc-scan';
import { parseIsbt128 } from './isbt128-scan';
import {
  DEFAULT_SEPARATORS,
  GS,
  originOf,
  readScanInput,
  replaceSeparators,
  type ScanInput,
} from './scan-input';
import { separatorStandInAt } from './separator-stand-in';
import type { BarcodeStandard, ScanError, ScanForm, ScanOptions, ScanResult } from './types';

/**
 * Reads one scan, whatever shape it arrived in, and says what it is or why it was refused.
 * Never throws: a fault in the parser itself comes back as INTERNAL_ERROR, so the scan screen
 * always has something to show.
 */
export function parseScan(raw: string, options: ScanOptions): ScanResult {
  try {
    return parse(raw, options);
  } catch {
    return { ok: false, error: scanError('INTERNAL_ERROR') };
  }
}

// A station scans all day with the same `today`: reading it once per day, not per scan.
let lastToday: { text: string; date: CalendarDate | undefined } | undefined;

function readToday(text: string): CalendarDate | undefined {
  if (lastToday?.text !== text) lastToday = { text, date: parseIsoDate(text) };
  return lastToday.date;
}

function parse(raw: string, options: ScanOptions): ScanResult {
  const today = readToday(String(options?.today));
  if (!today) {
    return { ok: false, error: scanError('BAD_OPTIONS', { today: String(options?.today) }) };
  }
  if (typeof raw !== 'string') return { ok: false, error: scanError('EMPTY') };
  const input = readScanInput(raw, options.suffixes ?? []);
  const { text, symbology } = input;
  const inRaw = (position: number) => input.offset + position;
  const refuse = (error: ScanError, standard?: BarcodeStandard): ScanResult => ({
    ok: false,
    ...(standard === undefined ? {} : { standard }),
    ...(symbology === undefined ? {} : { symbology }),
    error,
  });

  if (text === '') return refuse(scanError('EMPTY'));
  if (input.gs1Symbology || input.fnc1First) return parseGs1Text(input, options, today.year);
  if (text.startsWith('=') || text.startsWith('&')) {
    return movePosition(parseIsbt128(text, symbology), inRaw);
  }
  if (text.startsWith('+')) return movePosition(parseHibcc(text, symbology), inRaw);
  if (/^https?:\/\//i.test(text)) {
    const parsed = parseGs1DigitalLink(text, today.year);
    return gs1Outcome(parsed, 'digital-link', symbology, today.year, inRaw);
  }
  if (text.startsWith('(')) {
    const parsed = parseGs1HumanReadable(text, today.year);
    return gs1Outcome(parsed, 'human-readable', symbology, today.year, inRaw);
  }
  // Digits of a GTIN's length are a GTIN, never an element string: a misread EAN-13 must fail its
  // check digit, not turn into (12) due date + (90) internal data.
  const eanUpc = symbology?.startsWith(']E') === true;
  if (eanUpc || (GTIN_LENGTHS.includes(text.length) && isAllDigits(text))) {
    return movePosition(parsePlainGtin(text, symbology), inRaw);
  }
  // Without an identifier, digits may still be a GS1 element string from a scanner that sends none.
  if (symbology === undefined) return parseGs1Text(input, options, today.year);
  return refuse(scanError('UNKNOWN_FORMAT'));
}

function parseGs1Text(input: ScanInput, options: ScanOptions, todayYear: number): ScanResult {
  const { symbology } = input;
  if (input.text.startsWith('(')) {
    const parsed = parseGs1HumanReadable(input.text, todayYear);
    return gs1Outcome(parsed, 'human-readable', symbology, todayYear, (p) => input.offset + p);
  }
  const separated = replaceSeparators(input, options.separators ?? DEFAULT_SEPARATORS);
  const inRaw = (position: number) =>
    input.offset + originOf(separated, position, input.text.length);
  const announced = input.gs1Symbology || input.fnc1First;
  // A leading stand-in for FNC1 before a field is a scanner set up wrongly, not another format.
  const leadingStandIn = separatorStandInAt(separated.text, 0) !== undefined;
  if (!announced && !leadingStandIn && !isDigit(separated.text.charCodeAt(0))) {
    return { ok: false, error: scanError('UNKNOWN_FORMAT') };
  }
  const parsed = parseGs1ElementString(separated.text, todayYear);
  // Without an identifier, digits that fail on their first field may be any other barcode.
  const clearlyGs1 =
    announced ||
    separated.text !== input.text ||
    separated.text.includes(GS) ||
    leadingStandIn ||
    (!parsed.ok && parsed.fieldsRead > 0);
  return gs1Outcome(parsed, 'element-string', symbology, todayYear, inRaw, clearlyGs1);
}

function gs1Outcome(
  parsed: Gs1FieldsParse,
  form: ScanForm,
  symbology: string | undefined,
  todayYear: number,
  inRaw: (position: number) => number,
  clearlyGs1 = true,
): ScanResult {
  if (parsed.ok) {
    return movePosition(gs1ScanResult(parsed.fields, form, symbology, todayYear), inRaw);
  }
  const isGs1 = clearlyGs1 && parsed.error.code !== 'UNKNOWN_FORMAT';
  return movePosition(
    {
      ok: false,
      ...(isGs1 ? { standard: 'GS1' } : {}),
      ...(symbology === undefined ? {} : { symbology }),
      error: parsed.error,
    },
    inRaw,
  );
}

/** Parsers count positions in the text they were given; the caller wants them in the raw scan. */
function movePosition(result: ScanResult, inRaw: (position: number) => number): ScanResult {
  if (result.ok || result.error.position === undefined) return result;
  return { ...result, error: { ...result.error, position: inRaw(result.error.position) } };
}
