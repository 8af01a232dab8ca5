/**
 * What a scan becomes. The field names are also the JSON the barcode command prints, so they are a
 * public contract: add fields, never rename them.
 */

export type BarcodeStandard = 'GS1' | 'HIBCC' | 'GTIN' | 'ISBT128';

export type ScanForm =
  | 'element-string'
  | 'human-readable'
  | 'digital-link'
  | 'plain-gtin'
  | 'hibcc-primary'
  | 'hibcc-secondary'
  | 'hibcc-concatenated'
  | 'isbt128';

export interface ScanOptions {
  /** The local calendar day, YYYY-MM-DD: two-digit GS1 years are placed in the century around it. */
  today: string;
  /**
   * Strings a scanner sends in place of GS (FNC1). When given, this list replaces the default
   * (`<GS>` and `{GS}`): `^`, `~` and `|` are legitimate data elsewhere, so they must be opted into.
   */
  separators?: readonly string[];
  /** Suffixes a scanner is configured to append (besides CR, LF and tab, which always go). */
  suffixes?: readonly string[];
}

export interface ScanWarning {
  code: string;
  message: string;
}

export interface ScanError {
  code: string;
  message: string;
  /** Index in the raw input where the problem starts, when it can be pinned down. */
  position?: number;
}

/** The HIBCC device identifier of a primary (or concatenated) symbol. */
export interface HibccPrimaryInfo {
  /** Labeler Identification Code: 4 characters, the first a letter. */
  lic: string;
  product: string;
  unitOfMeasure: number;
  /** LIC + product + unit of measure: the UDI device identifier. */
  productCode: string;
  /** The primary symbol's check character, which a separate secondary symbol must carry as its link. */
  check?: string;
}

/** What an ISBT 128 scan carried besides the fields every standard shares. */
export interface Isbt128Info {
  /** The processor product identification code (`=/`, 16 characters): the UDI device identifier. */
  productCode?: string;
  /** The facility identification number that starts the product code. */
  facility?: string;
  /** The donation identification number (`=`): 13 characters, without its flags. */
  din?: string;
  /** The DIN's two flag characters, kept apart: they are not part of the number. */
  dinFlags?: string;
  /** The production date exactly as the label carries it (`cyyjjj`). */
  productionRaw?: string;
  /** The compound message header (`=+aabbb`): how many structures follow, and the message type. */
  compound?: { count: number; type: string };
}

/** A secondary symbol scanned on its own carries only the link to its primary. */
export interface HibccSecondaryInfo {
  link: string;
}

export interface ScanSuccess {
  ok: true;
  standard: 'GS1' | 'HIBCC' | 'GTIN' | 'ISBT128';
  form: ScanForm;
  /** The AIM symbology identifier the scanner sent, e.g. `]d2`. */
  symbology?: string;
  /** Always 14 digits. */
  gtin?: string;
  lot?: string;
  serial?: string;
  /** YYYY-MM-DD; a label's "day 00" or month-only date is the month's last day. */
  expiry?: string;
  /** The date exactly as the label carries it, e.g. `210300`: two labels may differ here only. */
  expiryRaw?: string;
  /** `HH:00`, local to the label, when the expiry carries an hour (HIBCC `$$4` and `$$6`). */
  expiryTime?: string;
  productionDate?: string;
  bestBefore?: string;
  quantity?: number;
  sscc?: string;
  hibcc?: HibccPrimaryInfo | HibccSecondaryInfo;
  isbt128?: Isbt128Info;
  /**
   * Every GS1 Application Identifier the scan carried, with its raw value. Key order is not scan
   * order: JavaScript lists integer-like keys ('10', '17') before the others ('01', '8200').
   */
  ai?: Record<string, string>;
  warnings: ScanWarning[];
}

export interface ScanFailure {
  ok: false;
  standard?: BarcodeStandard;
  symbology?: string;
  error: ScanError;
}

export type ScanResult = ScanSuccess | ScanFailure;
