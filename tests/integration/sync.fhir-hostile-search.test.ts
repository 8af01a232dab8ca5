import { expect, it } from 'vitest';
import { describeOnBackends } from './sync-helpers/backends';
import { createApiKey } from './sync-helpers/devices';
import { fhirGet } from './sync-helpers/fhir';
import { addStaffedFacility } from './sync-helpers/staff';

const TYPES = ['SupplyRequest', 'SupplyDelivery', 'InventoryReport', 'InventoryItem'];
const long = (n: number, char = 'A') => char.repeat(n);

interface Issue {
  code: string;
  diagnostics: string;
  details: { coding: { code: string }[] };
  expression?: string[];
}

/** Query strings as a hostile or careless client sends them, each with why it must be refused. */
const HOSTILE: [string, string][] = [
  ['_count=1&_count=2', 'which _count wins would be a guess'],
  ['_cursor=1&_cursor=2', 'a repeated cursor'],
  ['_format=json&_format=json', 'a repeated _format'],
  ['facility=a&facility=b', 'a repeated facility'],
  ['_lastUpdated=ge2026-01-01&_lastUpdated=lt2026-02-01&_lastUpdated=ge2026-01-15', 'three bounds'],
  [`facility=${long(5000)}`, 'a very long facility'],
  [`_count=${long(5000, '1')}`, 'a very long _count'],
  [`_lastUpdated=ge2026-01-01T00:00:00${long(200, '0')}Z`, 'a very long date-time'],
  [`${long(5000, 'x')}=1`, 'a very long unknown name'],
  ['status=active', 'an unknown parameter'],
  ['_sort=-_lastUpdated', 'a FHIR parameter this server does not serve'],
  ['_summary=count', 'a FHIR parameter this server does not serve'],
  ['facility:exact=FAC', 'a modifier'],
  ['Facility=FAC', 'a name in the wrong case'],
  ['=FAC', 'an empty name'],
  ['_count=0', '_count of 0'],
  ['_count=-1', 'a negative _count'],
  ['_count=1001', '_count above the page limit'],
  ['_count=99999999999999999999', 'a huge _count'],
  ['_count=abc', 'a non-numeric _count'],
  ['_count=', 'an empty _count'],
  ['_count=1.5', 'a fractional _count'],
  ['_count=1e3', 'an exponent'],
  ['_count=%205', 'a padded _count'],
  ['_cursor=abc', 'a garbage cursor'],
  ['_cursor=-1', 'a negative cursor'],
  ['_cursor=99999999999999999999', 'a cursor past the safe integers'],
  ['_cursor=%27%3B%20DROP%20TABLE%20documents%3B--', 'SQL in the cursor'],
  ['facility=%00', 'a NUL facility'],
  ['_count=1%00', 'a NUL after a number'],
  ['_lastUpdated=ge2026-01-01%00', 'a NUL after a date'],
  ['%00=1', 'a NUL name'],
  ['facility=%ZZ', 'a broken percent escape'],
  ['facility=%E0%A4%A', 'a truncated UTF-8 sequence'],
  ['__proto__=x', 'prototype pollution'],
  ['__proto__[admin]=1', 'prototype pollution, bracket form'],
  ['constructor=x', 'an Object member name'],
  ['constructor.prototype.x=1', 'prototype pollution, dotted form'],
  ['hasOwnProperty=1', 'an Object member name'],
  ['toString=1', 'an Object member name'],
  [Array.from({ length: 13 }, (_, i) => `p${i}=1`).join('&'), 'too many parameters'],
];

describeOnBackends('sync: FHIR R5 searches refuse bad parameters', 'fhir_hostile', (server) => {
  it('a search for a facility the centre does not know is a 400 naming the facility, on every type', async () => {
    const key = await createApiKey(server(), ['fhir:read']);
    const known = await addStaffedFacility(server());
    for (const type of TYPES) {
      const refused = await fhirGet(server(), `/${type}?facility=NO-SUCH-WARD-7`, key);
      expect(refused.status, type).toBe(400);
      const [issue] = (refused.body as { issue: Issue[] }).issue;
      expect(issue).toMatchObject({
        code: 'invalid',
        details: { coding: [{ code: 'FACILITY_UNKNOWN' }] },
        expression: ['facility'],
      });
      expect(issue!.diagnostics).toContain('"NO-SUCH-WARD-7"');
      expect(issue!.diagnostics).toMatch(/leave facility out/);

      // Ids are case-sensitive: the known id in other letters is another, unknown facility.
      const shouted = await fhirGet(server(), `/${type}?facility=${known.toLowerCase()}`, key);
      expect(shouted.status, type).toBe(400);
      const fine = await fhirGet(server(), `/${type}?facility=${known}`, key);
      expect(fine.status, type).toBe(200);
    }
  }, 60_000); // the first check compiles the 4 MB schema

  it('hostile query strings are each a 400 OperationOutcome saying what to send instead, never a 5xx or a page', async () => {
    const key = await createApiKey(server(), ['fhir:read']);
    for (const [query, why] of HOSTILE) {
      for (const type of TYPES) {
        const answer = await fhirGet(server(), `/${type}?${query}`, key);
        const label = `${type}?${query.slice(0, 80)} (${why})`;
        expect(answer.status, label).toBe(400);
        expect(answer.type, label).toMatch(/^application\/fhir\+json/);
        const body = answer.body as { resourceType: string; issue: Issue[] };
        expect(body.resourceType, label).toBe('OperationOutcome');
        expect(body.issue, label).toHaveLength(1);
        expect(body.issue[0]!.code, label).toBe('invalid');
        const text = body.issue[0]!.diagnostics;
        expect(text, label).toMatch(/use|give|send|remove|must|leave/i);
        // Refusals quote what they were sent, but never at length.
        expect(text.length, label).toBeLessThan(400);
      }
    }
    // A polluted prototype would show on every object the server makes from here on.
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
