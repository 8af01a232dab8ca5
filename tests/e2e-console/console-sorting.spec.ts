import { expect, test, type Locator, type Page } from '@playwright/test';
import { supplyRequest } from '../integration/sync-helpers/documents';
import { ConsolePage } from './console-page';
import { addWardWithPc, enrolPcOnScreen, setUpStaffedWard } from './flows/ward-set-up';

/**
 * Sorting the console's lists from the keyboard: Tab to a column's header button, Enter or Space.
 * The header's aria-sort and the table's caption say how the rows stand.
 */

/** Tab forward, as a person does, until `target` has focus. */
async function tabTo(page: Page, target: Locator, most = 40): Promise<void> {
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

const rowKeys = (table: Locator) =>
  table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['rowKey'] ?? ''));

test('a buyer looking for the quiet PCs sorts them by last contact, facility and status', async ({
  page,
  request: api,
}) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  const quiet = await addWardWithPc(console, api, {
    id: 'FAC-PCSORT-A',
    name: 'Alder Ward',
    deviceName: 'Alder never seen',
  });
  const busy = await enrolPcOnScreen(console, api, 'Alder Ward', 'Alder busy');
  const other = await addWardWithPc(console, api, {
    id: 'FAC-PCSORT-B',
    name: 'Birch Ward',
    deviceName: 'Birch busy',
  });
  // Two PCs are heard from, Alder's first; the third has not been in touch since it enrolled.
  for (const pc of [busy, other]) {
    const pulled = await api.get('/v1/replication/items/pull?limit=1', {
      headers: { authorization: `Bearer ${pc.token}` },
    });
    expect(pulled.status()).toBe(200);
  }
  const mine = [quiet.deviceId, busy.deviceId, other.deviceId];
  const table = page.getByTestId('pcs-table');
  const order = async () => (await rowKeys(table)).filter((id) => mine.includes(id));
  await expect.poll(order).toHaveLength(3);
  const header = (name: string) => table.getByRole('columnheader', { name, exact: true });
  const caption = table.locator('caption');
  // Columns a person would look for quiet PCs by can be sorted; the rest have no sort control.
  for (const name of ['Facility', 'Last contact', 'Status']) {
    await expect(header(name)).toHaveAttribute('aria-sort', 'none');
  }
  await expect(header('Events received').getByRole('button')).toHaveCount(0);

  // Last contact: the never-seen PC first, then the longest quiet; the caption says so.
  await page.getByRole('heading', { name: 'Stockroom PCs' }).click();
  await tabTo(page, header('Last contact').getByRole('button'));
  await page.keyboard.press('Enter');
  await expect(header('Last contact')).toHaveAttribute('aria-sort', 'ascending');
  await expect(caption).toContainText(
    'sorted by Last contact, ascending: PCs never heard from first, then the longest quiet',
  );
  await expect.poll(order).toEqual([quiet.deviceId, busy.deviceId, other.deviceId]);
  await page.keyboard.press('Space');
  await expect(header('Last contact')).toHaveAttribute('aria-sort', 'descending');
  await expect(caption).toContainText('the latest first, PCs never heard from last');
  await expect.poll(order).toEqual([other.deviceId, busy.deviceId, quiet.deviceId]);
  await console.expectNoAxeViolations('PCs (sorted by last contact)');
  await console.screenshots('pcs-sorted-last-contact');

  // Facility: Alder's two PCs before Birch's; two PCs of one facility keep one order (their id).
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(header('Facility').getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(header('Facility')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Last contact')).toHaveAttribute('aria-sort', 'none');
  await expect(caption).toContainText('sorted by Facility, ascending');
  const alder = [quiet.deviceId, busy.deviceId].sort();
  await expect.poll(order).toEqual([...alder, other.deviceId]);

  // Status: the revoked PC goes last, the ones that need nothing before it.
  const revoke = table.getByRole('button', { name: 'Revoke Birch busy (FAC-PCSORT-B)' });
  await revoke.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke this PC' }).click();
  await expect(table.getByRole('row', { name: /Birch busy/ })).toContainText('Revoked');
  await header('Facility').getByRole('button').focus();
  await tabTo(page, header('Status').getByRole('button'));
  await page.keyboard.press('Enter');
  await expect(header('Status')).toHaveAttribute('aria-sort', 'ascending');
  await expect(caption).toContainText('the most pressing first, then OK, then revoked');
  await expect.poll(async () => (await order()).at(-1)).toBe(other.deviceId);
});

test('a buyer sorts the exception queue by facility and by age from the keyboard', async ({
  page,
  request: api,
}) => {
  const console = new ConsolePage(page);
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const raised: string[] = [];
  // Two wards, each with a STAT request nobody acknowledged: Zinnia's the older.
  for (const [id, name, minutes] of [
    ['FAC-EXSORT-Z', 'Zinnia Ward', 100],
    ['FAC-EXSORT-A', 'Aster Ward', 50],
  ] as const) {
    const nurse = `USR-NM-${id.slice(-1)}-EXSORT`;
    const { token } = await setUpStaffedWard(console, api, id, name, nurse);
    const doc = supplyRequest(id, {
      status: 'submitted',
      priority: 'stat',
      kind: 'urgent',
      createdBy: nurse,
      history: [
        { status: 'draft', at: ago(minutes), by: nurse },
        { status: 'submitted', at: ago(minutes), by: nurse },
      ],
    });
    const pushed = await api.post('/v1/replication/supply_requests/push', {
      headers: { authorization: `Bearer ${token}` },
      data: [{ newDocumentState: doc }],
    });
    expect(pushed.status()).toBe(200);
    raised.push(doc.id);
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
  const [zinnia, aster] = raised as [string, string];
  await console.signIn('buyer');
  await console.go('Exceptions');
  const table = page.getByTestId('exceptions-table');
  const order = async () =>
    (await rowKeys(table)).flatMap((key) =>
      key.includes(zinnia) ? [zinnia] : key.includes(aster) ? [aster] : [],
    );
  // As the endpoint sends it: the oldest first.
  await expect.poll(order).toEqual([zinnia, aster]);
  const header = (name: string) => table.getByRole('columnheader', { name, exact: true });
  const caption = table.locator('caption');
  await expect(caption).toHaveText('Exceptions, oldest first');

  // From the age band chips, Tab on to the Facility header's button.
  await page.getByText('Any age', { exact: true }).click();
  await tabTo(page, header('Facility').getByRole('button'));
  await page.keyboard.press('Enter');
  await expect(header('Facility')).toHaveAttribute('aria-sort', 'ascending');
  await expect(caption).toHaveText('Exceptions, oldest first (sorted by Facility, ascending)');
  await expect.poll(order).toEqual([aster, zinnia]);
  await page.keyboard.press('Space');
  await expect(header('Facility')).toHaveAttribute('aria-sort', 'descending');
  await expect(caption).toHaveText('Exceptions, oldest first (sorted by Facility, descending)');
  await expect.poll(order).toEqual([zinnia, aster]);

  // On to Age: ascending reads as an age does, the youngest first.
  await page.keyboard.press('Tab');
  await expect(header('Age').getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(header('Age')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Facility')).toHaveAttribute('aria-sort', 'none');
  await expect(caption).toHaveText('Exceptions, oldest first (sorted by Age, ascending)');
  await expect.poll(order).toEqual([aster, zinnia]);
  await page.keyboard.press('Enter');
  await expect(header('Age')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(order).toEqual([zinnia, aster]);
  // A third press gives the endpoint's order back, and the caption says no sort.
  await page.keyboard.press(' ');
  await expect(header('Age')).toHaveAttribute('aria-sort', 'none');
  await expect(caption).toHaveText('Exceptions, oldest first');
  await console.expectNoAxeViolations('exceptions (sorted)');
  await console.screenshots('exceptions-sorted');
});
