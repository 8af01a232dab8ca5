import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { labelOf, today } from './pages/labels';

function yymmdd(daysAhead: number): string {
  const d = new Date(`${today()}T12:00:00`);
  d.setDate(d.getDate() + daysAhead);
  return d.toISOString().slice(2, 10).replaceAll('-', '');
}

test('receiving against the expected delivery books the line', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await app.go('Receive');
  await page.getByRole('combobox', { name: 'Expected delivery' }).click();
  await page.getByRole('option', { name: /PO-4471/ }).click();
  await app.scan(`011088540312345017${yymmdd(500)}10IVC2612C`);
  await expect(page.getByTestId('item-card')).toContainText('IV catheter 20G');
  await expect(page.getByRole('textbox', { name: 'Quantity' })).toHaveValue('100');
  await screenshot(page, 'receive');
  await expectAccessible(page, 'receive');
  await page.getByTestId('receive-confirm').click();
  await expect(page.getByRole('alert').getByText('Received', { exact: true })).toBeVisible();
  const line = page
    .getByRole('table', { name: 'Delivery lines' })
    .getByRole('row', { name: /IV catheter/ });
  await expect(line).toContainText('100100');
});

test('an unknown GTIN never blocks a receipt: it is captured as a pending item', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await app.go('Receive');
  await page.getByText('Free receipt', { exact: true }).click();
  await app.scan(`0100812345678901${'17'}${yymmdd(300)}10NEW1`);
  await expect(page.getByTestId('capture-pending')).toBeVisible();
  // Confirming without a description asks for one; once captured, that request goes away.
  await page.getByTestId('receive-confirm').click();
  const ask = page.getByRole('alert').filter({ hasText: 'Type what the package says' });
  await expect(ask).toBeVisible();
  await page
    .getByRole('textbox', { name: 'What the package says' })
    .fill('Chlorhexidine swab stick, 3 mL');
  await page.getByRole('textbox', { name: 'Quantity' }).fill('12');
  await screenshot(page, 'receive-pending-item');
  await page.getByTestId('receive-confirm').click();
  await expect(page.getByText('Received', { exact: true })).toBeVisible();
  await expect(ask).toHaveCount(0);

  await app.go('Sync status');
  await expect(page.getByText('New products waiting for the centre')).toBeVisible();
  await expect(page.getByTestId('sync-waiting')).not.toHaveText('0');
  await screenshot(page, 'sync-status');
  await expectAccessible(page, 'sync status');
});

test('receiving shows what remains, over-receipt and items not on the delivery as they happen', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await app.go('Receive');
  // The one open delivery is chosen already.
  await expect(page.getByRole('combobox', { name: 'Expected delivery' })).toHaveValue(/PO-4471/);
  const line = page
    .getByRole('table', { name: 'Delivery lines' })
    .getByRole('row', { name: /IV catheter/ });
  await expect(line.getByTestId('line-state')).toHaveText('Waiting: 100 expected');

  const label = `011088540312345017${yymmdd(500)}10IVC2612C`;
  await app.scan(label);
  await page.getByRole('textbox', { name: 'Quantity' }).fill('60');
  await page.getByTestId('receive-confirm').click();
  await expect(line.getByTestId('line-state')).toHaveText('40 still to come');

  // The next scan offers what remains, not the line's whole quantity.
  await app.scan(label);
  await expect(page.getByRole('textbox', { name: 'Quantity' })).toHaveValue('40');
  await expect(page.getByTestId('over-receipt')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Quantity' }).fill('45');
  await expect(page.getByTestId('over-receipt')).toContainText('over by 5');
  await page.getByTestId('receive-confirm').click();
  await expect(line).toHaveAttribute('data-state', 'over');
  await expect(line.getByTestId('line-state')).toHaveText('Over by 5');

  // Gloves are not on PO-4471.
  await app.scan(labelOf('GL5521'));
  await expect(page.getByTestId('not-on-delivery')).toContainText('not on PO-4471');
  await screenshot(page, 'receive-progress');
  await expectAccessible(page, 'receive (progress)');
});

test('a quantity typed before the scan is kept', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await app.go('Issue', 'Issue to a department');
  await page.getByRole('textbox', { name: 'Quantity' }).fill('5');
  await app.scan(labelOf('SY4410'));
  await expect(page.getByTestId('item-card')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Quantity' })).toHaveValue('5');
});
