import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';

test('the screen locks after inactivity, and another person takes over with a badge scan', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open({ lockAfterSeconds: 2 });
  await app.signInByBadge(person('tech'));
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByText('Locked for Tess Tran')).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  await screenshot(page, 'lock');
  await expectAccessible(page, 'lock');

  const supervisor = person('supervisor');
  await app.signInByBadge(supervisor);
  await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
});

test('a nurse manager sees only what the role allows', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByPin(person('nurse-manager'));
  const nav = page.getByRole('navigation', { name: 'Screens' });
  await expect(nav.getByRole('link', { name: 'Issue', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Receive', exact: true })).toHaveCount(0);
});
