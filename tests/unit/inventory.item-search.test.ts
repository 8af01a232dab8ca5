import { describe, expect, it } from 'vitest';
import { searchItems } from '../../shared/inventory/item-search';
import { DEMO_ITEMS } from '../../renderer/seed/demo-catalogue';

const names = (query: string) => searchItems(DEMO_ITEMS, query).map((i) => i.name);

describe('finding an item without its label', () => {
  it('by words of the name, in any order and case', () => {
    expect(names('foley')).toEqual([expect.stringContaining('Foley catheter')]);
    expect(names('CATHETER foley')).toEqual(names('foley catheter'));
  });

  it('by catalogue number, whole GTIN, the last digits of a GTIN, or HIBCC code', () => {
    const foley = DEMO_ITEMS.find((i) => i.name.startsWith('Foley'));
    const gtin = foley?.gtins[0] ?? '';
    expect(names(foley?.catalogNumber ?? '-')).toContain(foley?.name);
    expect(names(gtin)).toEqual([foley?.name]);
    expect(names(gtin.slice(-6))).toContain(foley?.name);
    const hibcc = DEMO_ITEMS.find((i) => i.hibccCodes.length > 0);
    expect(names(hibcc?.hibccCodes[0] ?? '-')).toEqual([hibcc?.name]);
  });

  it('finds nothing for an empty query or a word no item has', () => {
    expect(names('  ')).toEqual([]);
    expect(names('zeppelin')).toEqual([]);
  });
});
