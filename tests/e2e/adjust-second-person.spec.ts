import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { labelOf } from './pages/labels';
import { confirmAsSecondPerson } from './pages/second-person';

test("an adjustment beyond the tolerance waits for a supervisor's badge and PIN; another tech cannot give it", async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await app.go('Adjust', 'Adjust stock');
  await app.scan('LOC-A2');
  await app.scan(labelOf('GL5521'));
  await expect(page.getByTestId('on-hand-here')).toContainText('On hand here: 30');
  await page.getByRole('textbox', { name: /Change/ }).fill('-25');
  await page.getByRole('combobox', { name: 'Reason' }).click();
  await page.getByRole('option', { name: 'lost' }).click();
  await page.getByRole('textbox', { name: 'Your PIN' }).fill(person('tech').pin);
  await page.getByTestId('adjust-save').click();

  const approval = page.getByTestId('count-approval');
  await expect(approval).toContainText('This adjustment is outside the tolerance');
  await confirmAsSecondPerson(approval, person('nurse-manager'));
  await expect(approval.getByRole('alert')).toContainText('cannot confirm this change');
  await confirmAsSecondPerson(approval, { badge: 'SRB-999999', pin: person('supervisor').pin });
  await expect(approval.getByRole('alert')).toContainText('badge is not known');
  await expect(page.getByText('Adjusted', { exact: true })).toHaveCount(0);

  await confirmAsSecondPerson(approval, person('supervisor'));
  await expect(page.getByText('Adjusted', { exact: true })).toBeVisible();
  await app.go('Look up', 'Look up an item');
  await app.scan(labelOf('GL5521'));
  await expect(page.getByRole('table', { name: 'Where this lot is' })).toContainText(
    'Stockroom A · Shelf 25',
  );
});
