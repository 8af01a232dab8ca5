import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PENDING_ITEM_STATUSES, documentValidator, type PendingItem } from '../../shared/model';
import { CENTRE_OWNED_FIELDS, mergePendingItems } from '../../shared/ownership';

const pendingArb: fc.Arbitrary<PendingItem> = fc
  .record(
    {
      gtin: fc.constantFrom('00312345678906', '09504000059101'),
      description: fc.constantFrom('Sterile gauze 4x4', 'Gauze, box of 100', 'Blue gauze'),
      capturedBy: fc.constantFrom('USR-TECH', 'USR-SUP'),
      capturedAt: fc.constantFrom('2026-11-02T08:20:00Z', '2026-11-02T09:00:00+01:00'),
      scan: fc.constantFrom('0100312345678906', '0109504000059101'),
      status: fc.constantFrom(...PENDING_ITEM_STATUSES),
      confirmedItemId: fc.constantFrom('ITM-2002', 'ITM-1001'),
    },
    { requiredKeys: ['description', 'capturedBy', 'capturedAt', 'status'] },
  )
  .map((fields) => ({ id: 'PEND-1', facilityId: 'FAC-NORTH', ...fields }));

const CENTRE: readonly string[] = CENTRE_OWNED_FIELDS.pending_items;

describe('pending item merge: one owner per field', () => {
  it('takes the decision from the centre and the capture from the stockroom, never mixing a field', () => {
    fc.assert(
      fc.property(pendingArb, pendingArb, (facility, centre) => {
        const m = mergePendingItems(facility, centre) as unknown as Record<string, unknown>;
        const f = facility as unknown as Record<string, unknown>;
        const c = centre as unknown as Record<string, unknown>;
        for (const key of new Set([...Object.keys(f), ...Object.keys(c), ...Object.keys(m)])) {
          expect(m[key]).toEqual(CENTRE.includes(key) ? c[key] : f[key]);
        }
      }),
    );
  });

  it('is idempotent and stable: merging again with the same centre copy changes nothing', () => {
    fc.assert(
      fc.property(pendingArb, pendingArb, (facility, centre) => {
        const once = mergePendingItems(facility, centre);
        expect(mergePendingItems(once, centre)).toEqual(once);
        expect(mergePendingItems(facility, facility)).toEqual(facility);
      }),
    );
  });

  it('gives a document the schema accepts', () => {
    const validator = documentValidator('pending_items');
    fc.assert(
      fc.property(pendingArb, pendingArb, (facility, centre) => {
        expect(validator.validate(mergePendingItems(facility, centre)).ok).toBe(true);
      }),
    );
  });
});
