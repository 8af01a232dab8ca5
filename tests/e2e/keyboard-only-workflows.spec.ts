import { expect, test, type Browser, type Page } from '@playwright/test';
import bwipjs from 'bwip-js/node';
import { AppPage, person } from './pages/app-page';
import { expectAccessible } from './pages/evidence';
import { labelVideo, launchWithCamera, writeWorkFile } from './pages/fake-camera';
import { openByKeyboard, tabTo } from './pages/keyboard';
import { labelOf } from './pages/labels';
import { wedgeScan } from './pages/wedge';

/** A tech signs in with the badge scanner, which is a keyboard too. */
async function badgeIn(page: Page): Promise<void> {
  await wedgeScan(page, person('tech').badge);
  await expect(page.getByTestId('signed-in-user')).toHaveText(person('tech').name);
}

/** Opens a select with the keyboard and walks its options down to `option`, then Enter. */
async function chooseByKeyboard(page: Page, option: string): Promise<void> {
  await page.keyboard.press('ArrowDown');
  const wanted = page.getByRole('option', { name: option, exact: true });
  await expect(wanted).toBeVisible();
  for (let presses = 0; presses < 20; presses++) {
    if ((await wanted.getAttribute('data-combobox-selected')) !== null) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

// No mouse: labels, shelf labels and the badge come from the wedge scanner; the rest from Tab,
// the arrow keys, typing at a person's pace and Enter.
test.describe('keyboard only, the other workflows', () => {
  test('transfer: shelf labels from and to, the item, Enter moves it', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await badgeIn(page);
    await openByKeyboard(page, 'Put away / transfer', 'Put away and transfer');
    await wedgeScan(page, 'LOC-A1');
    await wedgeScan(page, 'LOC-A2');
    await wedgeScan(page, labelOf('SY4410'));
    await expect(page.getByTestId('transfer-confirm')).toBeFocused();
    await expect(page.getByTestId('transfer-confirm')).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Moved', { exact: true })).toBeVisible();
    await expect(page.getByTestId('item-card')).toHaveCount(0);
  });

  test('adjust: the change takes the focus after the scan; reason, PIN and Adjust by Tab', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await badgeIn(page);
    await openByKeyboard(page, 'Adjust', 'Adjust stock');
    await wedgeScan(page, 'LOC-A2');
    await wedgeScan(page, labelOf('GL5521'));
    const change = page.getByRole('textbox', { name: /Change/ });
    await expect(change).toBeFocused();
    await page.keyboard.type('1', { delay: 120 });
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Reason' })).toBeFocused();
    await chooseByKeyboard(page, 'found');
    await expect(page.getByRole('combobox', { name: 'Reason' })).toHaveValue('found');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: 'Your PIN' })).toBeFocused();
    await page.keyboard.type(person('tech').pin, { delay: 120 });
    await tabTo(page, 'Adjust');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Adjusted', { exact: true })).toBeVisible();
    await expect(page.getByTestId('item-card')).toHaveCount(0);
  });

  test('count: the lot scan puts the focus on Counted; type the count, Enter records it', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await badgeIn(page);
    await openByKeyboard(page, 'Cycle count', 'Cycle count');
    await wedgeScan(page, 'LOC-A1');
    await wedgeScan(page, labelOf('SY4410'));
    // No Tab: the count is the next act, as the change is on Adjust.
    const counted = page.getByRole('textbox', { name: 'Counted' });
    await expect(counted).toBeFocused();
    await page.keyboard.type('200', { delay: 120 });
    await expect(counted).toHaveValue('200');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('counted-lines')).toContainText('lot SY4410: 200');

    // The next lot: the focus is on Counted again, and Tab then Enter on Record does it too.
    await wedgeScan(page, labelOf('SF7781'));
    await expect(counted).toBeFocused();
    await expect(counted).toHaveValue('');
    await page.keyboard.type('80', { delay: 120 });
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('count-save')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('counted-lines')).toContainText('lot SF7781: 80');
  });
});

/** A GS1-128 label of a demo lot, as the fake camera's video. */
async function cameraVideoOf(lotCode: string): Promise<string> {
  const scan = labelOf(lotCode);
  const png = await bwipjs.toBuffer({
    bcid: 'gs1-128',
    text: `(01)${scan.slice(2, 16)}(17)${scan.slice(18, 24)}(10)${lotCode}`,
    scale: 2,
    height: 12,
    paddingwidth: 12,
    paddingheight: 12,
    backgroundcolor: 'FFFFFF',
  });
  return labelVideo(writeWorkFile(`${lotCode}-128.png`, png), `${lotCode}-128`);
}

test.describe('with the camera panel open', () => {
  let browser: Browser | undefined;
  test.afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  // The camera reads the label; the panel stays open above the screen, and what the tech must
  // act on next is still in view. Opened with Tab and Enter.
  const cases = [
    { lot: 'GL5521', screen: 'Receive', heading: 'Receive', inView: 'receive-confirm' },
    { lot: 'FC2409A', screen: 'Issue', heading: 'Issue to a department', inView: 'hard-stop' },
  ] as const;
  for (const { lot, screen, heading, inView } of cases) {
    test(`${screen}: ${inView} in view at 1366×768 and 1024×768`, async ({ baseURL }) => {
      test.setTimeout(150_000);
      browser = await launchWithCamera(await cameraVideoOf(lot));
      for (const width of [1366, 1024]) {
        const context = await browser.newContext({
          baseURL,
          permissions: ['camera'],
          viewport: { width, height: 768 },
        });
        const page = await context.newPage();
        const app = new AppPage(page);
        await app.open();
        await badgeIn(page);
        await openByKeyboard(page, screen, heading);
        await tabTo(page, 'Camera');
        await page.keyboard.press('Enter');
        await expect(page.getByLabel('Camera view')).toBeVisible();
        await expect(page.getByTestId('item-lot')).toHaveText(`Lot ${lot}`, { timeout: 20_000 });
        await expect(page.getByTestId(inView)).toBeInViewport();
        await page.screenshot({
          path: `test-results/screenshots/camera-${screen.toLowerCase()}-${width}x768.png`,
        });
        await expectAccessible(page, `${screen} with the camera open at ${width}`);
        await context.close();
      }
    });
  }
});
