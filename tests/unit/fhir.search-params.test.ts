import { describe, expect, it } from 'vitest';
import { lastUpdatedBounds, parseSearch, SearchParamError } from '../../sync/fhir/search-params';

const day = (iso: string) => new Date(iso);

describe('FHIR search parameters', () => {
  it('_lastUpdated: a day is the whole UTC day under each prefix; a date-time is an instant', () => {
    expect(lastUpdatedBounds('2026-12-01')).toEqual([
      { op: '>=', at: day('2026-12-01T00:00:00Z') },
      { op: '<', at: day('2026-12-02T00:00:00Z') },
    ]);
    expect(lastUpdatedBounds('ge2026-12-01')).toEqual([
      { op: '>=', at: day('2026-12-01T00:00:00Z') },
    ]);
    expect(lastUpdatedBounds('gt2026-12-01')).toEqual([
      { op: '>=', at: day('2026-12-02T00:00:00Z') },
    ]);
    expect(lastUpdatedBounds('le2026-12-31')).toEqual([
      { op: '<', at: day('2027-01-01T00:00:00Z') },
    ]);
    expect(lastUpdatedBounds('lt2026-12-01')).toEqual([
      { op: '<', at: day('2026-12-01T00:00:00Z') },
    ]);
    expect(lastUpdatedBounds('gt2026-12-01T10:00:00+01:00')).toEqual([
      { op: '>', at: day('2026-12-01T09:00:00Z') },
    ]);
  });

  it('_lastUpdated refuses days that do not exist, missing offsets and unknown prefixes', () => {
    for (const bad of [
      '2026-02-29',
      'ge2026-13-01',
      '2026-12-01T10:00:00',
      'ap2026-12-01',
      'yesterday',
      '',
    ]) {
      expect(() => lastUpdatedBounds(bad), bad).toThrow(SearchParamError);
    }
  });

  it('reads _count, _cursor and facility; refuses unknown parameters naming them; echoes all but the cursor', () => {
    const search = parseSearch([
      ['facility', 'FAC-NORTH'],
      ['_count', '50'],
      ['_cursor', '1234'],
      ['_lastUpdated', 'ge2026-12-01'],
      ['_lastUpdated', 'lt2026-12-02'],
    ]);
    expect(search).toMatchObject({ facility: 'FAC-NORTH', count: 50, after: 1234 });
    expect(search.lastUpdated).toHaveLength(2);
    expect(search.echo.map(([n]) => n)).toEqual([
      'facility',
      '_count',
      '_lastUpdated',
      '_lastUpdated',
    ]);
    expect(parseSearch([])).toMatchObject({ count: 100, after: 0, facility: undefined });
    for (const [name, value] of [
      ['status', 'active'],
      ['_count', '1001'],
      ['_count', '1e3'],
      ['_cursor', '-1'],
      ['facility', 'FAC NORTH'],
      ['_format', 'xml'],
      ['_lastUpdated', '0000-01-01'],
      ['_lastUpdated', 'gt9999-12-31'],
    ] as const) {
      try {
        parseSearch([[name, value]]);
        expect.unreachable(`${name}=${value} accepted`);
      } catch (error) {
        expect(error).toBeInstanceOf(SearchParamError);
        expect((error as SearchParamError).parameter).toBe(name);
      }
    }
  });
});
