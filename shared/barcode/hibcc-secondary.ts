import { scanError } from './error-codes';
import { yyyymmddToIso } from './gs1-date';
import { HIBCC_DATE_FORMATS, hibccDateToIso, hibccHour, type HibccDateFormat } from './hibcc-date';
import type { ScanError } from './types';

/** What an HIBCC secondary (lot, serial, dates, quantity) and its supplements carry. */
export interface HibccSecondaryData {
  lot?: string;
  serial?: string;
  expiry?: string;
  expiryRaw?: string;
  /** `HH:00` from a `$$4` (YYMMDDHH) or `$$6` (YYJJJHH) expiry. */
  expiryTime?: string;
  productionDate?: string;
  quantity?: number;
}

export type HibccSecondaryParse =
  { ok: true; data: HibccSecondaryData } | { ok: false; error: ScanError };

const LOT_OR_SERIAL = /^[A-Z0-9\-.]{1,18}$/;
const SUPPLEMENT = /^(S|Q|16D|14D)/;
/** After `$$`, `8` announces a 2-digit quantity and `9` a 5-digit one. */
const QUANTITY_DIGITS: Readonly<Record<string, number>> = { '8': 2, '9': 5 };

/**
 * Reads secondary data with the check and link characters already taken off: `$lot`,
 * `$$[8qq|9qqqqq]<date format digit><date>lot`, `$+serial`, `$$+…serial`, or the old `YYJJJlot`,
 * then `/S`, `/16D`, `/14D`, `/Q` supplements. `offset` is where `data` starts in the scan, so
 * that error positions point into the scan.
 */
export function parseHibccSecondary(data: string, offset: number): HibccSecondaryParse {
  const result: HibccSecondaryData = {};
  const parts = data.split('/');
  let at = offset;
  const first = parts[0] ?? '';
  if (!SUPPLEMENT.test(first)) {
    const error = readMain(first, at, result);
    if (error) return { ok: false, error };
    parts.shift();
    at += first.length + 1;
  }
  for (const part of parts) {
    const error = readSupplement(part, at, result);
    if (error) return { ok: false, error };
    at += part.length + 1;
  }
  return { ok: true, data: result };
}

function malformed(detail: string, position: number): ScanError {
  return scanError('HIBCC_MALFORMED', { detail }, position);
}

function readSupplement(
  part: string,
  at: number,
  result: HibccSecondaryData,
): ScanError | undefined {
  let key: 'serial' | 'quantity' | 'productionDate' | 'expiry';
  let value: string | number;
  if (part.startsWith('S')) {
    key = 'serial';
    value = part.slice(1);
    if (!LOT_OR_SERIAL.test(value)) {
      return malformed('the /S serial number is empty or invalid', at);
    }
  } else if (part.startsWith('Q')) {
    key = 'quantity';
    if (!/^\d{1,8}$/.test(part.slice(1))) return malformed('the /Q quantity is not a number', at);
    value = Number(part.slice(1));
  } else if (part.startsWith('16D') || part.startsWith('14D')) {
    key = part.startsWith('16D') ? 'productionDate' : 'expiry';
    const raw = part.slice(3);
    const iso = yyyymmddToIso(raw);
    if (iso === undefined) {
      return scanError('HIBCC_BAD_DATE', { value: raw, format: 'YYYYMMDD' }, at + 3);
    }
    value = iso;
    if (key === 'expiry') result.expiryRaw ??= raw;
  } else {
    const shown = part.slice(0, 4);
    return malformed(`"/${shown}" is not a supplemental field (/S, /Q, /14D, /16D)`, at);
  }
  if (result[key] !== undefined && result[key] !== value) {
    return malformed(`it carries two different values for the ${key}`, at);
  }
  Object.assign(result, { [key]: value });
  return undefined;
}

function readMain(text: string, offset: number, result: HibccSecondaryData): ScanError | undefined {
  let at = 0;
  const takeDate = (format: HibccDateFormat): ScanError | undefined => {
    const raw = text.slice(at, at + format.length);
    const iso = hibccDateToIso(format, raw);
    if (iso === undefined) return scanError('HIBCC_BAD_DATE', { value: raw, format }, offset + at);
    result.expiry = iso;
    result.expiryRaw = raw;
    const hour = hibccHour(format, raw);
    if (hour !== undefined) result.expiryTime = hour;
    at += format.length;
    return undefined;
  };
  const isSerial = text.startsWith('$+') || text.startsWith('$$+');
  if (text.startsWith('$$')) {
    at = isSerial ? 3 : 2;
    const quantityDigits = QUANTITY_DIGITS[text.charAt(at)];
    if (quantityDigits !== undefined) {
      const quantity = text.slice(at + 1, at + 1 + quantityDigits);
      if (!new RegExp(`^\\d{${quantityDigits}}$`).test(quantity)) {
        const detail = `the quantity after "${text.charAt(at)}" needs ${quantityDigits} digits`;
        return malformed(detail, offset + at);
      }
      result.quantity = Number(quantity);
      at += 1 + quantityDigits;
    }
    const formatDigit = text.charAt(at);
    let error: ScanError | undefined;
    if (formatDigit === '7') at += 1;
    // MMYY has no digit of its own: the month's first digit (0 or 1) announces it.
    else if (formatDigit === '0' || formatDigit === '1') error = takeDate('MMYY');
    else if (formatDigit in HIBCC_DATE_FORMATS) {
      at += 1;
      error = takeDate(HIBCC_DATE_FORMATS[formatDigit as keyof typeof HIBCC_DATE_FORMATS]);
    } else {
      const detail = `"${formatDigit || 'nothing'}" after $$ is not a date format digit (0–7)`;
      return malformed(detail, offset + at);
    }
    if (error) return error;
    // A quantity or date line may carry no lot or serial at all.
    if (at === text.length) return undefined;
  } else if (text.startsWith('$')) {
    at = isSerial ? 2 : 1;
  } else if (/^\d{5}/.test(text)) {
    // The format from before `$`: a 5-digit YYJJJ date, then the lot.
    const error = takeDate('YYJJJ');
    if (error) return error;
  } else {
    return malformed('the secondary data must start with "$" or a 5-digit date', offset);
  }
  const rest = text.slice(at);
  if (!LOT_OR_SERIAL.test(rest)) {
    const what = isSerial ? 'serial number' : 'lot';
    return malformed(
      `the ${what} "${rest}" must be 1 to 18 letters, digits, "-" or "."`,
      offset + at,
    );
  }
  if (isSerial) result.serial = rest;
  else result.lot = rest;
  return undefined;
}
