import { describe, expect, it } from 'vitest';
import {
  compileNotice,
  matchNotice,
  noticeProblems,
  similarLotIndex,
  withinOneEdit,
} from '../../shared/recall';
import { BARE, CATHETER, GAUZE, UNIT_VECTORS, notice } from '../fixtures/recall/notices';

describe('recall notice against one unit: worked examples', () => {
  it.each(UNIT_VECTORS)('$name', ({ notice: changes, unit, expected }) => {
    const verdict = matchNotice({ ...BARE, ...changes }, { item: CATHETER, ...unit });
    expect(verdict.kind).toBe(expected.kind);
    if (verdict.kind === 'match' && expected.kind === 'match') {
      expect(verdict.basis).toEqual(expected.basis);
    }
    if (verdict.kind === 'cannot-tell' && expected.kind === 'cannot-tell') {
      expect(verdict.missing).toEqual(expected.missing);
    }
    if (verdict.kind === 'no-match' && expected.kind === 'no-match') {
      expect(verdict.reason).toBe('unit-not-affected');
      if (expected.similar) {
        expect(verdict.similar.map((s) => s.noticeLotCode)).toEqual(expected.similar);
      }
    }
  });

  it('says why a look-alike lot is similar', () => {
    const lots = { ...BARE, lotCodes: ['ABC123'] };
    const kinds = (lotCode: string) => {
      const v = matchNotice(lots, { item: CATHETER, lotCode });
      return v.kind === 'no-match' ? v.similar[0]?.kinds : undefined;
    };
    expect(kinds('abc123')).toEqual(['case']);
    expect(kinds('0ABC123')).toEqual(['leading-zeros', 'one-character']);
    expect(kinds('0abc123')).toEqual(['case', 'leading-zeros']);
    expect(kinds('ABC12')).toEqual(['one-character']);
    expect(kinds('ABC1234')).toEqual(['one-character']);
    expect(kinds('AXC123')).toEqual(['one-character']);
  });
});

describe('recall notice: which product', () => {
  const lotOnly = { ...BARE, lotCodes: ['ABC123'] };
  const unit = { item: CATHETER, lotCode: 'ABC123' };

  it('matches by GTIN, HIBCC code, item id or catalogue number', () => {
    const byGtin = { ...lotOnly, gtins: ['09504000059101'] };
    const byHibcc = { ...lotOnly, gtins: [], hibccCodes: ['A123PROD1231'] };
    const byId = { ...lotOnly, gtins: [], itemIds: ['ITM-1001'] };
    const byCatalog = { ...lotOnly, gtins: [], catalogNumbers: [' 381134 '] };
    for (const n of [byGtin, byHibcc, byId, byCatalog])
      expect(matchNotice(n, unit).kind).toBe('match');
  });

  it('compares catalogue numbers without case, but GTINs exactly', () => {
    const item = { ...CATHETER, catalogNumber: 'ref-77a' };
    const n = { ...lotOnly, gtins: [], catalogNumbers: ['REF-77A'] };
    expect(matchNotice(n, { item, lotCode: 'ABC123' }).kind).toBe('match');
    const otherGtin = { ...lotOnly, gtins: ['09504000059102'] };
    expect(matchNotice(otherGtin, unit)).toEqual({
      kind: 'no-match',
      reason: 'other-product',
      similar: [],
    });
  });

  it('matches a GTIN read from the label that the item master does not list yet', () => {
    const n = { ...lotOnly, gtins: ['19504000059108'] };
    expect(matchNotice(n, unit).kind).toBe('no-match');
    expect(matchNotice(n, { ...unit, gtin: '19504000059108' }).kind).toBe('match');
    const h = { ...lotOnly, gtins: [], hibccCodes: ['A123PROD1235'] };
    expect(matchNotice(h, { ...unit, hibccCode: 'A123PROD1235' }).kind).toBe('match');
  });

  it('never matches another product, even with the same lot code', () => {
    expect(matchNotice(lotOnly, { item: GAUZE, lotCode: 'ABC123' }).kind).toBe('no-match');
  });

  it('an item with no catalogue number does not match an empty catalogue entry', () => {
    const item = { ...CATHETER, gtins: [], hibccCodes: [], catalogNumber: undefined };
    const n = { ...lotOnly, gtins: [], catalogNumbers: [' '] };
    expect(matchNotice(n, { item, lotCode: 'ABC123' }).kind).toBe('no-match');
  });
});

