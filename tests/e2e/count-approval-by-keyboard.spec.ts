import { expect, test, type Page } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { openByKeyboard } from './pages/keyboard';
import { labelOf } from './pages/labels';
import { storedEvents } from './pages/stored-events';
import { wedgeScan } from './pages/wedge';

/** Stock events of one type for one lot, read from the store, not the screen. */
async function eventsOf(page: Page, type: string, lotCode: string) {
  return (await storedEvents(page)).filter((e) => e['type'] === type && e['lotCode'] === lotCode);
}

/** A person's pace at the keyboard: slow enough that the wedge never takes it for a scan. */
const typeAsAPerson = (page: Page, text: string) => page.keyboard.type(text, { delay: 120 });

// A night supervisor's walk: no mouse. Labels and badges come from the wedge scanner, the rest
// from Tab, typing and Enter.
test.describe('a count that needs a second person, by keyboard and scanner', () => {
  test("the lot's scan puts the focus on Counted; Enter records; the supervisor's badge scan fills the badge, a wrong PIN says so", async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await openByKeyboard(page, 'Cycle count', 'Cycle count');
    await wedgeScan(page, 'LOC-A2');
    await expect(page.getByRole('combobox', { name: 'Shelf being counted' })).toHaveValue(
      /Shelf 2/,
    );
    await wedgeScan(page, labelOf('GL5521'));
    const counted = page.getByRole('textbox', { name: 'Counted' });
    await expect(counted).toBeFocused();
    await typeAsAPerson(page, '28');
    await expect(counted).toHaveValue('28');
    await page.keyboard.press('Enter');

    // 28 against the book's 30 is outside the tolerance: a second person approves.
    const approval = page.getByTestId('count-approval');
    await expect(approval).toContainText('outside the tolerance');
    await expect(page.getByTestId('count-defer')).toBeFocused();
    const badge = approval.getByRole('textbox', { name: "Approver's badge" });
    const pin = approval.getByRole('textbox', { name: "Approver's PIN" });

    // Another lot's label while the panel waits is a product, not a badge: it waits its turn.
    await wedgeScan(page, labelOf('MK1200'));
    await expect(page.getByTestId('queued-scans')).toContainText('lot MK1200');
    await expect(badge).toHaveValue('');

    await page.keyboard.press('Tab');
    await expect(badge).toBeFocused();
    await wedgeScan(page, person('supervisor').badge);
    await expect(badge).toHaveValue(person('supervisor').badge);
    await expect(pin).toBeFocused();
    await expect(page.getByText('Scan not used')).toHaveCount(0);

    // A wrong PIN: Enter submits, the refusal stands beside the PIN, the focus is back on it.
    await typeAsAPerson(page, '000000');
    await page.keyboard.press('Enter');
    await expect(pin).toHaveAccessibleDescription(/That PIN is not right for this badge/);
    await expect(approval.getByRole('alert')).toContainText('That PIN is not right for this badge');
    await expect(pin).toBeFocused();
    await expect(pin).toHaveValue('');
    await expect(badge).toHaveValue(person('supervisor').badge);
    await expect(page.getByTestId('counted-lines')).toHaveCount(0);
    expect(await eventsOf(page, 'count', 'GL5521')).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    // What the supervisor reads without scrolling: the refusal under the PIN is in view.
    await expect(approval.getByRole('alert')).toBeInViewport();
    await screenshot(page, 'count-approval-wrong-pin');
    await expectAccessible(page, 'count approval (wrong PIN)');

    await typeAsAPerson(page, person('supervisor').pin);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('counted-lines')).toContainText(
      `lot GL5521: 28 · approved by ${person('supervisor').name}`,
    );
    expect(await eventsOf(page, 'count', 'GL5521')).toEqual([
      expect.objectContaining({ countedQuantity: 28, approvedBy: 'USR-SAM' }),
    ]);
    // The lot that waited comes up, with the focus on its count.
    await expect(page.getByTestId('count-line')).toContainText('lot MK1200');
    await expect(counted).toBeFocused();
  });

  test("an adjustment: the supervisor's badge is taken wherever the focus is, and a locked PIN says so", async ({
    page,
  }) => {
    // Six step-ups, each an Argon2id check of several people's badges: slow on a loaded machine.
    test.setTimeout(90_000);
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await openByKeyboard(page, 'Adjust', 'Adjust stock');
    await wedgeScan(page, 'LOC-A2');
    await wedgeScan(page, labelOf('GL5521'));
    const change = page.getByRole('textbox', { name: /Change/ });
    await expect(change).toBeFocused();
    await change.fill('-25');
    await page.getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'lost' }).click();
    await page.getByRole('textbox', { name: 'Your PIN' }).fill(person('tech').pin);
    await page.getByTestId('adjust-save').click();
    const approval = page.getByTestId('count-approval');
    await expect(approval).toContainText('This adjustment is outside the tolerance');
    const badge = approval.getByRole('textbox', { name: "Approver's badge" });
    const pin = approval.getByRole('textbox', { name: "Approver's PIN" });

    // The focus is on Adjust, not in the panel: the badge still goes to the badge field.
    await expect(page.getByTestId('adjust-save')).toBeFocused();
    await wedgeScan(page, person('supervisor').badge);
    await expect(badge).toHaveValue(person('supervisor').badge);
    await expect(pin).toBeFocused();
    // The badge never reached the product scan: the lot being adjusted is still on screen.
    await expect(page.getByTestId('item-card')).toBeVisible();
    await expect(page.getByText('Scan not used')).toHaveCount(0);

    // Five wrong PINs lock the supervisor's PIN on this PC; the panel says so beside the PIN.
    for (let attempt = 1; attempt <= 5; attempt++) {
      await typeAsAPerson(page, '000000');
      await page.keyboard.press('Enter');
      await expect(pin).toHaveAccessibleDescription(
        attempt < 5 ? /That PIN is not right/ : /Too many wrong PINs/,
      );
      await expect(pin).toBeFocused();
    }
    await typeAsAPerson(page, person('supervisor').pin);
    await page.keyboard.press('Enter');
    await expect(pin).toHaveAccessibleDescription(/PIN is locked on this PC/);
    await expect(page.getByText('Adjusted', { exact: true })).toHaveCount(0);
    expect(await eventsOf(page, 'adjust', 'GL5521')).toEqual([]);
    await page.setViewportSize({ width: 1366, height: 768 });
    await approval.scrollIntoViewIfNeeded();
    await screenshot(page, 'adjust-approval-locked');
    await expectAccessible(page, 'adjust approval (locked PIN)');
  });
});
