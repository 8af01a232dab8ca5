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

describe('FHIR search parameters a client should never send', () => {
  const refusal = (pairs: [string, string][]): SearchParamError => {
    try {
      parseSearch(pairs);
    } catch (error) {
      if (error instanceof SearchParamError) return error;
      throw error;
    }
    throw new Error(`${JSON.stringify(pairs)} accepted`);
  };

  it('a repeat is refused, except a second _lastUpdated bound', () => {
    for (const name of ['facility', '_count', '_cursor', '_format']) {
      const value = name === '_format' ? 'json' : '1';
      expect(
        refusal([
          [name, value],
          [name, value],
        ]).message,
      ).toContain('give it once');
    }
    const bounds: [string, string][] = [
      ['_lastUpdated', 'ge2026-01-01'],
      ['_lastUpdated', 'lt2026-02-01'],
    ];
    expect(parseSearch(bounds).lastUpdated).toHaveLength(2);
    expect(refusal([...bounds, ['_lastUpdated', 'ge2026-01-15']]).parameter).toBe('_lastUpdated');
  });

  it('long values, NUL characters and too many parameters are refused before they are read', () => {
    expect(refusal([['_count', '1'.repeat(101)]]).message).toContain('101 characters');
    expect(refusal([['_lastUpdated', 'ge2026-01-01\0']]).message).toContain('NUL');
    const many = Array.from({ length: 13 }, (): [string, string] => [
      '_lastUpdated',
      'ge2026-01-01',
    ]);
    expect(refusal(many).message).toContain('13 parameters');
  });

  it('a hostile name is quoted escaped and cut short, never made the issue expression', () => {
    for (const name of ['__proto__', 'constructor', 'a\0b', 'x'.repeat(5000)]) {
      const error = refusal([[name, '1']]);
      expect(error.message.length).toBeLessThan(300);
      expect(error.message).not.toContain('\0');
    }
    expect(refusal([['a\0b', '1']]).parameter).toBe('');
    expect(refusal([['status', 'active']]).parameter).toBe('status');
  });
});
