import { Table, Text } from '@mantine/core';
import type { ScanResult } from '../../shared/barcode/types';

/** A parse in words, field by field: what support staff read before the raw answer. */
export function ParsedScanTable({ parsed }: { parsed: ScanResult | undefined }) {
  if (!parsed) return null;
  if (!parsed.ok) {
    return (
      <Text fz="lg" c="red.9" fw={600} data-testid="setup-refused">
        Refused ({parsed.error.code}): {parsed.error.message}
      </Text>
    );
  }
  const rows: [string, string | undefined][] = [
    [
      'Standard',
      `${parsed.standard} · ${parsed.form}${parsed.symbology ? ` · ${parsed.symbology}` : ''}`,
    ],
    ['GTIN', parsed.gtin],
    [
      'HIBCC product',
      parsed.hibcc && 'productCode' in parsed.hibcc ? parsed.hibcc.productCode : undefined,
    ],
    ['Lot', parsed.lot],
    ['Serial', parsed.serial],
    [
      'Expiry',
      parsed.expiry
        ? `${parsed.expiry}${parsed.expiryRaw ? ` (label: ${parsed.expiryRaw})` : ''}`
        : undefined,
    ],
    ['Quantity', parsed.quantity === undefined ? undefined : String(parsed.quantity)],
    ['Warnings', parsed.warnings.map((w) => w.message).join(' ') || undefined],
  ];
  return (
    <Table fz="lg" aria-label="Parsed fields" data-testid="setup-fields">
      <Table.Tbody>
        {rows
          .filter((row): row is [string, string] => row[1] !== undefined)
          .map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th>{name}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}
