import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { labelOf } from './pages/labels';

test('a blind count records what was counted, and an adjustment needs a reason and the PIN', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await app.go('Cycle count');
  await app.scan('LOC-A2');
  await expect(page.getByRole('combobox', { name: 'Shelf being counted' })).toHaveValue(/Shelf 2/);
  await app.scan(labelOf('GL5521'));
  // Blind: the ledger's 30 is nowhere on the screen.
  await expect(page.getByTestId('count-line')).not.toContainText('30');
  await page.getByRole('textbox', { name: 'Counted' }).fill('28');
  await screenshot(page, 'count');
  await expectAccessible(page, 'count');
  await page.getByTestId('count-save').click();
  // 28 against 30 is outside the 5 % tolerance: a second person approves (DOMAIN.md §6).
  const approval = page.getByTestId('count-approval');
  await expect(approval).toContainText('outside the tolerance');
  await expect(page.getByTestId('counted-lines')).toHaveCount(0);
  await approval.getByRole('combobox', { name: 'Approved by' }).click();
  await expect(page.getByRole('option', { name: person('tech').name })).toHaveCount(0);
  await page.getByRole('option', { name: person('supervisor').name }).click();
  await approval.getByRole('textbox', { name: "Approver's PIN" }).fill('0000');
  await approval.getByTestId('count-approve').click();
  await expect(approval.getByRole('alert')).toBeVisible();
  await expect(page.getByTestId('counted-lines')).toHaveCount(0);
  await approval.getByRole('textbox', { name: "Approver's PIN" }).fill(person('supervisor').pin);
  await screenshot(page, 'count-approval');
  await approval.getByTestId('count-approve').click();
  await expect(page.getByTestId('counted-lines')).toContainText(
    `lot GL5521: 28 · approved by ${person('supervisor').name}`,
  );

  await app.go('Adjust', 'Adjust stock');
  await app.scan('LOC-A2');
  await app.scan(labelOf('GL5521'));
  await expect(page.getByTestId('on-hand-here')).toContainText('On hand here: 28');
  await page.getByRole('textbox', { name: /Change/ }).fill('2');
  await page.getByRole('combobox', { name: 'Reason' }).click();
  await page.getByRole('option', { name: 'found' }).click();
  await page.getByRole('textbox', { name: 'Your PIN' }).fill('0000');
  await page.getByTestId('adjust-save').click();
  await expect(page.getByRole('alert')).toContainText('Enter your own PIN');
  await page.getByRole('textbox', { name: 'Your PIN' }).fill(person('tech').pin);
  await screenshot(page, 'adjust');
  await page.getByTestId('adjust-save').click();
  await expect(page.getByText('Adjusted', { exact: true })).toBeVisible();

  await app.go('Look up', 'Look up an item');
  await app.scan(labelOf('GL5521'));
  await expect(page.getByRole('table', { name: 'Where this lot is' })).toContainText(
    'Stockroom A · Shelf 230',
  );
});
