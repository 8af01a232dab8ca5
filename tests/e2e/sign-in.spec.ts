import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { labelOf } from './pages/labels';

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

test('a box scanned at the sign-in prompt is named at once, and the badge after it signs in', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  // At 3 a.m. the scanner is in one hand and a box in the other.
  await app.scan(labelOf('IVC2603B'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('That was a product label (GTIN');
  await expect(alert).toContainText(
    'lot IVC2603B), not a badge. Scan your badge, or choose your name and enter your PIN.',
  );
  await screenshot(page, 'sign-in-product-label');
  await expectAccessible(page, 'sign-in, a product label scanned');
  await app.signInByBadge(person('tech'));
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
});