describe('recall notice: terminated', () => {
  it('a terminated notice never matches, not even every lot', () => {
    const terminated = notice({ status: 'terminated', allLots: true });
    expect(matchNotice(terminated, { item: CATHETER, lotCode: 'ABC123' })).toEqual({
      kind: 'no-match',
      reason: 'terminated',
      similar: [],
    });
    expect(
      matchNotice(notice({ status: 'open' }), { item: CATHETER, lotCode: 'ABC123' }).kind,
    ).toBe('match');
  });
});

describe('recall notice: problems to show whoever loads it', () => {
  it('a clean notice has none', () => {
    expect(noticeProblems(notice())).toEqual([]);
  });

  it('names each problem with a code and a message', () => {
    const bad = notice({
      gtins: [],
      lotCodes: [],
      expiryFrom: '2027-06-30',
      expiryTo: '2027-01-01',
      lotRanges: [{ from: 'A100', to: 'A99' }],
    });
    const codes = noticeProblems(bad).map((p) => p.code);
    expect(codes).toEqual([
      'NO_PRODUCT_NAMED',
      'EXPIRY_WINDOW_REVERSED',
      'LOT_RANGE_LENGTHS_DIFFER',
    ]);
    for (const p of noticeProblems(bad)) expect(p.message).toMatch(/Ask the source/);
    expect(noticeProblems(notice({ lotCodes: [] })).map((p) => p.code)).toEqual(['NO_UNITS_NAMED']);
  });

  it('a reversed expiry window matches no expiry', () => {
    const n = notice({ lotCodes: [], expiryFrom: '2027-06-30', expiryTo: '2027-01-01' });
    expect(matchNotice(n, { item: CATHETER, lotCode: 'L', expiry: '2027-03-01' }).kind).toBe(
      'no-match',
    );
  });
});

describe('similar-lot index', () => {
  it('finds one-edit neighbours the same way a pairwise check does', () => {
    const recalled = ['ABC123', 'ABC124', 'X1', '00077', 'LOT-2026-001'];
    const index = similarLotIndex(recalled);
    const probes = [
      'ABC12',
      'ABC1234',
      'ABD123',
      'abc124',
      'X',
      'X12',
      '77',
      '0077',
      'LOT-2026-01',
      'ZZZ',
    ];
    for (const probe of probes) {
      const expected = recalled.filter(
        (r) =>
          r !== probe &&
          (withinOneEdit(probe, r) ||
            probe.toUpperCase() === r.toUpperCase() ||
            probe.replace(/^0+/, '') === r.replace(/^0+/, '')),
      );
      expect(
        index.similarTo(probe).map((h) => h.noticeLotCode),
        probe,
      ).toEqual([...expected].sort());
    }
  });

  it('an exact lot is never its own hint, and an empty lot has none', () => {
    const index = similarLotIndex(['ABC123', '']);
    expect(index.similarTo('ABC123')).toEqual([]);
    expect(index.similarTo('')).toEqual([]);
  });

  it('withinOneEdit: insert, delete, substitute; not two', () => {
    expect(withinOneEdit('ABC', 'ABC')).toBe(true);
    expect(withinOneEdit('ABC', 'ABXC')).toBe(true);
    expect(withinOneEdit('ABXC', 'ABC')).toBe(true);
    expect(withinOneEdit('ABC', 'AXC')).toBe(true);
    expect(withinOneEdit('ABC', 'BCA')).toBe(false);
    expect(withinOneEdit('ABC', 'A')).toBe(false);
    expect(withinOneEdit('', 'A')).toBe(true);
  });

  it('compiles a notice once and reuses it', () => {
    const compiled = compileNotice(notice());
    expect(matchNotice(compiled, { item: CATHETER, lotCode: 'ABC123' }).kind).toBe('match');
    expect(compiled.similarLots('ABC124').map((s) => s.noticeLotCode)).toEqual(['ABC123']);
  });
});
