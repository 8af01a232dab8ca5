import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  associationWarnings,
  associationWarningsByRule,
} from '../../shared/barcode/gs1-associations';
import { gs1Ai, gs1AiAt } from '../../shared/barcode/gs1-ai';
import { aiMarkers } from '../../shared/barcode/gs1-human-readable';
import { allGs1Ais, parseScan, type ScanResult } from '../../shared/barcode/index';

/**
 * The parser skips work most scans do not need (figure 1 of the bench): rules checked from sets
 * before warnings are built, no position map when no separator string was replaced, characters
 * checked by table. Each shortcut must answer exactly what the full path answers.
 */

const TODAY = '2026-11-23';
const AIS = allGs1Ais().map((d) => d.ai);

function errorOf(result: ScanResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return { code: result.error.code, position: result.error.position };
}

describe('association rules checked from sets first', () => {
  it('warn exactly as every rule evaluated in full, whatever the order AIs were scanned in', () => {
    const someAis = fc.uniqueArray(fc.constantFrom(...AIS), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(someAis, fc.nat(), (scanned, rotation) => {
        const ai = Object.fromEntries(scanned.map((a) => [a, '1']));
        const shift = rotation % scanned.length;
        const anyOrder = [...scanned.slice(shift), ...scanned.slice(0, shift)];
        expect(associationWarnings(ai, anyOrder)).toEqual(
          associationWarningsByRule(Object.keys(ai)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('each AI alone, and with the GTIN, warns as in full', () => {
    for (const one of AIS) {
      for (const scanned of [[one], ['01', one], ['00', one], ['02', '37', one]]) {
        const distinct = [...new Set(scanned)];
        const ai = Object.fromEntries(distinct.map((a) => [a, '1']));
        expect(associationWarnings(ai, distinct)).toEqual(
          associationWarningsByRule(Object.keys(ai)),
        );
      }
    }
  });
});

describe('the AI at a position, found by digit arithmetic', () => {
  /** The lookup as the dictionary states it: the shortest run of 2 to 4 digits that is an AI. */
  function byDictionary(text: string, position: number) {
    for (let length = 2; length <= 4; length++) {
      const candidate = text.slice(position, position + length);
      if (candidate.length < length || !/^\d+$/.test(candidate)) return undefined;
      const definition = gs1Ai(candidate);
      if (definition) return definition;
    }
    return undefined;
  }

  it('agrees with the dictionary for every run of up to four digits, cut short or followed by data', () => {
    for (let length = 1; length <= 4; length++) {
      for (let n = 0; n < 10 ** length; n++) {
        const digits = String(n).padStart(length, '0');
        for (const text of [digits, `${digits}1`, `${digits}A`, `${digits}\u001d`, `x${digits}9`]) {
          const at = text.startsWith('x') ? 1 : 0;
          expect(gs1AiAt(text, at)).toBe(byDictionary(text, at));
        }
      }
    }
  });
});

describe('AIs in parentheses, found without a regex', () => {
  it('are where /\\((\\d{2,4})\\)/g finds them, in any text', () => {
    const text = fc.string({
      unit: fc.constantFrom('(', ')', '0', '1', '7', 'A', ' '),
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, (t) => {
        const byRegex = [...t.matchAll(/\((\d{2,4})\)/g)].map((m) => ({
          index: m.index,
          ai: m[1],
          length: m[0].length,
        }));
        expect(aiMarkers(t)).toEqual(byRegex);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('error positions with and without separator strings', () => {
  const broken = '0109504000059102'; // wrong check digit, at index 15 of the data

  it('point into the raw scan whether or not a separator string was replaced', () => {
    expect(errorOf(parseScan(`]d2${broken}`, { today: TODAY }))).toEqual({
      code: 'GS1_CHECK_DIGIT',
      position: 18,
    });
    expect(errorOf(parseScan(`<GS>${broken}`, { today: TODAY }))).toEqual({
      code: 'GS1_CHECK_DIGIT',
      position: 19,
    });
    expect(errorOf(parseScan(`10ABC{GS}${broken}`, { today: TODAY }))).toEqual({
      code: 'GS1_CHECK_DIGIT',
      position: 24,
    });
    expect(errorOf(parseScan(`\u001d${broken}\r\n`, { today: TODAY }))).toEqual({
      code: 'GS1_CHECK_DIGIT',
      position: 16,
    });
  });

  it('a scan without separator strings reads as the same scan with them', () => {
    const fieldText = fc.stringMatching(/^[0-9A-Z]{1,12}$/);
    fc.assert(
      fc.property(fieldText, fieldText, (lot, serial) => {
        const plain = parseScan(`]d20109504000059101${'10'}${lot}\u001d21${serial}`, {
          today: TODAY,
        });
        const withStrings = parseScan(`]d20109504000059101${'10'}${lot}<GS>21${serial}`, {
          today: TODAY,
        });
        expect(withStrings).toEqual(plain);
      }),
    );
  });
});

describe('character sets checked by table', () => {
  it('refuse characters past ASCII, even those whose low seven bits are allowed', () => {
    // U+00A1 has the low bits of "!", which (10) allows; U+0130 those of "0".
    for (const char of ['\u00a1', '\u0130', '\u00e9', '\uff10']) {
      const result = parseScan(`(01)09504000059101(10)AB${char}`, { today: TODAY });
      expect(errorOf(result)).toEqual({ code: 'GS1_BAD_CHARSET', position: 24 });
    }
  });

  it('take every one of GS1’s 82 characters in (10) and refuse space, ^ and #', () => {
    const x82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
    for (const char of x82) {
      const result = parseScan(`]d2010950400005910110A${char}`, { today: TODAY });
      expect(result.ok).toBe(true);
    }
    for (const char of [' ', '^', '#', '`', '~', '\u007f']) {
      const result = parseScan(`]d2010950400005910110A${char}`, { today: TODAY });
      expect(errorOf(result)).toEqual({ code: 'GS1_BAD_CHARSET', position: 22 });
    }
  });
});
