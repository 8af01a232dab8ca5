import { expect, test, type Page } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { labelOf } from './pages/labels';
import { storedEvents } from './pages/stored-events';

async function switchTo(app: AppPage, role: Parameters<typeof person>[0]): Promise<void> {
  await app.page.getByRole('button', { name: 'Lock / switch user' }).click();
  await app.signInByBadge(person(role));
}

/** A nurse manager's STAT request for two Foley catheters, acknowledged and approved (the ICU has no par level for them). */
async function statForFoley(page: Page, app: AppPage): Promise<void> {
  await app.signInByBadge(person('nurse-manager'));
  await app.go('Urgent requests');
  await page.getByRole('combobox', { name: 'Item' }).click();
  await page.getByRole('option', { name: /Foley catheter/ }).click();
  await page.getByRole('textbox', { name: 'Quantity' }).fill('2');
  await page.getByRole('combobox', { name: 'Priority' }).click();
  await page.getByRole('option', { name: 'STAT' }).click();
  await page
    .getByRole('textbox', { name: 'Reason' })
    .fill('Patient in bay 4 needs a catheter now.');
  await page.getByTestId('urgent-submit').click();
  await switchTo(app, 'supervisor');
  await app.go('Urgent requests');
  const request = page.getByTestId('urgent-request').filter({ hasText: '2 × Foley catheter' });
  await request.getByRole('button', { name: 'Acknowledge' }).click();
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(request.getByLabel('Status history')).toContainText('approved');
}

test('a tech picks a STAT request in FEFO order, is stopped at the recalled lot, and issues and ships it', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await statForFoley(page, app);
  await switchTo(app, 'tech');
  await app.go('Pick requests');
  const card = page.getByTestId('pick-request').filter({ hasText: '2 × Foley catheter' });
  await expect(card).toContainText('stat');
  await card.getByRole('button', { name: 'Pick' }).click();

  // The list offers the good lot, never the recalled one.
  const line = page.getByTestId('pick-line').filter({ hasText: 'Foley catheter' });
  await expect(line).toContainText('lot FC2410C');
  await expect(line).not.toContainText('FC2409A');
  await expectAccessible(page, 'pick list');

  // The recalled lot taken off the shelf by mistake is a STOP and is not picked.
  await app.scan(labelOf('FC2409A'));
  await expect(page.getByTestId('hard-stop')).toHaveAttribute('data-reasons', /RECALLED/);
  await expect(page.getByTestId('picked')).toHaveCount(0);
  await screenshot(page, 'pick-recalled-stop');

  // The same lot read by a scanner that dropped the GS after it: the STOP names the recall too.
  await app.scan(`${labelOf('FC2409A')}21FS000123`);
  await expect(page.getByTestId('hard-stop')).toBeVisible();
  await expect(page.getByTestId('hard-stop')).toContainText('FC2409A');
  await expect(page.getByTestId('picked')).toHaveCount(0);

  await app.scan(labelOf('FC2410C'));
  await expect(page.getByTestId('hard-stop')).toHaveCount(0);
  await expect(line).toContainText('1 of 2');
  await app.scan(labelOf('FC2410C'));
  await expect(line).toContainText('2 of 2');
  // A third is more than the request needs.
  await app.scan(labelOf('FC2410C'));
  await expect(page.getByRole('alert').filter({ hasText: 'already picked in full' })).toBeVisible();
  await screenshot(page, 'pick-ready');

  // Keyboard: the confirm bar has the focus; Enter issues and ships.
  await expect(page.getByTestId('pick-ship')).toHaveText('Issue 2 and ship');
  await page.getByTestId('pick-ship').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Issued and shipped', { exact: true })).toBeVisible();
  await expect(page.getByTestId('pick-none')).toBeVisible();

  const issues = (await storedEvents(page)).filter(
    (e) => e['type'] === 'issue' && e['requestId'] !== undefined,
  );
  expect(issues.map((e) => [e['lotCode'], e['quantity'], e['toLocationId']])).toEqual([
    ['FC2410C', 2, 'DEP-ICU'],
  ]);

  // The nurse manager sees it shipped, and confirms what reached the ward: the request is done.
  await switchTo(app, 'nurse-manager');
  await app.go('Urgent requests');
  const mine = page.getByTestId('urgent-request').filter({ hasText: '2 × Foley catheter' });
  await expect(mine.getByLabel('Status history')).toContainText('shipped');
  await mine.getByRole('button', { name: 'Mark received (2 units)' }).click();
  await expect(mine.getByLabel('Status history')).toContainText('received');
  await expect(mine.getByRole('button', { name: /Mark received/ })).toHaveCount(0);
});

test('a nurse manager has no pick screen', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('nurse-manager'));
  await expect(
    page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Pick requests' }),
  ).toHaveCount(0);
});
