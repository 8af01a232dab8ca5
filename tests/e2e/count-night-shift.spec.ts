import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { labelOf } from './pages/labels';

test('a night count outside tolerance waits for the supervisor, who approves or sends back from a queue', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await app.go('Cycle count');
  await app.scan('LOC-A2');
  const task = page.getByTestId('shelf-task');
  // The lots the record expects on Shelf 2, without their quantities: the count stays blind.
  await expect(task).toContainText('lot GL5521');
  await expect(task).toContainText('lot MK1200');
  // The 30 on hand of GL5521 is not shown; a 30 inside an expiry date (2027-01-30) is no quantity.
  await expect(task).not.toContainText(/(^|[^\d-])30([^\d-]|$)/);

  await app.scan(labelOf('GL5521'));
  await page.getByRole('textbox', { name: 'Counted' }).fill('12');
  // Enter in "Counted" records the count, as Record count does.
  await page.keyboard.press('Enter');
  const approval = page.getByTestId('count-approval');
  await expect(approval).toContainText('No supervisor here?');
  // The default, focused, is to leave it for a supervisor: Enter does it.
  await expect(page.getByTestId('count-defer')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('counted-lines')).toContainText(
    'lot GL5521: 12 · awaiting supervisor approval (stock unchanged)',
  );
  await expect(task.getByTestId('shelf-task-line').filter({ hasText: 'GL5521' })).toContainText(
    'counted',
  );

  await task.getByRole('button', { name: 'Finish shelf' }).click();
  const confirm = page.getByTestId('finish-shelf-confirm');
  await expect(confirm).toContainText('not scanned');
  await expect(confirm).toContainText('lot MK1200');
  await expect(confirm).not.toContainText('lot GL5521');
  await screenshot(page, 'count-finish-shelf');
  await expectAccessible(page, 'count-finish-shelf');
  await page.getByTestId('finish-shelf-zero').click();
  await expect(page.getByTestId('counted-lines')).toContainText('lot MK1200: 0 (not found)');

  // Nothing changed yet: the record still says 30 of GL5521.
  await app.go('Look up', 'Look up an item');
  await app.scan(labelOf('GL5521'));
  await expect(page.getByRole('table', { name: 'Where this lot is' })).toContainText(
    'Stockroom A · Shelf 230',
  );

  await app.go('Dashboard');
  await expect(page.getByTestId('dash-count-approvals')).toContainText(
    'Counts awaiting approval · 4',
  );
  await page.getByRole('button', { name: 'Lock / switch user' }).click();
  await app.signInByBadge(person('supervisor'));
  await app.go('Count approvals');
  const lines = page.getByTestId('count-approval-line');
  const gloves = lines.filter({ hasText: 'GL5521' });
  // The supervisor sees what the counter could not: book, counted, variance and value.
  await expect(gloves).toContainText(person('tech').name);
  await expect(gloves.getByRole('cell').nth(2)).toHaveText('30');
  await expect(gloves.getByRole('cell').nth(3)).toHaveText('12');
  await expect(gloves.getByRole('cell').nth(4)).toHaveText('-18');
  await screenshot(page, 'count-approvals');
  await expectAccessible(page, 'count-approvals');
  await gloves.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('count-approvals-done')).toContainText('approved, stock -18');

  const kit = lines.filter({ hasText: 'MK1200' });
  await kit.getByRole('button', { name: 'Send back…' }).click();
  await page.getByRole('button', { name: 'Send back', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Say why it goes back');
  await page
    .getByRole('textbox', { name: 'Why it goes back' })
    .fill('Recount: kits are on the top shelf');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-approvals-done')).toContainText('MK1200');
  await expect(lines.filter({ hasText: 'MK1200' })).toHaveCount(0);

  await app.go('Look up', 'Look up an item');
  await app.scan(labelOf('GL5521'));
  await expect(page.getByRole('table', { name: 'Where this lot is' })).toContainText(
    'Stockroom A · Shelf 212',
  );
});
