import { describe, expect, it } from 'vitest';
import { recallNoticeProblems } from '../../shared/recall/notice-entry-problems';
import { notice } from '../fixtures/recall/notices';

const NOW = new Date('2026-12-06T12:00:00Z');
const fields = (changes: Parameters<typeof notice>[0]) =>
  recallNoticeProblems(notice(changes), NOW).map((p) => p.field);

describe('a recall notice that would let affected units through is refused on entry', () => {
  it('the sample notice passes', () => {
    expect(recallNoticeProblems(notice(), NOW)).toEqual([]);
  });

  it('a notice naming no product, or only a blank catalogue number, matches no item', () => {
    expect(fields({ gtins: [], catalogNumbers: ['  '] })).toEqual(['gtins']);
    expect(fields({ gtins: [], catalogNumbers: ['381134'] })).toEqual([]);
    expect(fields({ gtins: [], itemIds: ['ITM-1001'] })).toEqual([]);
  });

  it('a GTIN with a wrong check digit is named', () => {
    expect(fields({ gtins: ['09504000059101', '09504000059109'] })).toEqual(['gtins[1]']);
  });

  it('a reversed lot range or one with an empty end is refused; an irregular one is kept', () => {
    expect(fields({ lotRanges: [{ from: 'A1999', to: 'A1000' }] })).toEqual(['lotRanges[0]']);
    expect(fields({ lotRanges: [{ from: 'A1000', to: '' }] })).toEqual(['lotRanges[0]']);
    // Ends of other shapes match their two ends and the screens say why (lot-range.ts).
    expect(fields({ lotRanges: [{ from: 'A100', to: 'A1000' }] })).toEqual([]);
    expect(
      recallNoticeProblems(notice({ lotRanges: [{ from: 'B9', to: 'B1' }] }), NOW)[0]?.message,
    ).toBe(
      'lot range "B9" to "B1" starts after it ends: send it with the ends the right way round',
    );
  });

  it('an expiry window that ends before it starts is refused; a one-day window is kept', () => {
    expect(fields({ expiryFrom: '2027-03-01', expiryTo: '2027-01-31' })).toEqual(['expiryFrom']);
    expect(fields({ expiryFrom: '2027-03-01', expiryTo: '2027-03-01' })).toEqual([]);
  });

  it('a notice issued in the future, past a day of clock difference, is refused', () => {
    expect(
      fields({ issuedAt: '2026-12-07T11:59:00Z', effectiveAt: '2026-12-07T11:59:00Z' }),
    ).toEqual([]);
    expect(
      fields({ issuedAt: '2026-12-07T12:01:00Z', effectiveAt: '2026-12-07T12:01:00Z' }),
    ).toEqual(['issuedAt']);
  });

  it('a notice taking effect more than a year after its issue is refused (year 9999 among them)', () => {
    expect(fields({ effectiveAt: '9999-12-31T23:59:59Z' })).toEqual(['effectiveAt']);
    expect(fields({ effectiveAt: '2027-11-02T09:00:00Z' })).toEqual([]);
    expect(fields({ effectiveAt: '2027-11-02T09:00:01Z' })).toEqual(['effectiveAt']);
    // Taking effect before the issue (back to when a lot was made) is how notices are written.
    expect(fields({ effectiveAt: '2025-01-01T00:00:00Z' })).toEqual([]);
  });
});
