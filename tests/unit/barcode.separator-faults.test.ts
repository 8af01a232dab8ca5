import { describe, expect, it } from 'vitest';
import {
  isSeparatorFault,
  parseScan,
  SCANNER_SET_UP_ADVICE,
  type ScanResult,
} from '../../shared/barcode/index';
import { loadVectors } from './barcode.vectors';

const today = '2026-12-06';
const refusal = (result: ScanResult) => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

describe('a GS separator (FNC1) the scanner sent as something else', () => {
  // GTIN, lot ABC123, then a serial: the separator belongs between the lot and the serial.
  const label = (separator: string) => `010950400005910110ABC123${separator}21S42`;

  it.each(['@', '^]', '^', '~', '|', '#', '[GS]', '<gs>', '{gs}', '<FNC1>', '\\x1d', '\\u001D'])(
    '"%s" is refused as a mis-sent separator, named, with the way to Scanner set-up',
    (standIn) => {
      const error = refusal(parseScan(label(standIn), { today }));
      expect(error.code).toBe('GS1_SEPARATOR_STAND_IN');
      expect(error.position).toBe(24);
      expect(error.message).toContain(`"${standIn}" where a GS separator (FNC1) belongs`);
      expect(error.message).toContain('after (10) BATCH/LOT');
      expect(error.message).toContain(SCANNER_SET_UP_ADVICE);
      expect(error.message).toContain(`add "${standIn}" to the stand-ins for GS`);
    },
  );

  it('is never read into the lot, even when its characters are all allowed in a lot', () => {
    expect(parseScan(label('<gs>'), { today }).ok).toBe(false);
    expect(parseScan(label('<Fnc1>'), { today }).ok).toBe(false);
  });

  it('sent before the first field (FNC1 in first position), with or without an identifier', () => {
    for (const scan of [
      '^]010950400005910110ABC',
      ']C1^]010950400005910110ABC',
      '@0109504000059101',
    ]) {
      const error = refusal(parseScan(scan, { today }));
      expect(error.code).toBe('GS1_SEPARATOR_STAND_IN');
      expect(error.message).toContain('belongs at the start');
    }
  });

  it('a stand-in this PC replaces is a separator, not a fault', () => {
    const parsed = parseScan(label('<GS>'), { today });
    expect(parsed.ok && parsed.lot).toBe('ABC123');
    const configured = parseScan(label('@'), { today, separators: ['@'] });
    expect(configured.ok && configured.serial).toBe('S42');
  });

  it('a character that no GS1 field follows stays a bad character of the field', () => {
    expect(refusal(parseScan('010950400005910110AB@C', { today })).code).toBe('GS1_BAD_CHARSET');
    expect(refusal(parseScan(label('@X'), { today })).code).toBe('GS1_BAD_CHARSET');
  });
});

describe('every separator fault says what happened and points to Scanner set-up the same way', () => {
  const faults = loadVectors('gs1').filter((v) => v.error && isSeparatorFault(v.error.code));

  it('covers dropped, doubled and mis-sent separators', () => {
    expect(new Set(faults.map((v) => v.error?.code))).toEqual(
      new Set([
        'GS1_FIELD_TOO_LONG',
        'GS1_LEFTOVER_DATA',
        'GS1_SEPARATOR_MISPLACED',
        'GS1_SEPARATOR_STAND_IN',
      ]),
    );
  });

  it.each(faults.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    const error = refusal(parseScan(vector.input, { today: vector.today, ...vector.options }));
    expect(error.message).toMatch(/separator/);
    expect(error.message).toContain(SCANNER_SET_UP_ADVICE);
  });

  it('no other refusal is taken for one', () => {
    for (const code of ['GS1_BAD_CHARSET', 'GS1_CHECK_DIGIT', 'UNKNOWN_FORMAT', 'HIBCC_MALFORMED'])
      expect(isSeparatorFault(code)).toBe(false);
  });
});
