import { expect, test, type Page } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';

/** Issue 15: a supervisor acknowledges and approves on the PC; a requester never approves. */
async function raiseStat(page: Page, quantity: string, reason: string) {
  await page.getByRole('combobox', { name: 'Item' }).click();
  await page.getByRole('option', { name: 'Saline flush syringe 10 mL' }).click();
  await page.getByRole('textbox', { name: 'Quantity' }).fill(quantity);
  await page.getByRole('combobox', { name: 'Priority' }).click();
  await page.getByRole('option', { name: 'STAT' }).click();
  await page.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await page.getByTestId('urgent-submit').click();
}

test('a nurse manager raises a STAT request; a supervisor acknowledges and approves it', async ({
  page,
}) => {
  await page.clock.install();
  const app = new AppPage(page);
  await app.open({ lockAfterSeconds: 60 });
  await app.signInByBadge(person('nurse-manager'));
  await app.go('Urgent requests');
  // 600 units: above the built-in policy's 500, so one approval level is needed.
  await raiseStat(page, '600', 'Mass casualty drill turned real.');
  const request = page.getByTestId('urgent-request').filter({ hasText: '600 × Saline flush' });
  await expect(request).toContainText('submitted');
  // A nurse manager may not acknowledge or approve.
  await expect(request.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);

  await page.clock.fastForward('02:00'); // the screen locks; the supervisor takes over
  await app.signInByBadge(person('supervisor'));
  await app.go('Urgent requests');
  await request.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(request.getByTestId('approval-needed')).toContainText(
    'Needs approval level 1 of 1 (the built-in policy: the centre has set none)',
  );
  await screenshot(page, 'request-awaiting-approval');
  await expectAccessible(page, 'request awaiting approval');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(request.getByLabel('Status history')).toContainText('approved');
  await expect(
    request.locator('.mantine-Badge-root').filter({ hasText: /^approved$/ }),
  ).toHaveCount(1);
});

test('a supervisor who raised a request is not offered Approve for it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('supervisor'));
  await app.go('Urgent requests');
  await raiseStat(page, '700', 'Theatre 2 ran out during a case.');
  const request = page.getByTestId('urgent-request').filter({ hasText: '700 × Saline flush' });
  await request.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(request.getByTestId('own-request')).toHaveText(
    'You raised this request: another supervisor approves it.',
  );
  await expect(request.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await screenshot(page, 'request-own-no-approve');
});
