import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible } from './pages/evidence';

test('the dashboard lists expiring lots soonest first, with where they are', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('supervisor'));
  const lines = await page.getByTestId('dash-expiry').getByRole('listitem').allTextContents();
  const dates = lines.map((line) => /\d{4}-\d{2}-\d{2}/.exec(line)?.[0] ?? '');
  expect(dates.length).toBeGreaterThan(3);
  expect(dates.every(Boolean)).toBe(true);
  expect(dates).toEqual([...dates].sort());
  // Two lots of one item and lot in two places must not read as the same line.
  expect(lines.every((line) => / on hand in \S/.test(line))).toBe(true);
});

test('a long expiry list shows the soonest five and the rest on request, from the keyboard', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('supervisor'));
  const card = page.getByTestId('dash-expiry');
  const badges = await card.locator('[data-band]').allTextContents();
  const total = badges.reduce((t, b) => t + Number(/(\d+)$/.exec(b)?.[1] ?? 0), 0);
  // The demo stock has more lots inside 90 days than the card draws at first.
  expect(total).toBeGreaterThan(5);
  await expect(card.getByRole('listitem')).toHaveCount(5);
  const more = card.getByRole('button', { name: `Show all ${total} expiring lots` });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('listitem')).toHaveCount(total);
  const fewer = card.getByRole('button', { name: 'Show the first 5 only' });
  await expect(fewer).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, 'dashboard with every expiring lot listed');
  await fewer.click();
  await expect(card.getByRole('listitem')).toHaveCount(5);
});
