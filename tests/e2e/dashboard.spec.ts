import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';

test('the dashboard lists expiring lots soonest first', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('supervisor'));
  const lines = await page.getByTestId('dash-expiry').getByRole('listitem').allTextContents();
  const dates = lines.map((line) => /\d{4}-\d{2}-\d{2}/.exec(line)?.[0] ?? '');
  expect(dates.length).toBeGreaterThan(3);
  expect(dates.every(Boolean)).toBe(true);
  expect(dates).toEqual([...dates].sort());
});
