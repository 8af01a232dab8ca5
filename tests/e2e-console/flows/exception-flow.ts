import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { stockEvent } from '../../integration/sync-helpers/documents';
import { ConsolePage } from '../console-page';
import { addWardWithPc } from './ward-set-up';

/**
 * Issue 14: a PC's push is refused at the centre; the exception reaches an open console within
 * seconds (its live stream, not a reload), an admin takes it and resolves it with a comment, and
 * the resolved item keeps its history. `on.console` serves the console; `api` (the PC's calls)
 * may be another endpoint process on the same PostgreSQL.
 */
export async function exceptionFromOpenToResolved(
  page: Page,
  api: APIRequestContext,
  on: { console: string } = { console: '' },
): Promise<void> {
  const console = new ConsolePage(page, on.console);
  await console.open();
  await console.signIn('admin');
  const { token, deviceId } = await addWardWithPc(console, api, {
    id: 'FAC-EXC',
    name: 'Exceptions Ward',
    deviceName: 'Ward 7 PC',
  });

  await console.go('Exceptions');
  await page.getByRole('combobox', { name: 'Facility' }).click();
  await page.getByRole('option', { name: /Exceptions Ward/ }).click();
  const table = page.getByTestId('exceptions-table');
  await expect(page.getByText('Nothing here needs a person.')).toBeVisible();

  // The PC records an issue by someone the centre does not know at this facility: refused.
  const refused = await api.post('/v1/replication/stock_events/push', {
    headers: { authorization: `Bearer ${token}` },
    data: [{ newDocumentState: stockEvent({ facilityId: 'FAC-EXC', deviceId }) }],
  });
  expect(refused.status()).toBe(403);
  // Within seconds, without a reload: the console's live stream.
  const row = table.getByRole('row', { name: /Push refused/ });
  await expect(row).toBeVisible({ timeout: 5_000 });
  await expect(row).toContainText('FAC-EXC');
  // Said to the buyer: the PC and the facility by name, and not the PC user's sign-in advice.
  await expect(row).toContainText(
    'PC “Ward 7 PC” at Exceptions Ward (FAC-EXC): the centre refused',
  );
  await expect(row).not.toContainText(/badge|PIN/);
  await expect(row).toContainText('nobody');
  await expect(page.getByText('Under 1 hour: 1', { exact: true })).toBeVisible();
  await console.expectNoAxeViolations('exceptions (open)');
  await console.screenshots('exceptions-open');

  await row.getByRole('button', { name: /Take ownership of/ }).click();
  await expect(row).toContainText('owned');
  await expect(row).toContainText('ada.admin');
  await expect(row).toContainText('Taken by Ada Admin (ada.admin)');
  await row.getByRole('button', { name: /Resolve/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Resolve this exception' });
  await dialog
    .getByRole('textbox', { name: 'How was it resolved?' })
    .pressSequentially('Added the technician to Exceptions Ward staff in the ERP', { delay: 120 });
  await console.expectNoAxeViolations('exceptions (resolve dialog)');
  await console.screenshots('exceptions-resolve');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByText('Nothing here needs a person.')).toBeVisible();

  await page.getByText('Resolved', { exact: true }).click();
  const resolved = table.getByRole('row', { name: /Push refused/ });
  await expect(resolved).toContainText('resolved');
  await expect(resolved).toContainText('Resolved by Ada Admin (ada.admin)');
  await expect(resolved).toContainText('Added the technician to Exceptions Ward staff in the ERP');
  await console.expectNoAxeViolations('exceptions (resolved)');
  await console.screenshots('exceptions-resolved');
}
