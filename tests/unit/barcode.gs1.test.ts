import { describe, expect, it } from 'vitest';
import {
  allGs1Ais,
  encodeGs1ElementString,
  encodeGs1HumanReadable,
  gs1Ai,
  parseScan,
} from '../../shared/barcode/index';
import { expectVector, loadVectors } from './barcode.vectors';

const GS = '\u001d';
const TODAY = { today: '2026-11-23' };

describe('GS1 element strings and human-readable text', () => {
  it.each(loadVectors('gs1'))('$name', expectVector);
});

describe('the AI table', () => {
  const brief = [
    '00',
    '01',
    '02',
    '10',
    '11',
    '12',
    '13',
    '15',
    '16',
    '17',
    '20',
    '21',
    '22',
    '30',
    '37',
    '240',
    '241',
    '242',
    '250',
    '251',
    '253',
    '254',
    '400',
    '401',
    '402',
    '403',
    '410',
    '411',
    '412',
    '413',
    '414',
    '415',
    '416',
    '417',
    '422',
    '7003',
    '710',
    '711',
    '712',
    '713',
    '714',
    '715',
    '716',
    '717',
    '8003',
    '8004',
    '8005',
    '8006',
    '8008',
    '8020',
    ...['90', '91', '92', '93', '94', '95', '96', '97', '98', '99'],
    ...[310, 311, 312, 313, 314, 315, 316].flatMap((p) =>
      [0, 1, 2, 3, 4, 5].map((n) => `${p}${n}`),
    ),
  ];

  it.each(brief)('knows (%s)', (ai) => expect(gs1Ai(ai)?.ai).toBe(ai));

  it('has no AI that is the prefix of another, so an element string splits one way only', () => {
    const ais = allGs1Ais().map((d) => d.ai);
    const clashes = ais.filter((a) => ais.some((b) => b !== a && b.startsWith(a)));
    expect(clashes).toEqual([]);
  });

  it('gives a predefined length exactly to prefixes 00-04, 11-20, 31-36 and 41', () => {
    for (const definition of allGs1Ais()) {
      const prefix = Number(definition.ai.slice(0, 2));
      const expected =
        prefix <= 4 ||
        (prefix >= 11 && prefix <= 20) ||
        (prefix >= 31 && prefix <= 36) ||
        prefix === 41;
      expect([definition.ai, definition.predefinedLength]).toEqual([definition.ai, expected]);
      if (expected) expect(definition.minLength).toBe(definition.maxLength);
    }
  });

  it('describes key fields as the standard does', () => {
    expect(gs1Ai('01')).toMatchObject({ minLength: 14, maxLength: 14, predefinedLength: true });
    expect(gs1Ai('01')?.components[0]?.checks).toContain('csum');
    expect(gs1Ai('10')).toMatchObject({ minLength: 1, maxLength: 20, predefinedLength: false });
    expect(gs1Ai('10')?.components[0]?.charset).toBe('X');
    expect(gs1Ai('30')).toMatchObject({ maxLength: 8, predefinedLength: false });
    expect(gs1Ai('7003')).toMatchObject({ minLength: 10, maxLength: 10, predefinedLength: false });
    expect(gs1Ai('7003')?.components[0]?.checks).toEqual(['yymmdd']);
    expect(gs1Ai('17')?.components[0]?.checks).toEqual(['yymmd0']);
    expect(gs1Ai('8004')).toMatchObject({ maxLength: 30 });
    expect(gs1Ai('3103')?.decimals).toBe(3);
    expect(gs1Ai('3920')?.decimals).toBe(0);
    expect(gs1Ai('17')?.decimals).toBeUndefined();
    expect(gs1Ai('10')?.requires).toEqual([[['01'], ['02'], ['03'], ['8006'], ['8026']]]);
  });
});

describe('encoding', () => {
  it('puts GS only after variable-length fields that are not last', () => {
    const data = encodeGs1ElementString([
      { ai: '01', value: '09504000059101' },
      { ai: '10', value: 'ABC' },
      { ai: '17', value: '290331' },
      { ai: '7003', value: '2903311430' },
      { ai: '21', value: 'S1' },
    ]);
    expect(data).toBe(
      `0109504000059101` + `10ABC${GS}` + `17290331` + `70032903311430${GS}` + `21S1`,
    );
    expect(parseScan(data, TODAY)).toMatchObject({ ok: true, lot: 'ABC', serial: 'S1' });
  });

  it('writes the human-readable form', () => {
    const text = encodeGs1HumanReadable([
      { ai: '01', value: '09504000059101' },
      { ai: '17', value: '290331' },
    ]);
    expect(text).toBe('(01)09504000059101(17)290331');
  });

  it('refuses to encode what a scanner would refuse', () => {
    expect(() => encodeGs1ElementString([{ ai: '01', value: '09504000059102' }])).toThrow(
      /GS1_CHECK_DIGIT/,
    );
    expect(() => encodeGs1ElementString([{ ai: '8101', value: '1' }])).toThrow(/GS1_UNKNOWN_AI/);
    expect(() => encodeGs1HumanReadable([{ ai: '10', value: 'A B' }])).toThrow(/GS1_BAD_CHARSET/);
    expect(() => encodeGs1ElementString([{ ai: '17', value: '291301' }])).toThrow(/GS1_BAD_DATE/);
    expect(() => encodeGs1ElementString([{ ai: '10', value: 'X'.repeat(21) }])).toThrow(
      /GS1_VALUE_TOO_LONG/,
    );
  });
});

describe('dropped separators are refused, not guessed', () => {
  it('tells the person at the scanner how to configure it', () => {
    const result = parseScan('0109504000059101' + '10ABCDEFGHIJ211234567890', TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('GS1_FIELD_TOO_LONG');
    expect(result.error.message).toMatch(/separator/);
    expect(result.error.message).toMatch(/Ctrl\+\]/);
    expect(result.error.message).toMatch(/<GS>/);
  });
});
