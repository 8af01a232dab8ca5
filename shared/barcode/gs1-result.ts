import { scanError, scanWarning } from './error-codes';
import { gs1Ai } from './gs1-ai';
import { associationWarnings } from './gs1-associations';
import { gs1DateToIso } from './gs1-date';
import type { Gs1Field } from './gs1-field';
import type { ScanForm, ScanResult, ScanSuccess, ScanWarning } from './types';

/**
 * Turns validated GS1 fields into what the stockroom needs: item, lot, serial, dates, quantity.
 * Everything else stays available, raw, in `ai`.
 */
export function gs1ScanResult(
  fields: readonly Gs1Field[],
  form: ScanForm,
  symbology: string | undefined,
  todayYear: number,
): ScanResult {
  const ai: Record<string, string> = {};
  const scanned: string[] = [];
  let warnings: ScanWarning[] | undefined;
  // The values the result names, first occurrence of each (a repeat is the same value or refused).
  let sscc: string | undefined;
  let gtin01: string | undefined;
  let gtin02: string | undefined;
  let gtin03: string | undefined;
  let lot: string | undefined;
  let production: string | undefined;
  let bestBeforeRaw: string | undefined;
  let expiry17: string | undefined;
  let serial: string | undefined;
  let count30: string | undefined;
  let count37: string | undefined;
  let expiry7003: string | undefined;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as Gs1Field;
    const earlier = firstValue(fields, i, field.ai);
    if (earlier === undefined) {
      ai[field.ai] = field.value;
      scanned.push(field.ai);
      const { value } = field;
      switch (field.ai) {
        case '00':
          sscc = value;
          break;
        case '01':
          gtin01 = value;
          break;
        case '02':
          gtin02 = value;
          break;
        case '03':
          gtin03 = value;
          break;
        case '10':
          lot = value;
          break;
        case '11':
          production = value;
          break;
        case '15':
          bestBeforeRaw = value;
          break;
        case '17':
          expiry17 = value;
          break;
        case '21':
          serial = value;
          break;
        case '30':
          count30 = value;
          break;
        case '37':
          count37 = value;
          break;
        case '7003':
          expiry7003 = value;
          break;
      }
    } else if (earlier === field.value) {
      const title = gs1Ai(field.ai)?.title ?? '';
      (warnings ??= []).push(scanWarning('GS1_REPEATED_AI', { ai: field.ai, title }));
    } else {
      const title = gs1Ai(field.ai)?.title ?? '';
      const params = { ai: field.ai, title, first: earlier, second: field.value };
      return {
        ok: false,
        standard: 'GS1',
        ...(symbology === undefined ? {} : { symbology }),
        error: scanError('GS1_DUPLICATE_AI', params, field.position),
      };
    }
  }
  const associations = associationWarnings(ai, scanned);
  if (warnings === undefined) warnings = associations;
  else for (const warning of associations) warnings.push(warning);

  const date = (raw: string | undefined, dayZeroAllowed = true) =>
    raw === undefined ? undefined : gs1DateToIso(raw.slice(0, 6), { todayYear, dayZeroAllowed });
  // 7003 (expiry date and time) stands in for 17 only when the label has no 17.
  const expiryRaw = expiry17 ?? expiry7003;
  const expiry = expiry17 === undefined ? date(expiry7003, false) : date(expiry17);
  const quantity = count30 ?? count37;

  // Built in place, the properties in the order the JSON shows them: a spread at the end would copy
  // an object of one of many shapes on every scan.
  const result: Partial<ScanSuccess> & Pick<ScanSuccess, 'ok' | 'standard' | 'form'> = {
    ok: true,
    standard: 'GS1',
    form,
  };
  if (symbology !== undefined) result.symbology = symbology;
  // 02 names the trade items inside a logistic unit; with 37 it says how many of that item arrived.
  const gtin = gtin01 ?? gtin03 ?? gtin02;
  if (gtin !== undefined) result.gtin = gtin;
  if (lot !== undefined) result.lot = lot;
  if (serial !== undefined) result.serial = serial;
  if (expiry !== undefined) result.expiry = expiry;
  if (expiryRaw !== undefined) result.expiryRaw = expiryRaw;
  const productionDate = date(production);
  if (productionDate !== undefined) result.productionDate = productionDate;
  const bestBefore = date(bestBeforeRaw);
  if (bestBefore !== undefined) result.bestBefore = bestBefore;
  if (quantity !== undefined) result.quantity = Number(quantity);
  if (sscc !== undefined) result.sscc = sscc;
  result.ai = ai;
  result.warnings = warnings;
  return result as ScanSuccess;
}

/** The value of the first field before `before` with AI `ai`: a scan holds a handful of fields. */
function firstValue(fields: readonly Gs1Field[], before: number, ai: string): string | undefined {
  for (let i = 0; i < before; i++) {
    const field = fields[i] as Gs1Field;
    if (field.ai === ai) return field.value;
  }
  return undefined;
}
