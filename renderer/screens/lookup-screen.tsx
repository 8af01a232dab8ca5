import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { useDeviceSettings } from '../app/device-settings';
import { useStockData } from '../app/stock-data';
import { useProductScan } from '../app/use-product-scan';
import { ItemCard } from '../components/item-card';
import { ScanPrompt } from '../components/scan-prompt';
import { beep } from '../scanning/feedback';
import { decide, knownExpiry } from '../scanning/scan-decision';

/** Scan anything to see what it is, where it is and whether it may be used. */
export function LookupScreen() {
  const data = useStockData();
  const home = useDeviceSettings((s) => s.homeLocationId);
  const location = data.locationById.get(home);
  const { scan, error } = useProductScan((s) => {
    const d = decide(
      {
        scan: s,
        today: data.today,
        notices: data.openNotices,
        balances: data.balances,
        ...(location ? { location } : {}),
      },
      'issue',
    );
    beep(d && !d.allowed ? 'stop' : s.item ? 'ok' : 'warn');
  });
  const input = scan
    ? {
        scan,
        today: data.today,
        notices: data.openNotices,
        balances: data.balances,
        ...(location ? { location } : {}),
      }
    : undefined;
  const decision = input ? decide(input, 'issue') : undefined;
  return (
    <Stack gap="md">
      <Title order={1}>Look up an item</Title>
      <ScanPrompt error={error}>Scan any item label to see its card.</ScanPrompt>
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
      {scan && input && (
        <ItemCard
          scan={scan}
          today={data.today}
          expiry={knownExpiry(input)}
          decision={decision}
          hereLocationId={home}
        />
      )}
    </Stack>
  );
}
