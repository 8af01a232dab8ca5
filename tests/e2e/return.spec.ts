import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { labelOf } from './pages/labels';

test('a return puts good stock back on the shelf and sends a recalled lot to quarantine', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await app.go('Return', 'Return from a department');
  await app.scan(labelOf('IVC2611A'));
  await page.getByRole('textbox', { name: 'Quantity' }).fill('4');
  await screenshot(page, 'return');
  await expectAccessible(page, 'return');
  await page.getByTestId('return-confirm').click();
  await expect(page.getByText('Returned', { exact: true })).toBeVisible();

  // The 4 was for that item: the next one starts again from one, as on Issue and Receive.
  await expect(page.getByRole('textbox', { name: 'Quantity' })).toHaveValue('1');
  await app.scan(labelOf('FC2409A'));
  await expect(page.getByTestId('return-quarantine')).toContainText('recalled lot FC2409A');
  await expect(page.getByTestId('return-confirm')).toHaveText('Return 1');
  // It goes to the cage, not the shelf chosen: the card counts the lot across the facility.
  await expect(page.getByTestId('on-hand-here')).toHaveText('On hand across the facility: 18');
  await page.getByTestId('return-confirm').click();
  await expect(page.getByText(/into Quarantine cage/)).toBeVisible();
});
