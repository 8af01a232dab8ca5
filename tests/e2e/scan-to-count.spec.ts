import { expect, test, type Page } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { openByKeyboard } from './pages/keyboard';
import { labelOf } from './pages/labels';
import { wedgeScan } from './pages/wedge';

/** Tabs until the focus is on `radio` (a radio's own name is its label, not its text). */
async function tabToRadio(page: Page, name: string): Promise<void> {
  const radio = page.getByRole('radio', { name });
  for (let presses = 0; presses < 60; presses++) {
    if (await radio.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`the "${name}" choice was not reached by Tab`);
}

// Keyboard only: the badge, shelf and unit labels come from the wedge scanner, the rest from Tab,
// the arrow keys and Enter.
test('scan to count: each scan of the lot on screen adds one; another lot waits its turn', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await wedgeScan(page, person('tech').badge);
  await expect(page.getByTestId('signed-in-user')).toHaveText(person('tech').name);
  await openByKeyboard(page, 'Cycle count', 'Cycle count');
  await tabToRadio(page, 'Type the count');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /Scan to count/ })).toBeChecked();

  await wedgeScan(page, 'LOC-A3');
  const counted = page.getByRole('textbox', { name: 'Counted' });
  for (let unit = 1; unit <= 4; unit++) {
    await wedgeScan(page, labelOf('CV88123'));
    await expect(counted).toHaveValue(String(unit));
  }
  await expect(page.getByTestId('queued-scans')).toHaveCount(0);
  // Another lot is not added: it waits, where the tech sees it.
  await wedgeScan(page, labelOf('ST5590'));
  await expect(page.getByTestId('queued-scans')).toContainText('lot ST5590');
  await expect(counted).toHaveValue('4');
  for (const [width, name] of [
    [1366, 'scan-to-count-1366'],
    [1024, 'scan-to-count-1024'],
  ] as const) {
    await page.setViewportSize({ width, height: 768 });
    await screenshot(page, name);
  }
  await expectAccessible(page, 'scan to count');

  await expect(page.getByTestId('count-save')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('counted-lines')).toContainText('lot CV88123: 4');
  // The waiting lot comes up as its first unit.
  await expect(page.getByTestId('count-line')).toContainText('lot ST5590');
  await expect(counted).toHaveValue('1');
  await expect(page.getByTestId('queued-scans')).toHaveCount(0);
});
