import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { GS, untilSettled } from './pages/wedge';

test.describe('scanner set-up shows what arrived and what the parser made of it', () => {
  test('Ctrl+] arrives as GS', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Scanner set-up');
    // The test labels are drawn by a large library loaded on this screen; a person scans once the
    // screen has drawn them.
    await expect(page.getByRole('img', { name: /^Test barcode/ }).first()).toBeVisible();
    await app.scan(`0109504000059101${GS}10ABC-123${GS}21SN77`);
    await expect(page.getByTestId('setup-raw')).toHaveText(
      '0109504000059101‹GS›10ABC-123‹GS›21SN77',
    );
    await expect(page.getByTestId('setup-parsed')).toContainText('"lot": "ABC-123"');
    await expect(page.getByTestId('setup-parsed')).toContainText('"serial": "SN77"');
    await screenshot(page, 'scanner-setup');
    await expectAccessible(page, 'scanner set-up');
  });

  test('Alt+0029 on the keypad and a configured <GS> stand-in arrive as GS', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Scanner set-up');
    // The test labels are drawn by a large library loaded on this screen; a person scans once the
    // screen has drawn them.
    await expect(page.getByRole('img', { name: /^Test barcode/ }).first()).toBeVisible();
    await untilSettled(page);
    await page.keyboard.type('0109504000059101', { delay: 5 });
    await page.keyboard.down('Alt');
    for (const key of ['Numpad0', 'Numpad0', 'Numpad2', 'Numpad9']) await page.keyboard.press(key);
    await page.keyboard.up('Alt');
    await page.keyboard.type('10LOT9<GS>21S1', { delay: 5 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('setup-raw')).toHaveText('0109504000059101‹GS›10LOT9<GS>21S1');
    await expect(page.getByTestId('setup-text')).toHaveText('0109504000059101‹GS›10LOT9‹GS›21S1');
    await expect(page.getByTestId('setup-parsed')).toContainText('"lot": "LOT9"');
  });

  test('typing into a field is not taken for a scan, and a scan never lands in the field', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Scanner set-up');
    // The test labels are drawn by a large library loaded on this screen; a person scans once the
    // screen has drawn them.
    await expect(page.getByRole('img', { name: /^Test barcode/ }).first()).toBeVisible();
    const field = page.getByRole('textbox', { name: /Stand-ins for GS/ });
    await field.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' ~', { delay: 150 });
    await expect(field).toHaveValue('<GS> {GS} ~');
    await app.scan('0109504000059101');
    await expect(field).toHaveValue('<GS> {GS} ~');
    await expect(page.getByTestId('setup-parsed')).toContainText('"gtin": "09504000059101"');
  });

  test('printable test labels: a scanner sending GS passes, one dropping it is told how to fix it', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Scanner set-up');
    // The test labels are drawn by a large library loaded on this screen; a person scans once the
    // screen has drawn them.
    await expect(page.getByRole('img', { name: /^Test barcode/ }).first()).toBeVisible();
    for (const id of ['gs1-128-separator', 'gs1-datamatrix', 'hibcc', 'digital-link']) {
      await expect(page.getByTestId(`test-label-${id}`).getByRole('img')).toBeVisible();
    }
    await app.scan(`010950400005910110ABC123${GS}21S42`);
    await expect(page.getByTestId('test-verdict')).toHaveAttribute('data-kind', 'match');
    await expect(page.getByTestId('setup-fields')).toContainText('ABC123');

    await app.scan('010950400005910110ABC12321S42');
    await expect(page.getByTestId('test-verdict')).toHaveAttribute(
      'data-kind',
      'dropped-separator',
    );
    await expect(page.getByTestId('test-verdict')).toContainText('does not send FNC1');

    // Caret notation for Ctrl+]: named, with both ways to fix it.
    await app.scan('010950400005910110ABC123^]21S42');
    await expect(page.getByTestId('test-verdict')).toHaveAttribute(
      'data-kind',
      'stand-in-separator',
    );
    await expect(page.getByTestId('test-verdict')).toContainText('sends FNC1 as “^]”');

    // The parser's full answer scrolls from the keyboard.
    const raw = page.getByTestId('setup-parsed');
    await raw.focus();
    await expect(raw).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect.poll(() => raw.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await screenshot(page, 'scanner-setup-test-labels');
    await expectAccessible(page, 'scanner set-up (test labels)');
  });
});
