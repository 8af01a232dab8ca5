import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';

test('a badge scan signs a tech in and the dashboard shows the seeded stockroom', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await screenshot(page, 'sign-in');
  await expectAccessible(page, 'sign-in');
  await app.signInByBadge(person('tech'));
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('dash-recalls')).toContainText('Z-0917-2026');
  await expect(page.getByTestId('dash-below-par')).toContainText('IV catheter');
  await screenshot(page, 'dashboard');
  await expectAccessible(page, 'dashboard');
});
