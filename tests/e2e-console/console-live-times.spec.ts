import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { supplyRequest } from '../integration/sync-helpers/documents';
import { ConsolePage } from './console-page';
import { setUpStaffedWard } from './flows/ward-set-up';

/**
 * A buyer keeps the console open all shift: what is worked out from an instant (a wait, an age,
 * whether a request is late) counts on with the clock, not only when the list reloads. The page's
 * clock is Playwright's, so the test lets time pass without waiting for it.
 */

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

async function raiseStat(
  api: APIRequestContext,
  token: string,
  facilityId: string,
  nurseManager: string,
  minutesAgo: number,
): Promise<string> {
  const doc = supplyRequest(facilityId, {
    status: 'submitted',
    priority: 'stat',
    kind: 'urgent',
    createdBy: nurseManager,
    createdAt: ago(minutesAgo),
    history: [
      { status: 'draft', at: ago(minutesAgo), by: nurseManager },
      { status: 'submitted', at: ago(minutesAgo), by: nurseManager },
    ],
  });
  const pushed = await api.post('/v1/replication/supply_requests/push', {
    headers: { authorization: `Bearer ${token}` },
    data: [{ newDocumentState: doc }],
  });
  expect(pushed.status(), await pushed.text()).toBe(200);
  return doc.id;
}

const minutesIn = async (page: Page, text: Promise<string | null>) =>
  Number(/for (\d+) min/.exec((await text) ?? '')?.[1]);

test('a request that turns late while Requests stays open says so, without a reload', async ({
  page,
  request: api,
}) => {
  await page.clock.install();
  const console = new ConsolePage(page);
  const { token } = await setUpStaffedWard(console, api, 'FAC-LIVE-R', 'Live Ward', 'USR-NM-LR');
  // STAT is to be acknowledged within 15 minutes; this one was sent 5 minutes ago.
  const id = await raiseStat(api, token, 'FAC-LIVE-R', 'USR-NM-LR', 5);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await console.signIn('buyer');
  await console.go('Requests');
  const row = page.getByTestId('requests-table').locator(`tr[data-row-key="${id}"]`);
  await expect(row).toContainText('On time');
  await expect(row).not.toHaveAttribute('data-attention');

  // Eleven minutes on, nobody has touched the page: it is late, and the row stands out.
  await page.clock.fastForward('11:00');
  await expect(row.getByTestId('request-escalation')).toHaveText(
    /^Not acknowledged for 1[67] min — reminder sent$/,
  );
  await expect(row).not.toContainText('On time');
  await expect(row).toHaveAttribute('data-attention', 'true');
  // Another window: the next rung, as the ladder itself would say it.
  await page.clock.fastForward('15:00');
  await expect(row.getByTestId('request-escalation')).toHaveText(
    /^Not acknowledged for 3[12] min — escalated to the supervisor$/,
  );
});

test('an escalated request on Exceptions counts its wait and its age on while the page stays open', async ({
  page,
  request: api,
}) => {
  await page.clock.install();
  const console = new ConsolePage(page);
  const { token } = await setUpStaffedWard(console, api, 'FAC-LIVE-X', 'Queue Ward', 'USR-NM-LX');
  // Sent 50 minutes ago, never acknowledged: three windows late, in the centre's queue since 35.
  await raiseStat(api, token, 'FAC-LIVE-X', 'USR-NM-LX', 50);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await console.signIn('buyer');
  await console.go('Exceptions');
  await page.getByRole('combobox', { name: 'Facility' }).click();
  await page.getByRole('option', { name: /Queue Ward/ }).click();
  const row = page
    .getByTestId('exceptions-table')
    .getByRole('row', { name: /Urgent request escalated/ });
  const what = row.getByRole('cell').nth(2);
  const age = row.getByRole('cell').nth(3);
  await expect(what).toContainText(/Not acknowledged for 5\d min — escalated to the centre/);
  await expect(age).toHaveText(/^3\d min ago$/);
  await expect(page.getByText('Under 1 hour: 1', { exact: true })).toBeVisible();
  const waited = await minutesIn(page, what.textContent());
  const aged = Number(/(\d+) min ago/.exec((await age.textContent()) ?? '')?.[1]);

  // Ten minutes on: the wait in the summary and the age have both moved on by ten.
  await page.clock.fastForward('10:00');
  await expect(what).toContainText(
    new RegExp(
      `STAT request .+ of Queue Ward \\(FAC-LIVE-X\\) for 50 × ITM-1001 \\(not in the item master\\): Not acknowledged for (${waited + 10}|${waited + 11}) min — escalated to the centre`,
    ),
  );
  await expect(age).toHaveText(new RegExp(`^(${aged + 10}|${aged + 11}) min ago$`));
  // The take button names what it takes as the row now reads.
  await expect(row.getByRole('button', { name: /Take ownership of/ })).toHaveAccessibleName(
    new RegExp(`for (${waited + 10}|${waited + 11}) min`),
  );

  // Half an hour more: past an hour old, it moves to the next age band, and a window later the
  // ERP rung is what the ladder says.
  await page.clock.fastForward('30:00');
  await expect(age).toHaveText('1 h ago');
  await expect(page.getByText('Under 1 hour: 0', { exact: true })).toBeVisible();
  await expect(page.getByText('1 to 4 hours: 1', { exact: true })).toBeVisible();
  await expect(what).toContainText(
    /Not acknowledged for 9\d min — escalated to the centre and the ERP/,
  );
  // Choosing the band filters by the age the row shows now.
  await page.getByText('1 to 4 hours: 1', { exact: true }).click();
  await expect(row).toBeVisible();
  await page.getByText('Under 1 hour: 0', { exact: true }).click();
  await expect(page.getByText('Nothing here needs a person.')).toBeVisible();
  await console.expectNoAxeViolations('exceptions (counting on)');
});
