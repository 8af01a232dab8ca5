import { scanError, scanWarning } from './error-codes';
import { gs1Ai, gs1AiMatches } from './gs1-ai';
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
  const warnings: ScanWarning[] = [];
  for (const field of fields) {
    const title = gs1Ai(field.ai)?.title ?? '';
    const earlier = ai[field.ai];
    if (earlier === undefined) {
      ai[field.ai] = field.value;
    } else if (earlier === field.value) {
      warnings.push(scanWarning('GS1_REPEATED_AI', { ai: field.ai, title }));
    } else {
      const params = { ai: field.ai, title, first: earlier, second: field.value };
      return {
        ok: false,
        standard: 'GS1',
        ...(symbology === undefined ? {} : { symbology }),
        error: scanError('GS1_DUPLICATE_AI', params, field.position),
      };
    }
  }
  warnings.push(...associationWarnings(Object.keys(ai)));

  const date = (raw: string | undefined, dayZeroAllowed = true) =>
    raw === undefined ? undefined : gs1DateToIso(raw.slice(0, 6), { todayYear, dayZeroAllowed });
  // 7003 (expiry date and time) stands in for 17 only when the label has no 17.
  const expiryRaw = ai['17'] ?? ai['7003'];
  const expiry = ai['17'] === undefined ? date(ai['7003'], false) : date(ai['17']);
  const quantity = ai['30'] ?? ai['37'];

  const result: Omit<ScanSuccess, 'warnings'> = { ok: true, standard: 'GS1', form };
  if (symbology !== undefined) result.symbology = symbology;
  // 02 names the trade items inside a logistic unit; with 37 it says how many of that item arrived.
  const gtin = ai['01'] ?? ai['03'] ?? ai['02'];
  if (gtin !== undefined) result.gtin = gtin;
  if (ai['10'] !== undefined) result.lot = ai['10'];
  if (ai['21'] !== undefined) result.serial = ai['21'];
  if (expiry !== undefined) result.expiry = expiry;
  if (expiryRaw !== undefined) result.expiryRaw = expiryRaw;
  const productionDate = date(ai['11']);
  if (productionDate !== undefined) result.productionDate = productionDate;
  const bestBefore = date(ai['15']);
  if (bestBefore !== undefined) result.bestBefore = bestBefore;
  if (quantity !== undefined) result.quantity = Number(quantity);
  if (ai['00'] !== undefined) result.sscc = ai['00'];
  return { ...result, ai, warnings };
}

/** The syntax dictionary's req= and ex= rules. They flag a label to check, never refuse it. */
function associationWarnings(present: readonly string[]): ScanWarning[] {
  const warnings: ScanWarning[] = [];
  const has = (pattern: string) => present.some((ai) => gs1AiMatches(pattern, ai));
  const reportedPairs = new Set<string>();
  for (const ai of present) {
    const definition = gs1Ai(ai);
    if (!definition) continue;
    for (const alternatives of definition.requires) {
      if (alternatives.some((all) => all.every(has))) continue;
      const required = alternatives
        .map((all) => all.map((pattern) => `(${pattern})`).join(' with '))
        .join(' or ');
      warnings.push(
        scanWarning('GS1_MISSING_ASSOCIATION', { ai, title: definition.title, required }),
      );
    }
    for (const pattern of definition.excludes) {
      for (const other of present) {
        if (other === ai || !gs1AiMatches(pattern, other)) continue;
        const pair = [ai, other].sort().join('+');
        if (reportedPairs.has(pair)) continue;
        reportedPairs.add(pair);
        warnings.push(scanWarning('GS1_INVALID_PAIR', { ai, title: definition.title, other }));
      }
    }
  }
  return warnings;
}
