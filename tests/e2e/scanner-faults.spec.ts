import { expect, test, type Page } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { IssuePage } from './pages/issue-page';
import { labelOf } from './pages/labels';
import { wedgeScan } from './pages/wedge';

// A scanner that drops the GS after a variable-length lot sends the next fields inside the lot.
test.describe('a scanner that dropped its separator', () => {
  test('a recalled lot followed by a serial is a STOP at issue, naming the recall and the fix', async ({
    page,
  }) => {
    const issue = await IssuePage.ready(page, 'LOC-A3', /Shelf 3/);
    await issue.scanItem(`${labelOf('FC2409A')}21FS000123`);
    await expect(issue.hardStop).toHaveAttribute('data-reasons', /LOT_RUN_ON/);
    await expect(issue.hardStop).toContainText('recalled lot FC2409A');
    await expect(issue.hardStop).toContainText('Scanner set-up');
    await expect(page.getByTestId('issue-confirm')).toHaveCount(0);
    expect(await issue.lastTone()).toBe('stop');
    await screenshot(page, 'issue-stop-dropped-separator');
    await expectAccessible(page, 'issue (dropped separator)');
  });

  test('the recall sweep also names the recalled lot behind a run-on read, and quarantines that lot', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Recalls');
    await app.scan(`${labelOf('FC2409A')}21FS000123`);
    const result = page.getByTestId('sweep-result');
    await expect(result).toContainText('Recalled: put it in quarantine');
    await expect(result).toContainText('recalled lot FC2409A');
    const sweep = page.getByTestId('sweep-quarantine');
    await expect(sweep.getByRole('combobox', { name: 'Taken from' })).toHaveValue(/Shelf 3/);
    await sweep.getByRole('button', { name: 'Put in Quarantine cage' }).click();
    await expect(page.getByTestId('sweep-quarantine-result')).toHaveText(
      '1 put in the Quarantine cage.',
    );
    await expect(
      page.getByTestId('notice-RCL-DEMO-1').getByTestId('quarantine-evidence'),
    ).toHaveText('In the quarantine area: 1 units · still outside: 17 units');
  });

  test('a known lot followed by an expiry is not received as a phantom lot', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Receive');
    await page.getByText('Free receipt', { exact: true }).click();
    await app.scan(`${labelOf('IVC2611A')}17280107`);
    const stop = page.getByTestId('hard-stop');
    await expect(stop).toHaveAttribute('data-reasons', 'LOT_RUN_ON');
    await expect(stop).toContainText('most probably lot IVC2611A');
    await expect(page.getByTestId('receive-confirm')).toHaveCount(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(stop).toHaveCount(0);
  });

  test('a reason typed quickly into a field, then Enter, is kept as typed and never taken for a scan', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('nurse-manager'));
    await app.go('Urgent requests');
    const reason = page.getByRole('textbox', { name: 'Reason' });
    await reason.click();
    const text = 'Code blue bay 3 flushes ran out';
    await page.keyboard.type(text, { delay: 45 });
    await page.keyboard.press('Enter');
    await expect(reason).toHaveValue(`${text}\n`);
    await expect(page.getByTestId('scan-error')).toHaveCount(0);
  });
});

// Every separator fault says what happened, and the way to Scanner set-up is one key away.
test.describe('a scanner that sends its separator wrongly', () => {
  const faults = [
    {
      name: 'a separator sent as ^]',
      sent: '^]21S42',
      code: 'GS1_SEPARATOR_STAND_IN',
      says: '"^]" where a GS separator',
    },
    {
      name: 'a separator sent as @',
      sent: '@21S42',
      code: 'GS1_SEPARATOR_STAND_IN',
      says: '"@" where a GS separator',
    },
    {
      name: 'a dropped separator',
      sent: '21S4200000000000',
      code: 'GS1_FIELD_TOO_LONG',
      says: 'dropped the GS separator',
    },
  ];
  for (const fault of faults) {
    test(`${fault.name}: ${fault.code} says so and leads to Scanner set-up`, async ({ page }) => {
      const issue = await IssuePage.ready(page, 'LOC-A1', /Shelf 1/);
      await wedgeScan(page, `${labelOf('IVC2611A')}${fault.sent}`);
      const error = page.getByTestId('scan-error');
      await expect(error).toHaveAttribute('data-code', fault.code);
      await expect(error).toContainText(fault.says);
      await expect(error).toContainText('Open Scanner set-up and scan its test label');
      await expect(issue.itemCard).toHaveCount(0);
      const setUp = error.getByRole('link', { name: 'Open Scanner set-up' });
      await setUp.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'Scanner set-up' })).toBeVisible();
    });
  }
});

/**
 * A scanner without a "same code delay" sends one label twice, back to back: both bursts go into
 * the page in one task, as the scanner's USB reports arrive, with no rendering in between.
 */
async function doubleRead(page: Page, label: string): Promise<void> {
  await page.evaluate((text) => {
    const key = (type: 'keydown' | 'keyup', k: string, code: string, ctrlKey = false) =>
      window.dispatchEvent(new KeyboardEvent(type, { key: k, code, ctrlKey, bubbles: true }));
    for (let read = 0; read < 2; read++) {
      for (const ch of text) {
        const [k, code, ctrl] =
          ch === '\u001d' ? [']', 'BracketRight', true] : [ch, `Key${ch.toUpperCase()}`, false];
        key('keydown', k, code, ctrl);
        key('keyup', k, code, ctrl);
      }
      key('keydown', 'Enter', 'Enter');
      key('keyup', 'Enter', 'Enter');
    }
  }, label);
}

test("a scanner's double read of one label counts once, and the tech is told", async ({ page }) => {
  const issue = await IssuePage.ready(page, 'LOC-A1', /Shelf 1/);
  await doubleRead(page, labelOf('SY4410'));
  await expect(issue.itemCard).toBeVisible();
  await expect(page.getByText('Same label read twice')).toBeVisible();
  await expect(page.getByTestId('queued-scans')).toHaveCount(0);
  await issue.confirm();
  // A second unit scanned as a person does, after the first: it counts.
  await issue.scanItem(labelOf('SY4410'));
  await expect(page.getByTestId('on-hand-here')).toContainText('On hand here: 199');
});
