import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { labelOf } from './pages/labels';
import { confirmAsSecondPerson } from './pages/second-person';

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
  // Blind: the ledger's 30 is nowhere on the screen (a 30 inside the lot's expiry date is no quantity).
  await expect(page.getByTestId('count-line')).not.toContainText(/(^|[^\d-])30([^\d-]|$)/);
  await page.getByRole('textbox', { name: 'Counted' }).fill('28');
  await screenshot(page, 'count');
  await expectAccessible(page, 'count');
  await page.getByTestId('count-save').click();
  // 28 against 30 is outside the 5 % tolerance: a second person approves (DOMAIN.md §6).
  const approval = page.getByTestId('count-approval');
  await expect(approval).toContainText('outside the tolerance');
  await expect(page.getByTestId('counted-lines')).toHaveCount(0);
  // The counter cannot approve their own count, another tech cannot approve it, nor a wrong PIN.
  await confirmAsSecondPerson(approval, person('tech'));
  await expect(approval.getByRole('alert')).toContainText('cannot confirm your own change');
  await confirmAsSecondPerson(approval, { badge: person('supervisor').badge, pin: '000000' });
  await expect(approval.getByRole('alert')).toContainText('PIN is not right');
  await expect(page.getByTestId('counted-lines')).toHaveCount(0);
  await screenshot(page, 'count-approval');
  await confirmAsSecondPerson(approval, person('supervisor'));
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
  await page.getByRole('textbox', { name: 'Your PIN' }).fill('000000');
  await page.getByTestId('adjust-save').click();
  await expect(page.getByRole('alert')).toContainText('Enter your own PIN');
  await page.getByRole('textbox', { name: 'Your PIN' }).fill(person('tech').pin);
  await screenshot(page, 'adjust');
  await expectAccessible(page, 'adjust');
  await page.getByTestId('adjust-save').click();
  // +2 on 28 is beyond the 5 % tolerance: the same second person as a count.
  const adjustApproval = page.getByTestId('count-approval');
  await expect(adjustApproval).toContainText('This adjustment is outside the tolerance');
  await expectAccessible(page, 'adjust (second person)');
  await confirmAsSecondPerson(adjustApproval, person('tech'));
  await expect(adjustApproval.getByRole('alert')).toContainText('cannot confirm your own change');
  await expect(page.getByText('Adjusted', { exact: true })).toHaveCount(0);
  await confirmAsSecondPerson(adjustApproval, person('supervisor'));
  await expect(page.getByText('Adjusted', { exact: true })).toBeVisible();

  await app.go('Look up', 'Look up an item');
  await app.scan(labelOf('GL5521'));
  await expect(page.getByRole('table', { name: 'Where this lot is' })).toContainText(
    'Stockroom A · Shelf 230',
  );
});
