import { hibccCheckCharacter } from '../../shared/barcode/hibcc-check';
import { isoDateFromDays, parseIsoDate } from '../../shared/inventory/calendar';
import { DEMO_ITEMS, DEMO_LOTS, type DemoLot } from './demo-catalogue';

const GS = '\u001d';

export function addDays(today: string, days: number): string {
  const day = parseIsoDate(today);
  if (day === undefined) throw new RangeError(`not a date: ${today}`);
  return isoDateFromDays(day + days);
}

/** YYMMDD as GS1 AI 17 carries it. */
function gs1Date(iso: string): string {
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

/**
 * What a wedge scanner types for a demo lot's label: a GS1 element string (GTIN, expiry, lot, GS
 * after the variable-length lot) or an HIBCC concatenated label with a YYMMDD expiry.
 */
export function demoLabel(lot: DemoLot, today: string): string {
  const item = DEMO_ITEMS.find((i) => i.id === lot.itemId);
  if (!item) throw new RangeError(`unknown demo item ${lot.itemId}`);
  const expiry = addDays(today, lot.expiresInDays);
  const gtin = item.gtins[0];
  if (gtin) {
    const serial = lot.serial ? `${GS}21${lot.serial}` : '';
    return `01${gtin}17${gs1Date(expiry)}10${lot.lotCode}${serial}`;
  }
  const code = item.hibccCodes[0];
  if (!code) throw new RangeError(`demo item ${item.id} has no barcode`);
  const data = `+${code}/$$3${gs1Date(expiry)}${lot.lotCode}`;
  return data + hibccCheckCharacter(data);
}

export function demoLabels(today: string): { lot: DemoLot; scan: string }[] {
  return DEMO_LOTS.map((lot) => ({ lot, scan: demoLabel(lot, today) }));
}
