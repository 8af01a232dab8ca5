import { expect, it } from 'vitest';
import { RECALL_SCOPE_LIST_MAX, recallScope } from '../../shared/console';
import type { Item, RecallNotice } from '../../shared/model';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';

const notice: RecallNotice = SAMPLE_DOCUMENTS.recall_notices as RecallNotice;
const item: Item = SAMPLE_DOCUMENTS.items as Item;

it('names each product by the item that holds its code, and says when no item does', () => {
  const scope = recallScope(
    {
      ...notice,
      gtins: [item.gtins[0]!, '00012345600012'],
      hibccCodes: [item.hibccCodes[0]!],
      itemIds: ['ITM-GONE'],
      catalogNumbers: [item.catalogNumber!],
    },
    [item],
  );
  expect(scope.products).toEqual([
    { kind: 'GTIN', code: item.gtins[0], itemName: item.name },
    { kind: 'GTIN', code: '00012345600012', itemName: null },
    { kind: 'HIBCC', code: item.hibccCodes[0], itemName: item.name },
    { kind: 'item', code: 'ITM-GONE', itemName: null },
    { kind: 'catalogue number', code: item.catalogNumber, itemName: item.name },
  ]);
});

it('lists a long notice’s first lots and serials and counts them all; says the expiry window and what to do', () => {
  const lots = Array.from({ length: 120 }, (_, i) => `L${i}`);
  const serials = Array.from({ length: 51 }, (_, i) => `S${i}`);
  const scope = recallScope(
    { ...notice, lotCodes: lots, serials, expiryFrom: '2026-01-01', expiryTo: '2026-06-30' },
    [],
  );
  expect(scope.lotCodes).toEqual(lots.slice(0, RECALL_SCOPE_LIST_MAX));
  expect(scope.lotCodeCount).toBe(120);
  expect(scope.serials).toHaveLength(RECALL_SCOPE_LIST_MAX);
  expect(scope.serialCount).toBe(51);
  expect(scope).toMatchObject({
    allLots: false,
    expiryFrom: '2026-01-01',
    expiryTo: '2026-06-30',
    instructions: notice.instructions,
    source: notice.source,
  });
  expect(recallScope({ ...notice, allLots: true, lotCodes: [] }, [])).toMatchObject({
    allLots: true,
    lotCodes: [],
    lotCodeCount: 0,
    expiryFrom: null,
    expiryTo: null,
  });
});
