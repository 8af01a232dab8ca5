import { describe, expect, it } from 'vitest';
import { DEMO_ITEMS, DEMO_LOCATIONS } from '../../renderer/seed/demo-catalogue';
import { addDays, demoLabels } from '../../renderer/seed/demo-labels';
import { productCodeLabel, resolveScan } from '../../renderer/scanning/resolve-scan';
import type { Item } from '../../shared/model';

const today = '2026-11-23';
const context = { today, items: DEMO_ITEMS, locations: DEMO_LOCATIONS, pendingItems: [] };

describe('what a scan names', () => {
  it('every demo label (GS1 and HIBCC) resolves to its item, lot and expiry', () => {
    for (const { lot, scan } of demoLabels(today)) {
      const resolved = resolveScan(scan, context);
      expect(resolved, scan).toMatchObject({
        kind: 'product',
        item: { id: lot.itemId },
        lotCode: lot.lotCode,
        expiry: addDays(today, lot.expiresInDays),
      });
    }
  });

  it('a shelf label is a location, not a product', () => {
    expect(resolveScan('LOC-A3', context)).toMatchObject({
      kind: 'location',
      location: { id: 'LOC-A3' },
    });
  });

  it('an unknown GTIN is a product without an item, so receiving can capture it', () => {
    const resolved = resolveScan('0100812345678901', context);
    expect(resolved).toMatchObject({ kind: 'product', gtin: '00812345678901', lotCode: '' });
    expect(resolved.kind === 'product' && resolved.item).toBeFalsy();
  });

  it('a label with a wrong check digit is rejected in the parser’s words', () => {
    const resolved = resolveScan('0110885403123451', context);
    expect(resolved.kind).toBe('rejected');
    if (resolved.kind === 'rejected') expect(resolved.message.length).toBeGreaterThan(10);
  });

  it('an ISBT 128 UDI resolves by its processor product code to the item, lot, serial and expiry', () => {
    const tissue: Item = { ...DEMO_ITEMS[0]!, id: 'ITM-T1', isbt128Codes: ['A9999XYZ100T0944'] };
    const udi = '=/A9999XYZ100T0944=,000025=A99971312345600=>027032=}026032&,1000000000000XYZ123';
    const resolved = resolveScan(udi, { ...context, items: [...DEMO_ITEMS, tissue] });
    expect(resolved).toMatchObject({
      kind: 'product',
      item: { id: 'ITM-T1' },
      isbt128Code: 'A9999XYZ100T0944',
      lotCode: '000000000000XYZ123',
      serial: '000025',
      expiry: '2027-02-01',
    });
    if (resolved.kind === 'product')
      expect(productCodeLabel(resolved)).toBe('ISBT 128 A9999XYZ100T0944');
  });

  it('an ISBT 128 structure without the product code asks for the label that has it', () => {
    expect(resolveScan('=>027032', context)).toMatchObject({
      kind: 'rejected',
      code: 'NO_PRODUCT',
    });
  });

  it('an unknown ISBT 128 product finds the pending item captured for it', () => {
    const pending = {
      id: 'PND-A9999XYZ100T0944',
      facilityId: 'FAC-DEMO',
      isbt128Code: 'A9999XYZ100T0944',
      description: 'Bone graft',
      capturedBy: 'U1',
      capturedAt: '2026-11-23T10:00:00.000Z',
      status: 'pending' as const,
    };
    const resolved = resolveScan('=/A9999XYZ100T0944', { ...context, pendingItems: [pending] });
    expect(resolved).toMatchObject({ kind: 'product', pending: { id: pending.id } });
  });
});
