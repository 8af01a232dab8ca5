import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';

test('suggestions explain themselves, become a submitted request, and a two-bin card orders once', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await app.go('Replenishment');
  const saline = page.getByTestId('suggestion').filter({ hasText: 'Saline flush' });
  await expect(saline).toContainText('Par 150, available 80');
  await screenshot(page, 'replenishment');
  await expectAccessible(page, 'replenishment');
  await saline.getByRole('checkbox').check();
  await page.getByTestId('request-submit').click();
  await expect(page.getByText('Request submitted', { exact: true })).toBeVisible();
  // Now on order: the review nets it and stops suggesting it.
  await expect(page.getByTestId('suggestion').filter({ hasText: 'Saline flush' })).toHaveCount(0);

  await app.scan('PAR-1004-A1');
  await expect(page.getByTestId('two-bin-result')).toContainText('Ordered');
  await app.scan('PAR-1004-A1');
  await expect(page.getByTestId('two-bin-result')).not.toContainText('Ordered');
});
