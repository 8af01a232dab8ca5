import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useDeviceSettings } from '../app/device-settings';
import { useProductScan } from '../app/use-product-scan';
import { useScanDecision } from '../app/use-scan-decision';
import { ItemCard } from '../components/item-card';
import { ItemSearch } from '../components/item-search';
import { ItemStockTable } from '../components/item-stock-table';
import { ScanPrompt } from '../components/scan-prompt';
import { beep } from '../scanning/feedback';

/** Scan anything to see what it is, where it is and whether it may be used. */
export function LookupScreen() {
  const home = useDeviceSettings((s) => s.homeLocationId);
  const { decisionFor, expiryOf } = useScanDecision('issue', home);
  const { scan, error, enter } = useProductScan((s) => {
    const d = decisionFor(s);
    beep(d && !d.allowed ? 'stop' : s.item ? 'ok' : 'warn');
  });
  const decision = scan ? decisionFor(scan) : undefined;
  return (
    <Stack gap="md">
      <Title order={1}>Look up an item</Title>
      <ScanPrompt error={error}>Scan any item label to see its card.</ScanPrompt>
      <ItemSearch onEnter={enter} />
      {decision && !decision.allowed && (
        <Alert
          color="red"
          variant="filled"
          role="alert"
          title="This unit must not be used"
          data-testid="lookup-blocked"
        >
          <List>
            {decision.reasons.map((r) => (
              <List.Item key={r.code}>
                <Text fz="lg" fw={600}>
                  {r.message}
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {scan && (
        // No location is chosen here: the card counts the lot across the facility, not at the
        // PC's home shelf (the decision still judges an issue from there).
        <ItemCard scan={scan} expiry={expiryOf(scan)} decision={decision} hereLocationId={null} />
      )}
      {scan?.item && (
        <>
          <Title order={2}>Where {scan.item.name} is</Title>
          <ItemStockTable itemId={scan.item.id} />
        </>
      )}
    </Stack>
  );
}
