import { dayOfYear, formatIsoDate, parseIsoDate, type CalendarDate } from './calendar';
import { hibccCheckCharacter } from './hibcc-check';
import { HIBCC_DATE_FORMATS, type HibccDateFormat } from './hibcc-date';

/**
 * HIBCC encoders for labels and tests. Input is the program's own data, so anything HIBCC cannot
 * carry throws a RangeError rather than producing a label no scanner would accept.
 */

export interface HibccPrimaryFields {
  lic: string;
  product: string;
  unitOfMeasure: number;
}

export interface HibccSecondaryFields {
  lot?: string;
  serial?: string;
  quantity?: number;
  /** The expiry in the secondary's own date field, in one of the six formats. */
  expiry?: { date: string; format: HibccDateFormat; hour?: number };
  /** Supplemental `/16D` manufacture date, YYYY-MM-DD. */
  manufactureDate?: string;
  /** Supplemental `/14D` expiry, YYYY-MM-DD (newer labels carry it instead of a `$$` date). */
  supplementalExpiry?: string;
}

const LOT_OR_SERIAL = /^[A-Z0-9\-.]{1,18}$/;

export function encodeHibccPrimary(fields: HibccPrimaryFields): string {
  const data = `+${primaryData(fields)}`;
  return `${data}${hibccCheckCharacter(data)}`;
}

/** A secondary symbol on its own: `link` is the check character of its primary symbol. */
export function encodeHibccSecondary(fields: HibccSecondaryFields, link: string): string {
  const data = secondaryData(fields);
  if (!data.startsWith('$'))
    throw new RangeError('HIBCC_MALFORMED: a secondary needs a lot, serial, quantity or expiry');
  const withLink = `+${data}${link}`;
  return `${withLink}${hibccCheckCharacter(withLink)}`;
}

/** Primary and secondary in one symbol: `+PRIMARY/SECONDARY` and one check character. */
export function encodeHibccConcatenated(
  primary: HibccPrimaryFields,
  secondary: HibccSecondaryFields,
): string {
  const secondaryPart = secondaryData(secondary);
  const data = `+${primaryData(primary)}${secondaryPart === '' ? '' : `/${secondaryPart}`}`;
  return `${data}${hibccCheckCharacter(data)}`;
}

function primaryData({ lic, product, unitOfMeasure }: HibccPrimaryFields): string {
  if (!/^[A-Z][A-Z0-9]{3}$/.test(lic)) throw new RangeError(`HIBCC_BAD_LIC: "${lic}"`);
  if (!/^[A-Z0-9]{1,18}$/.test(product))
    throw new RangeError(`HIBCC_MALFORMED: product "${product}"`);
  if (!Number.isInteger(unitOfMeasure) || unitOfMeasure < 0 || unitOfMeasure > 9) {
    throw new RangeError(`HIBCC_MALFORMED: unit of measure ${unitOfMeasure}`);
  }
  return `${lic}${product}${unitOfMeasure}`;
}

function secondaryData(fields: HibccSecondaryFields): string {
  const { lot, serial, quantity, expiry } = fields;
  for (const code of [lot, serial]) {
    if (code !== undefined && !LOT_OR_SERIAL.test(code))
      throw new RangeError(`HIBCC_MALFORMED: lot/serial "${code}"`);
  }
  // The main segment carries the lot, or the serial when there is no lot; a serial next to a lot
  // goes into the /S supplement.
  const mainCode = lot ?? serial ?? '';
  const serialMarker = lot === undefined && serial !== undefined ? '+' : '';
  const parts: string[] = [];
  if (quantity !== undefined || expiry !== undefined) {
    parts.push(`$$${serialMarker}${quantityPart(quantity)}${expiryPart(expiry)}${mainCode}`);
  } else if (mainCode !== '') {
    parts.push(`$${serialMarker}${mainCode}`);
  }
  if (lot !== undefined && serial !== undefined) parts.push(`S${serial}`);
  if (fields.manufactureDate !== undefined) parts.push(`16D${yyyymmdd(fields.manufactureDate)}`);
  if (fields.supplementalExpiry !== undefined)
    parts.push(`14D${yyyymmdd(fields.supplementalExpiry)}`);
  return parts.join('/');
}

function quantityPart(quantity: number | undefined): string {
  if (quantity === undefined) return '';
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > 99_999) {
    throw new RangeError(`HIBCC_MALFORMED: quantity ${quantity} does not fit 5 digits`);
  }
  return quantity < 100
    ? `8${String(quantity).padStart(2, '0')}`
    : `9${String(quantity).padStart(5, '0')}`;
}

function expiryPart(expiry: HibccSecondaryFields['expiry']): string {
  if (expiry === undefined) return '7';
  const date = isoDate(expiry.date);
  if (date.year < 2000 || date.year > 2099)
    throw new RangeError(`HIBCC_BAD_DATE: ${expiry.date} is outside 2000–2099`);
  const hour = expiry.hour ?? 0;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    throw new RangeError(`HIBCC_BAD_DATE: hour ${hour}`);
  const two = (n: number) => String(n).padStart(2, '0');
  const pieces: Record<string, string> = {
    YY: two(date.year % 100),
    MM: two(date.month),
    DD: two(date.day),
    HH: two(hour),
    JJJ: String(dayOfYear(date)).padStart(3, '0'),
  };
  const text = expiry.format.replace(/YY|MM|DD|HH|JJJ/g, (piece) => pieces[piece] ?? '');
  const digit = Object.entries(HIBCC_DATE_FORMATS).find(
    ([, format]) => format === expiry.format,
  )?.[0];
  // MMYY is announced by its own first digit; the others by their format digit.
  return expiry.format === 'MMYY' ? text : `${digit ?? ''}${text}`;
}

function isoDate(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (!date) throw new RangeError(`HIBCC_BAD_DATE: "${text}" is not a YYYY-MM-DD date`);
  return date;
}

function yyyymmdd(text: string): string {
  return formatIsoDate(isoDate(text)).replaceAll('-', '');
}
