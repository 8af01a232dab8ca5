import { expect, test, type Page } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { openByKeyboard, tabTo } from './pages/keyboard';
import { labelOf, today } from './pages/labels';
import { wedgeScan } from './pages/wedge';

function yymmdd(daysAhead: number): string {
  const d = new Date(`${today()}T12:00:00`);
  d.setDate(d.getDate() + daysAhead);
  return d.toISOString().slice(2, 10).replaceAll('-', '');
}

/** The PO-4471 document as stored in this origin's IndexedDB (not through the app). */
function storedDelivery(page: Page): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((n) => n.endsWith('--deliveries'));
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result as Record<string, unknown>[]);
          all.onerror = () => reject(all.error);
        });
        const found = rows.find((r) => r['id'] === 'PO-4471' && r['closure']);
        if (found) return found;
      }
      db.close();
    }
    return undefined;
  });
}

// Keyboard only: the badge and labels come from the wedge scanner, the rest from Tab, typing and
// Enter, as a tech closes a delivery at the dock.
test('a tech receives against PO-4471 and closes it with its discrepancies, keyboard only', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await wedgeScan(page, person('tech').badge);
  await expect(page.getByTestId('signed-in-user')).toHaveText(person('tech').name);
  await openByKeyboard(page, 'Receive', 'Receive');
  await expect(page.getByRole('combobox', { name: 'Expected delivery' })).toHaveValue(/PO-4471/);

  await wedgeScan(page, `011088540312345017${yymmdd(500)}10IVC2612C`);
  await expect(page.getByTestId('receive-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  const line = page
    .getByRole('table', { name: 'Delivery lines' })
    .getByRole('row', { name: /IV catheter/ });
  await expect(line.getByTestId('line-state')).toHaveText('Complete');
  // Another lot of the same item than the one the supplier announced.
  await wedgeScan(page, labelOf('IVC2611A'));
  await expect(page.getByTestId('over-receipt')).toBeVisible();
  await expect(page.getByTestId('receive-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(line.getByTestId('line-state')).toHaveText('Over by 1');

  await tabTo(page, 'Close delivery PO-4471…');
  await page.keyboard.press('Enter');
  const closing = page.getByTestId('delivery-closing');
  await expect(closing).toBeVisible();
  // The focus is on the first line's damaged count; the gloves' line is the second.
  await expect(page.getByRole('textbox', { name: /^Damaged: IV catheter/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: /^Damaged: / }).nth(1)).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('5', { delay: 120 });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Two cartons crushed', { delay: 60 });
  const summary = page.getByTestId('discrepancy-summary');
  await expect(summary).toContainText('120 short');
  await expect(summary).toContainText('1 over');
  await expect(summary).toContainText('1 wrong lot (lot IVC2611A)');
  await expect(summary).toContainText('5 damaged');
  for (const [width, name] of [
    [1366, 'delivery-close-1366'],
    [1024, 'delivery-close-1024'],
  ] as const) {
    await page.setViewportSize({ width, height: 768 });
    await screenshot(page, name);
  }
  await expectAccessible(page, 'delivery closing');

  await tabTo(page, 'Close PO-4471');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Closed PO-4471', { exact: true })).toBeVisible();
  await expect(closing).toHaveCount(0);
  // Closed here: it is no longer offered for receiving.
  await expect(page.getByRole('combobox', { name: 'Expected delivery' })).toHaveValue('');
  await expectAccessible(page, 'receive after closing');
  // Stored for the centre with the discrepancy summary it will tell the ERP.
  const stored = await storedDelivery(page);
  expect(stored?.['closure']).toMatchObject({
    closedBy: person('tech').id,
    note: 'Two cartons crushed',
    discrepancies: expect.arrayContaining([
      { kind: 'short', itemId: 'ITM-1006', quantity: 120 },
      { kind: 'damaged', itemId: 'ITM-1006', quantity: 5 },
    ]),
  });
});
