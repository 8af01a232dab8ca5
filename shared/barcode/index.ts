export { parseScan } from './parse-scan';
export { linkHibccScans } from './hibcc-scan';
export {
  ERROR_MESSAGES,
  WARNING_MESSAGES,
  isSeparatorFault,
  SCANNER_SET_UP_ADVICE,
  type ErrorCode,
  type WarningCode,
} from './error-codes';
export { gs1Ai, allGs1Ais, type Gs1AiDefinition, type Gs1Component } from './gs1-ai';
export { gtinCheckDigit } from './gs1-check-digit';
export { hibccCheckCharacter } from './hibcc-check';
export { DEFAULT_SEPARATORS } from './scan-input';
export {
  encodeDigitalLink,
  encodeGs1ElementString,
  encodeGs1HumanReadable,
  type Gs1FieldInput,
} from './encode-gs1';
export {
  encodeHibccConcatenated,
  encodeHibccPrimary,
  encodeHibccSecondary,
  type HibccPrimaryFields,
  type HibccSecondaryFields,
} from './encode-hibcc';
export { encodeIsbt128, encodeIsbt128Structures, type Isbt128Fields } from './encode-isbt128';
export { mod37_2CheckCharacter } from './isbt128-check';
export type { HibccDateFormat } from './hibcc-date';
export type * from './types';
