import { expect, it } from 'vitest';
import { fhirInstant } from '../../sync/fhir/item-concept';

it('writes an instant in UTC, and passes on as stored one JavaScript cannot read (a leap second)', () => {
  expect(fhirInstant('2026-12-06T21:00:00+01:00')).toBe('2026-12-06T20:00:00.000Z');
  expect(fhirInstant('2026-12-31T23:59:60Z')).toBe('2026-12-31T23:59:60Z');
});
