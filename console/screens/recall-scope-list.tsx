import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RecalledProduct, RecallScope } from '../../shared/console';

const day = (iso: string) =>
  new Date(`${iso}T00:00:00`).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });

function product(p: RecalledProduct): string {
  return `${p.itemName ?? 'not in the item master'} (${p.kind} ${p.code})`;
}

/** "A, B, C and 12 more": the card lists a long notice's first codes and says how many it names. */
function someOf(shown: readonly string[], total: number): string {
  const rest = total - shown.length;
  return `${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}

function lotsOf(scope: RecallScope): string {
  if (scope.allLots) return 'Every lot';
  const parts = [
    ...(scope.lotCodeCount > 0 ? [someOf(scope.lotCodes, scope.lotCodeCount)] : []),
    ...scope.lotRanges.map((r) => `${r.from} to ${r.to}`),
  ];
  return parts.length > 0 ? parts.join('; ') : 'None named';
}

function expiryOf(scope: RecallScope): string | null {
  const { expiryFrom: from, expiryTo: to } = scope;
  if (from && to) return `${day(from)} to ${day(to)}`;
  if (from) return `On or after ${day(from)}`;
  if (to) return `On or before ${day(to)}`;
  return null;
}

function Entry({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" fz="sm" fw={700}>
        {term}
      </Text>
      <Text
        component="dd"
        fz="sm"
        m={0}
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {children}
      </Text>
    </>
  );
}

/** What a recall covers, on its card: a buyer sees what is recalled without opening the ERP. */
export function RecallScopeList({ scope }: { scope: RecallScope }) {
  const expiry = expiryOf(scope);
  return (
    <Box
      component="dl"
      data-testid="recall-scope"
      m={0}
      style={{
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr',
        columnGap: 'var(--mantine-spacing-md)',
        rowGap: 4,
      }}
    >
      <Entry term="Products">
        {scope.products.length > 0 ? scope.products.map(product).join('; ') : 'None named'}
      </Entry>
      <Entry term="Lots">{lotsOf(scope)}</Entry>
      {scope.serialCount > 0 && (
        <Entry term="Serials">{someOf(scope.serials, scope.serialCount)}</Entry>
      )}
      {expiry && <Entry term="Expiring">{expiry}</Entry>}
      <Entry term="What to do">{scope.instructions}</Entry>
    </Box>
  );
}
