import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';

test('a nurse manager raises a STAT request and sees its status timeline', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('nurse-manager'));
  await app.go('Urgent requests');
  await page
    .getByRole('textbox', { name: 'Item' })
    .or(page.getByRole('combobox', { name: 'Item' }))
    .click();
  await page.getByRole('option', { name: 'Saline flush syringe 10 mL' }).click();
  await page.getByRole('textbox', { name: 'Quantity' }).fill('60');
  await page.getByRole('combobox', { name: 'Priority' }).click();
  await page.getByRole('option', { name: 'STAT' }).click();
  await page.getByTestId('urgent-submit').click();
  await expect(page.getByRole('alert')).toContainText('Say why it is urgent');
  await page.getByRole('textbox', { name: 'Reason' }).fill('Code blue in bay 3; flushes ran out.');
  await page.getByTestId('urgent-submit').click();
  const request = page.getByTestId('urgent-request').filter({ hasText: 'Saline flush' });
  await expect(request).toContainText('submitted');
  await expect(request.getByLabel('Status history')).toContainText('draft');
  await screenshot(page, 'urgent-requests');
  await expectAccessible(page, 'urgent requests');

  await app.go('Dashboard');
  await expect(page.getByTestId('dash-urgent')).toContainText('60 × Saline flush');
});
