import { describe, expect, it } from 'vitest';
import { parseScan } from '../../shared/barcode/index';
import { expectVector, loadVectors } from './barcode.vectors';

describe('what arrives before the data, and scans that are not item barcodes', () => {
  it.each(loadVectors('scan-input'))('$name', expectVector);
});

describe('options', () => {
  it('an empty separator string is ignored rather than splitting every character', () => {
    const result = parseScan('0109504000059101', { today: '2026-11-23', separators: [''] });
    expect(result.ok && result.gtin).toBe('09504000059101');
  });

  it('the longest separator wins where two overlap', () => {
    const result = parseScan('0109504000059101' + '10A<GS>17290331', {
      today: '2026-11-23',
      separators: ['<', '<GS>'],
    });
    expect(result.ok && result.lot).toBe('A');
  });

  it('suffixes repeat and mix with line endings', () => {
    const result = parseScan('+H123CAT1001V#\r\n#\r\n', { today: '2026-11-23', suffixes: ['#'] });
    expect(result.ok && result.form).toBe('hibcc-primary');
  });
});
