import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';

test.use({ viewport: { width: 1366, height: 768 } });

test('fill rate, count accuracy and expiry waste show week by week, and a week opens its records', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('supervisor'));
  const figures = page.getByTestId('facility-indicators');
  await figures.getByText('Last 90 days').click();
  for (const id of ['fill-rate', 'count-accuracy', 'expiry-waste']) {
    const card = page.getByTestId(`indicator-${id}`);
    // A chart is drawn as its card comes into view, as a person scrolls to it.
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByText(/^Week by week/)).toBeVisible();
    await expect(card.locator('.recharts-wrapper')).toBeVisible();
  }
  const accuracy = page.getByTestId('indicator-count-accuracy');
  await accuracy.scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-weekly-trends');
  // A week's bar opens that week's counts alone.
  await accuracy.locator('.recharts-bar-rectangle path').first().click();
  const table = page.getByRole('table', {
    name: /^Records behind Count accuracy: \d{4}-\d{2}-\d{2}$/,
  });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const heading = (await table.getAttribute('aria-label')) ?? '';
  const monday = Date.parse(`${heading.slice(-10)}T00:00:00Z`);
  expect(new Date(monday).getUTCDay()).toBe(1);
  await screenshot(page, 'dashboard-weekly-records');
  await expectAccessible(page, 'a week of count accuracy records');
  await page.keyboard.press('Escape');
  await expectAccessible(page, 'dashboard with weekly trends');
});
