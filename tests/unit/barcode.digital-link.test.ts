import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeDigitalLink, parseScan } from '../../shared/barcode/index';
import { expectVector, loadVectors } from './barcode.vectors';

describe('GS1 Digital Link', () => {
  it.each(loadVectors('digital-link'))('$name', expectVector);
});

describe('encoding a Digital Link', () => {
  it('puts the key and its qualifiers in the path in their order, the rest in the query', () => {
    const uri = encodeDigitalLink('https://id.gs1.org', [
      { ai: '17', value: '290331' },
      { ai: '21', value: 'S/1' },
      { ai: '01', value: '09504000059101' },
      { ai: '10', value: 'A&B' },
      { ai: '3103', value: '000195' },
    ]);
    expect(uri).toBe(
      'https://id.gs1.org/01/09504000059101/10/A%26B/21/S%2F1?17=290331&3103=000195',
    );
    expect(parseScan(uri, { today: '2026-11-23' })).toMatchObject({
      ok: true,
      lot: 'A&B',
      serial: 'S/1',
      expiry: '2029-03-31',
    });
  });

  it('keeps a path prefix and drops a trailing slash of the base', () => {
    const uri = encodeDigitalLink('https://example.com/p/', [
      { ai: '01', value: '09504000059101' },
    ]);
    expect(uri).toBe('https://example.com/p/01/09504000059101');
  });

  it('uses the 235 qualifier sequence when 235 is given', () => {
    const uri = encodeDigitalLink('https://id.gs1.org', [
      { ai: '01', value: '09504000059101' },
      { ai: '235', value: 'T1' },
    ]);
    expect(uri).toBe('https://id.gs1.org/01/09504000059101/235/T1');
  });

  it('refuses data without a primary key and a base that is not a web address', () => {
    expect(() => encodeDigitalLink('https://id.gs1.org', [{ ai: '10', value: 'A' }])).toThrow(
      /DL_BAD_URI/,
    );
    expect(() => encodeDigitalLink('id.gs1.org', [{ ai: '01', value: '09504000059101' }])).toThrow(
      /DL_BAD_URI/,
    );
  });
});

describe('the scheme’s case', () => {
  it('all lower or all upper case is read; any mix is refused, as GS1’s syntax engine does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https'),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        (scheme, upper) => {
          const cased = [...scheme].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
          const result = parseScan(`${cased}://id.gs1.org/01/09504000059101`, {
            today: '2026-11-23',
          });
          const uniform = cased === scheme || cased === scheme.toUpperCase();
          expect(result.ok ? 'read' : result.error.code).toBe(uniform ? 'read' : 'DL_BAD_URI');
        },
      ),
    );
  });
});
