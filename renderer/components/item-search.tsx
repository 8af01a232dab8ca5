import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Item } from '../../shared/model';
import { searchItems } from '../../shared/inventory/item-search';
import { useStockData } from '../app/stock-data';
import type { ProductScan } from '../scanning/resolve-scan';

/** A hand entry in the shape of a scan, so the same recall and expiry decisions apply to it. */
function typedProduct(item: Item, lotCode: string, expiry: string | undefined): ProductScan {
  const gtin = item.gtins[0];
  const hibccCode = item.hibccCodes[0];
  return {
    kind: 'product',
    parsed: {
      ok: true,
      standard: gtin ? 'GTIN' : 'HIBCC',
      form: gtin ? 'plain-gtin' : 'hibcc-primary',
      ...(gtin ? { gtin } : {}),
      ...(lotCode ? { lot: lotCode } : {}),
      ...(expiry ? { expiry } : {}),
      warnings: [],
    },
    item,
    ...(gtin ? { gtin } : hibccCode ? { hibccCode } : {}),
    lotCode,
    ...(expiry ? { expiry } : {}),
    typed: true,
  };
}

/**
 * For a unit whose label will not scan: find the item by name, catalogue number, GTIN or HIBCC
 * code, choose its lot from those on the books here, and go on as if it had been scanned.
 */
export function ItemSearch({
  onEnter,
  lotFrom = 'books',
}: {
  onEnter: (product: ProductScan) => void;
  /**
   * Where the lot comes from: one on the books here (issue, look up, count), or typed from the
   * package as printed (receive: a lot arriving is not on the books yet).
   */
  lotFrom?: 'books' | 'package';
}) {
  const { items, balances } = useStockData();
  const [query, setQuery] = useState('');
  const [item, setItem] = useState<Item>();
  const [lot, setLot] = useState<string | null>(null);
  const [typedLot, setTypedLot] = useState('');
  const [typedExpiry, setTypedExpiry] = useState('');
  const found = useMemo(() => searchItems(items, query, 8), [items, query]);
  const lots = useMemo(() => {
    const byLot = new Map<string, { expiry?: string; onHand: number }>();
    for (const b of balances) {
      if (b.itemId !== item?.id || b.onHand <= 0) continue;
      const seen = byLot.get(b.lotCode) ?? { onHand: 0, ...(b.expiry ? { expiry: b.expiry } : {}) };
      byLot.set(b.lotCode, { ...seen, onHand: seen.onHand + b.onHand });
    }
    return [...byLot.entries()].sort(([, a], [, b]) =>
      (a.expiry ?? '9999').localeCompare(b.expiry ?? '9999'),
    );
  }, [balances, item]);
  const chosen = lots.find(([code]) => code === lot);
  return (
    <Paper withBorder p="md" data-testid="item-search">
      <Stack gap="sm">
        <TextInput
          label="No label to scan? Find the item"
          description="Name, catalogue number, GTIN or HIBCC code"
          size="lg"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setItem(undefined);
            setLot(null);
          }}
        />
        {query.trim() && !item && (
          <Group gap="xs" role="list" aria-label="Items found">
            {found.length === 0 && <Text fz="lg">No item matches “{query.trim()}”.</Text>}
            {found.map((candidate) => (
              <Button
                key={candidate.id}
                role="listitem"
                variant="default"
                size="md"
                onClick={() => setItem(candidate)}
              >
                {candidate.name}
                {candidate.catalogNumber ? ` · ${candidate.catalogNumber}` : ''}
              </Button>
            ))}
          </Group>
        )}
        {item && lotFrom === 'package' && (
          <Group align="flex-end">
            <TextInput
              label={`Lot of ${item.name}, as printed`}
              description="Leave empty if the package has none"
              size="lg"
              maxLength={20}
              value={typedLot}
              onChange={(e) => setTypedLot(e.currentTarget.value)}
            />
            <TextInput
              label="Expiry as printed"
              description="Leave empty if none"
              type="date"
              size="lg"
              value={typedExpiry}
              onChange={(e) => setTypedExpiry(e.currentTarget.value)}
            />
            <Button
              size="lg"
              onClick={() => {
                onEnter(typedProduct(item, typedLot.trim(), typedExpiry || undefined));
                setQuery('');
                setItem(undefined);
                setTypedLot('');
                setTypedExpiry('');
              }}
            >
              Use this item
            </Button>
          </Group>
        )}
        {item && lotFrom === 'books' && (
          <Group align="flex-end">
            <Select
              label={`Lot of ${item.name}`}
              size="lg"
              miw={330}
              value={lot}
              onChange={setLot}
              data={lots.map(([code, l]) => ({
                value: code,
                label: `${code || '(no lot)'} · ${l.expiry ?? 'no expiry'} · ${l.onHand} on hand`,
              }))}
              nothingFoundMessage="No lot of this item is on the books here"
            />
            <Button
              size="lg"
              disabled={!chosen}
              onClick={() => {
                if (!chosen) return;
                onEnter(typedProduct(item, chosen[0], chosen[1].expiry));
                setQuery('');
                setItem(undefined);
                setLot(null);
              }}
            >
              Use this item
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
