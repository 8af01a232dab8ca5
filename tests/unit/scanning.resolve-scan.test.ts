import { describe, expect, it } from 'vitest';
import { DEMO_ITEMS, DEMO_LOCATIONS } from '../../renderer/seed/demo-catalogue';
import { addDays, demoLabels } from '../../renderer/seed/demo-labels';
import { resolveScan } from '../../renderer/scanning/resolve-scan';

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
});
