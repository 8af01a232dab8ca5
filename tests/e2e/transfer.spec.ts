import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { labelOf } from './pages/labels';

test('put-away by scanning shelf labels moves stock; a recalled lot may only go to quarantine', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await app.go('Put away / transfer', 'Put away and transfer');
  await app.scan('LOC-A1');
  await expect(page.getByRole('combobox', { name: 'Take from' })).toHaveValue(/Shelf 1/);
  await app.scan('LOC-A2');
  await expect(page.getByRole('combobox', { name: 'Put on' })).toHaveValue(/Shelf 2/);
  await app.scan(labelOf('SY4410'));
  await page.getByRole('textbox', { name: 'Quantity' }).fill('25');
  await screenshot(page, 'transfer');
  await expectAccessible(page, 'transfer');
  await page.getByTestId('transfer-confirm').click();
  await expect(page.getByText('Moved', { exact: true })).toBeVisible();
  // The 25 was for that item: the next one starts again from one, as on Issue and Receive.
  await expect(page.getByRole('textbox', { name: 'Quantity' })).toHaveValue('1');
  await app.scan(labelOf('SY4410'));
  await expect(page.getByTestId('transfer-confirm')).toHaveText('Move 1');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await app.scan('LOC-A3');
  await app.scan('LOC-A1');
  await app.scan(labelOf('FC2409A'));
  await expect(page.getByTestId('hard-stop')).toContainText('recalled lot FC2409A');
  await expect(page.getByTestId('transfer-confirm')).toHaveCount(0);

  await app.go('Look up', 'Look up an item');
  await app.scan(labelOf('SY4410'));
  // Look up has no location chosen: the card counts the lot everywhere, the table per shelf.
  await expect(page.getByTestId('on-hand-here')).toHaveText('On hand across the facility: 200');
  await expect(page.getByRole('table', { name: 'Where this lot is' })).toContainText(
    'Stockroom A · Shelf 1175',
  );
  await expect(page.getByRole('table', { name: 'Where this lot is' })).toContainText(
    'Stockroom A · Shelf 225',
  );
});
