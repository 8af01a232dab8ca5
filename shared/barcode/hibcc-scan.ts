import { describeCharacter, scanError } from './error-codes';
import { HIBCC_CHARACTERS, hibccCheckCharacter } from './hibcc-check';
import { parseHibccSecondary } from './hibcc-secondary';
import type { HibccPrimaryInfo, ScanError, ScanForm, ScanResult, ScanSuccess } from './types';

const LIC = /^[A-Z][A-Z0-9]{3}$/;
const PRODUCT = /^[A-Z0-9]{1,18}$/;

/**
 * Reads an HIBCC symbol (`+…`, wrappers and suffixes already gone): a primary, a secondary scanned
 * on its own, or a concatenated primary/secondary. The check character is verified and taken off
 * before the data is split on `/`, because it may itself be `/`.
 */
export function parseHibcc(scanned: string, symbology: string | undefined): ScanResult {
  const fail = (error: ScanError): ScanResult => ({
    ok: false,
    standard: 'HIBCC',
    ...(symbology === undefined ? {} : { symbology }),
    error,
  });
  // A space check character is printed as `_`, so that is how people type it.
  const text = scanned.endsWith('_') ? `${scanned.slice(0, -1)} ` : scanned;
  for (let i = 0; i < text.length; i++) {
    if (!HIBCC_CHARACTERS.includes(text.charAt(i))) {
      const char = describeCharacter(String.fromCodePoint(text.codePointAt(i) ?? 0));
      return fail(scanError('HIBCC_BAD_CHARACTER', { char }, i));
    }
  }
  if (text.length < 4) return fail(scanError('HIBCC_MALFORMED', { detail: 'it is too short' }, 0));
  const found = text.slice(-1);
  const expected = hibccCheckCharacter(text.slice(0, -1));
  if (found !== expected) {
    const params = {
      found: found === ' ' ? '_' : found,
      expected: expected === ' ' ? '_' : expected,
    };
    return fail(scanError('HIBCC_CHECK_CHARACTER', params, text.length - 1));
  }
  const body = text.slice(1, -1);
  const success = (form: ScanForm, fields: Partial<ScanSuccess>): ScanSuccess => ({
    ok: true,
    standard: 'HIBCC',
    form,
    ...(symbology === undefined ? {} : { symbology }),
    ...fields,
    warnings: [],
  });

  if (/^[$0-9]/.test(body)) {
    // A secondary on its own: its last data character links it to the primary's check character.
    const link = body.slice(-1);
    const secondary = parseHibccSecondary(body.slice(0, -1), 1);
    if (!secondary.ok) return fail(secondary.error);
    return success('hibcc-secondary', { ...secondary.data, hibcc: { link } });
  }

  const slash = body.indexOf('/');
  const primaryData = slash === -1 ? body : body.slice(0, slash);
  const lic = primaryData.slice(0, 4);
  if (!LIC.test(lic)) return fail(scanError('HIBCC_BAD_LIC', { lic }, 1));
  const product = primaryData.slice(4, -1);
  const unitOfMeasure = primaryData.slice(-1);
  if (!PRODUCT.test(product) || !/^\d$/.test(unitOfMeasure)) {
    const detail =
      'after the labeler code must come a product number of 1 to 18 letters or digits and a unit-of-measure digit';
    return fail(scanError('HIBCC_MALFORMED', { detail }, 5));
  }
  const hibcc: HibccPrimaryInfo = {
    lic,
    product,
    unitOfMeasure: Number(unitOfMeasure),
    productCode: primaryData,
  };
  if (slash === -1) {
    return success('hibcc-primary', { hibcc: { ...hibcc, check: found } });
  }
  const secondary = parseHibccSecondary(body.slice(slash + 1), slash + 2);
  if (!secondary.ok) return fail(secondary.error);
  return success('hibcc-concatenated', { ...secondary.data, hibcc });
}

/**
 * Joins a primary and a separately scanned secondary. The secondary's link character must be the
 * primary's check character; otherwise the two symbols come from different labels.
 */
export function linkHibccScans(primary: ScanResult, secondary: ScanResult): ScanResult {
  if (!primary.ok) return primary;
  if (!secondary.ok) return secondary;
  const primaryInfo = primary.hibcc;
  const secondaryInfo = secondary.hibcc;
  if (
    primary.form !== 'hibcc-primary' ||
    secondary.form !== 'hibcc-secondary' ||
    !primaryInfo ||
    !('lic' in primaryInfo) ||
    !secondaryInfo ||
    !('link' in secondaryInfo)
  ) {
    const detail = 'link needs a product (primary) barcode and a lot/expiry (secondary) barcode';
    return { ok: false, standard: 'HIBCC', error: scanError('HIBCC_MALFORMED', { detail }) };
  }
  if (primaryInfo.check !== secondaryInfo.link) {
    const params = { link: secondaryInfo.link, check: primaryInfo.check ?? '' };
    return { ok: false, standard: 'HIBCC', error: scanError('HIBCC_LINK_MISMATCH', params) };
  }
  const { hibcc: _link, warnings: secondaryWarnings, ...secondaryData } = secondary;
  const { check: _check, ...productInfo } = primaryInfo;
  const linked: ScanSuccess = {
    ...primary,
    ...secondaryData,
    form: 'hibcc-concatenated',
    hibcc: productInfo,
    warnings: [...primary.warnings, ...secondaryWarnings],
  };
  return linked;
}
