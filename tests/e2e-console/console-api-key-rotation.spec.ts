import { expect, test, type Page } from '@playwright/test';
import { ConsolePage } from './console-page';

/** A day `days` from now, as the date field holds it. */
function dayFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Types a day into the focused date field by keyboard, its parts in the order the browser's
 * language shows them (month first in en-US), as a person fills the field segment by segment.
 */
async function typeDay(page: Page, day: string): Promise<void> {
  const [year, month, date] = day.split('-') as [string, string, string];
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat(navigator.language)
      .formatToParts(new Date(2026, 10, 22))
      .map((p) => p.type)
      .filter((t) => t === 'year' || t === 'month' || t === 'day'),
  );
  const parts = { year, month, day: date };
  for (const part of order) await page.keyboard.type(parts[part]);
}

const inWords = async (page: Page, day: string) => {
  const language = await page.evaluate(() => navigator.language);
  return new Date(`${day}T00:00:00`).toLocaleDateString(language, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
};

test('an admin rotates a key by keyboard, choosing its expiry; a day already begun rotates nothing', async ({
  page,
}) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  await console.go('Integration');
  const term = dayFromNow(40);
  const form = page.getByRole('form', { name: 'Create an API key' });
  await form.getByLabel('Name').fill('erp-rotating');
  await form.getByLabel('Expires on (optional)').fill(term);
  await form.getByRole('checkbox', { name: 'events:read' }).check();
  await form.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByTestId('api-key-secret');
  const first = (await secret.locator('code').textContent()) ?? '';
  expect(first).toMatch(/^sk_/);
  await secret.getByRole('button', { name: 'I have stored it' }).click();
  const row = page.getByTestId('api-keys-table').getByRole('row', { name: /erp-rotating/ });
  const expiresCell = row.getByRole('cell').nth(4);
  const rotatedCell = row.getByRole('cell').nth(5);
  const expiresBefore = (await expiresCell.textContent()) ?? '';
  await expect(rotatedCell).toHaveText('—');

  // The key's Rotate button, from the keyboard: the dialog opens on the expiry, set to the old day.
  await row.getByRole('button', { name: 'Rotate erp-rotating' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Rotate erp-rotating?' });
  const field = dialog.getByLabel('Expires on (optional)');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(term);
  await expect(dialog).toContainText('the new secret lives as long as the old would have');
  await console.expectNoAxeViolations('integration (rotate dialog)');
  await console.screenshots('integration-rotate');

  // Today: refused in the admin's own words for the day, before anything is sent.
  const today = dayFromNow(0);
  await typeDay(page, today);
  await expect(field).toHaveValue(today);
  // Enter in the field sends the form, as it does in any form.
  await page.keyboard.press('Enter');
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('Key not rotated');
  await expect(refusal).toContainText(
    `${await inWords(page, today)} is today: a key that expires on it would stop working at once. Pick a day after today, or leave "Expires on" empty for a key that never expires.`,
  );
  await expect(refusal).not.toContainText(/\d{4}-\d\d-\d\dT/);
  await expect(secret).toHaveCount(0);
  await expect(rotatedCell).toHaveText('—');
  await console.expectNoAxeViolations('integration (rotation refused)');
  await console.screenshots('integration-rotate-refused');

  // A later day, typed over the refused one: rotated, the new secret shown once, the day kept.
  const later = dayFromNow(90);
  // Tab into the field from the dialog's Close button: the first part of the day takes the keys.
  await dialog.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Tab');
  await typeDay(page, later);
  await expect(field).toHaveValue(later);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(secret.locator('code')).toHaveText(/^sk_/);
  await expect(secret.locator('code')).not.toHaveText(first);
  await expect(rotatedCell).not.toHaveText('—');
  await expect(expiresCell).not.toHaveText(expiresBefore);
  await expect(expiresCell).toContainText(
    new Date(`${later}T00:00:00`).toLocaleString('en-US', { month: 'short' }),
  );
});

test('rotating a key that never expires keeps it so, unless a day is typed', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  await console.go('Integration');
  const form = page.getByRole('form', { name: 'Create an API key' });
  await form.getByLabel('Name').fill('erp-forever');
  await form.getByRole('checkbox', { name: 'events:read' }).check();
  await form.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByTestId('api-key-secret');
  await expect(secret).toContainText(/sk_/);
  await secret.getByRole('button', { name: 'I have stored it' }).click();
  const row = page.getByTestId('api-keys-table').getByRole('row', { name: /erp-forever/ });
  await expect(row.getByRole('cell').nth(4)).toHaveText('never');

  await row.getByRole('button', { name: 'Rotate erp-forever' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Rotate erp-forever?' });
  const field = dialog.getByLabel('Expires on (optional)');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
  await expect(dialog).toContainText('The key never expired: leave this empty to keep it so.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(secret.locator('code')).toHaveText(/^sk_/);
  await expect(row.getByRole('cell').nth(5)).not.toHaveText('—');
  await expect(row.getByRole('cell').nth(4)).toHaveText('never');
  // Escape leaves the dialog with nothing rotated, and focus back on the key's Rotate button.
  await secret.getByRole('button', { name: 'I have stored it' }).click();
  await row.getByRole('button', { name: 'Rotate erp-forever' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row.getByRole('button', { name: 'Rotate erp-forever' })).toBeFocused();
  await expect(secret).toHaveCount(0);
});

test('a key whose term ends while Integration stays open shows expired, and rotating offers a fresh term', async ({
  page,
}) => {
  await page.clock.install();
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  await console.go('Integration');
  const form = page.getByRole('form', { name: 'Create an API key' });
  await form.getByLabel('Name').fill('erp-ending');
  await form.getByLabel('Expires on (optional)').fill(dayFromNow(10));
  await form.getByRole('checkbox', { name: 'events:read' }).check();
  await form.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByTestId('api-key-secret');
  await expect(secret).toContainText(/sk_/);
  await secret.getByRole('button', { name: 'I have stored it' }).click();
  const row = page.getByTestId('api-keys-table').getByRole('row', { name: /erp-ending/ });
  await expect(row).toContainText('active');
  await expect(row).not.toHaveAttribute('data-attention');

  // Eleven days on, the page never reloaded: the key's term is over and the row says so.
  await page.clock.fastForward(11 * 86_400_000);
  await expect(row).toContainText('expired');
  await expect(row).toHaveAttribute('data-attention', 'true');
  await row.getByRole('button', { name: 'Rotate erp-ending' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Rotate erp-ending?' });
  await expect(dialog.getByLabel('Expires on (optional)')).not.toHaveValue('');
  await expect(dialog).toContainText(
    /The old key had expired: a term as long as its own \((9|10|11) days\) from today\./,
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
