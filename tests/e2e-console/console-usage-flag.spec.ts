import { expect, test } from '@playwright/test';
import type { AnomalyDecision } from '../../shared/model';
import { stockEvent } from '../integration/sync-helpers/documents';
import { staffUser } from '../integration/sync-helpers/staff';
import { ConsolePage } from './console-page';
import { addWardWithPc, createKeyOnScreen } from './flows/ward-set-up';

const DAY = 86_400_000;

test('a buyer dismisses an unusual usage flag with a note, and the stockroom PC reads the decision', async ({
  page,
  request: api,
}) => {
  // Set-up by the integration administrator: a facility, its PC, its tech from the ERP.
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  const { token, deviceId } = await addWardWithPc(console, api, {
    id: 'FAC-FLAG',
    name: 'Flag Ward',
  });
  const key = await createKeyOnScreen(console, 'erp-flag-staff', ['users:write']);
  const staffed = await api.put('/v1/erp/users', {
    headers: { authorization: `Bearer ${key}` },
    data: [staffUser('USR-TECH-FLAG', 'tech', ['FAC-FLAG'])],
  });
  expect(staffed.status()).toBe(200);

  // Twelve usual weeks of 9 gloves, then 48 an hour ago: the PC pushes what its tech issued.
  const now = Date.now();
  const issue = (daysAgo: number, quantity: number, n: number) =>
    stockEvent(
      { facilityId: 'FAC-FLAG', deviceId },
      {
        id: `EVT-FLAG-${n}`,
        deviceSeq: n + 1,
        type: 'issue',
        itemId: 'ITM-GLOVE',
        locationId: 'LOC-A1',
        toLocationId: 'DEP-ICU',
        actorId: 'USR-TECH-FLAG',
        quantity,
        occurredAt: new Date(now - daysAgo * DAY - 3_600_000).toISOString(),
      },
    );
  const events = [
    ...Array.from({ length: 12 }, (_, w) => issue(7 * (w + 1), 9, w)),
    issue(0, 48, 12),
  ];
  const pushed = await api.post('/v1/replication/stock_events/push', {
    headers: { authorization: `Bearer ${token}` },
    data: events.map((e) => ({ newDocumentState: e })),
  });
  expect(pushed.status(), await pushed.text()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The buyer finds the flag in the queue, takes it and decides it.
  await console.signIn('buyer');
  await console.go('Exceptions');
  await page.getByRole('combobox', { name: 'Facility' }).click();
  await page.getByRole('option', { name: /Flag Ward/ }).click();
  const table = page.getByTestId('exceptions-table');
  // The flag names the facility by name; an item the master lacks keeps its id and says so.
  const flagged =
    /ITM-GLOVE \(not in the item master\) at LOC-A1, Flag Ward \(FAC-FLAG\): issued 48/;
  const row = table.getByRole('row', { name: flagged });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /Take ownership of/ }).click();
  await expect(row).toContainText('bo.buyer');
  await row.getByRole('button', { name: /Resolve/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Decide this usage flag' });
  const note = dialog.getByRole('textbox', { name: /Why\?/ });
  await note.fill('Outbreak on the ward: real demand');
  // A note alone is not a decision: the buyer must say which.
  await expect(dialog.getByRole('button', { name: 'Record decision' })).toBeDisabled();
  await dialog.getByRole('radio', { name: /Dismiss/ }).check();
  await console.expectNoAxeViolations('exceptions (decide a usage flag)');
  await console.screenshots('exceptions-usage-flag');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await expect(dialog).toBeHidden();

  await page.getByText('Resolved', { exact: true }).click();
  const resolved = table.getByRole('row', { name: flagged });
  await expect(resolved).toContainText(
    'Dismissed at the centre: Outbreak on the ward: real demand',
  );

  // The stockroom's PC reads the centre's decision back, with who made it.
  const read = await api.get('/v1/replication/anomaly-decisions', {
    headers: { authorization: `Bearer ${token}` },
  });
  const { decisions } = (await read.json()) as { decisions: AnomalyDecision[] };
  expect(decisions).toContainEqual(
    expect.objectContaining({
      decision: 'dismissed',
      note: 'Outbreak on the ward: real demand',
      centre: { username: 'bo.buyer', name: 'Bo Buyer' },
    }),
  );
});
