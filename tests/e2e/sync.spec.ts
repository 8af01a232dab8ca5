import { enrolmentQrText } from '../../shared/console/enrolment-qr';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_ITEMS } from '../../renderer/seed/demo-catalogue';
import { AppPage, person } from './pages/app-page';
import { recallOf, startCentralEndpoint, type CentralEndpoint } from './pages/central-endpoint';
import { expectAccessible, screenshot } from './pages/evidence';
import { IssuePage } from './pages/issue-page';
import { labelOf } from './pages/labels';
import { wedgeScan } from './pages/wedge';

/**
 * Three stockroom PCs as three browser profiles against the real central endpoint: two of the
 * north facility and one of the south. Each is enrolled the way an administrator does it, in the
 * sync screen, with an enrolment code.
 */
test.describe.serial('sync between stockroom PCs through the central endpoint', () => {
  let central: CentralEndpoint;
  const contexts: BrowserContext[] = [];
  let northA: Pc;
  let northB: Pc;
  let south: Pc;

  interface Pc {
    context: BrowserContext;
    page: Page;
    app: AppPage;
  }

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    central = await startCentralEndpoint();
    northA = await enrolledPc(browser, central.codes.north[0] ?? '', 'north-a');
    northB = await enrolledPc(browser, central.codes.north[1] ?? '', 'north-b');
    south = await enrolledPc(browser, central.codes.south[0] ?? '', 'south');
  });

  test.afterAll(async () => {
    for (const context of contexts) await context.close();
    await central?.stop();
  });

  async function enrolledPc(browser: Browser, code: string, name: string): Promise<Pc> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const app = new AppPage(page);
    await app.open();
    await signIn(page, 'admin');
    await app.go('Sync status');
    if (name === 'south') {
      // The console's enrolment QR code, read by a 2-D scanner: both fields from one scan.
      await scanUntil(page, enrolmentQrText({ endpoint: central.url, code }), () =>
        expect(page.getByTestId('enrolment-qr-hint')).toHaveText(/Filled from the QR code/, {
          timeout: 3_000,
        }),
      );
      await expect(page.getByRole('textbox', { name: 'Enrolment code' })).toHaveValue(code);
      await expect(page.getByRole('textbox', { name: 'Central endpoint address' })).toHaveValue(
        central.url,
      );
    } else {
      await page.getByRole('textbox', { name: 'Central endpoint address' }).fill(central.url);
      await page.getByRole('textbox', { name: 'Enrolment code' }).fill(code);
    }
    if (name === 'north-a') await screenshot(page, 'sync-connect');
    await page.getByRole('button', { name: 'Connect this PC' }).click();
    // The PC starts afresh with the facility's data; the centre's users arrive by sync.
    await expect(page.getByText('Scan your badge to sign in.')).toBeVisible({ timeout: 30_000 });
    // The centre's users arrive by sync moments after the start.
    await signIn(page, 'tech');
    return { context, page, app };
  }

  const LOT = 'IVC2611A';
  const onHandAtDock = (pc: Pc) => pc.page.getByTestId('on-hand-here');

  /**
   * On a loaded two-core machine a synthetic keystroke can arrive late and split the burst, which
   * no real scanner does (playwright.config.ts): scan again until the screen took it.
   */
  async function scanUntil(page: Page, data: string, took: () => Promise<void>): Promise<void> {
    await expect(async () => {
      await wedgeScan(page, data);
      await took();
    }).toPass({ timeout: 30_000 });
  }

  async function signIn(page: Page, role: 'admin' | 'tech' | 'nurse-manager'): Promise<void> {
    await scanUntil(page, person(role).badge, () =>
      expect(page.getByTestId('signed-in-user')).toHaveText(person(role).name, { timeout: 1_000 }),
    );
  }

  async function scanAtDock(pc: Pc): Promise<void> {
    await pc.app.go('Receive');
    await pc.page.getByText('Free receipt', { exact: true }).click();
    await scanUntil(pc.page, labelOf(LOT), () =>
      expect(pc.page.getByTestId('item-card')).toContainText('IV catheter 20G', { timeout: 1_000 }),
    );
  }

  test('events made offline on one PC reach the other PC of its facility after reconnecting, and never the other facility', async () => {
    await northA.context.setOffline(true);
    await scanAtDock(northA);
    await northA.page.getByRole('textbox', { name: 'Quantity' }).fill('25');
    await northA.page.getByTestId('receive-confirm').click();
    await expect(northA.page.getByText('Received', { exact: true })).toBeVisible();
    await northA.app.go('Sync status');
    await expect(northA.page.getByTestId('sync-phase')).toHaveAttribute('data-phase', 'offline', {
      timeout: 20_000,
    });
    await expect(northA.page.getByTestId('sync-live-waiting')).not.toHaveText('0');
    await screenshot(northA.page, 'sync-offline');

    await scanAtDock(northB);
    await expect(onHandAtDock(northB)).toContainText('On hand here: 0');

    await northA.context.setOffline(false);
    await expect(northA.page.getByTestId('sync-phase')).toHaveAttribute('data-phase', 'online', {
      timeout: 30_000,
    });
    await expect(northA.page.getByTestId('sync-live-waiting')).toHaveText('0', { timeout: 30_000 });
    await screenshot(northA.page, 'sync-online');
    await expectAccessible(northA.page, 'sync status (connected)');
    // The other north PC's screen follows on its own: the live stream told it.
    await expect(onHandAtDock(northB)).toContainText('On hand here: 25', { timeout: 30_000 });

    await south.app.go('Sync status');
    await expect(south.page.getByTestId('sync-phase')).toHaveAttribute('data-phase', 'online', {
      timeout: 30_000,
    });
    await scanAtDock(south);
    await expect(onHandAtDock(south)).toContainText('On hand here: 0');
  });

  test('an urgent request raised offline says it waits on this PC, and says it was sent once it was', async () => {
    const { page, app, context } = northA;
    await page.getByRole('button', { name: 'Lock / switch user' }).click();
    await signIn(page, 'nurse-manager');
    await context.setOffline(true);
    await app.go('Urgent requests');
    await page.getByRole('combobox', { name: 'Item' }).click();
    await page.getByRole('option', { name: 'Saline flush syringe 10 mL' }).click();
    await page.getByRole('textbox', { name: 'Quantity' }).fill('7');
    await page.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: 'STAT' }).click();
    await page.getByRole('textbox', { name: 'Reason' }).fill('Offline test: flushes for bay 2.');
    await page.getByTestId('urgent-submit').click();
    const request = page.getByTestId('urgent-request').filter({ hasText: '7 × Saline flush' });
    const where = request.getByTestId('request-transmission');
    await expect(where).toHaveAttribute('data-state', 'on-this-pc');
    await expect(where).toContainText('Saved on this PC — sent when the network returns');
    await screenshot(page, 'urgent-request-offline');

    await context.setOffline(false);
    await expect(where).toHaveAttribute('data-state', 'awaiting-acknowledgement', {
      timeout: 30_000,
    });
    await expect(where).toContainText('Sent — waiting for the centre to acknowledge it');
    await page.getByRole('button', { name: 'Lock / switch user' }).click();
    await signIn(page, 'tech');
  });

  test('a recall posted through the ERP API quarantines the lot on both PCs of the facility; the next scan is a hard stop', async () => {
    const catheter = DEMO_ITEMS.find((i) => i.id === 'ITM-1001');
    if (!catheter) throw new Error('no demo catheter');
    expect(
      await central.erp('POST', '/v1/erp/recalls', recallOf(catheter, LOT, 'Z-0555-2026')),
    ).toBe(201);
    for (const pc of [northA, northB]) {
      await pc.app.go('Issue', 'Issue to a department');
      const issue = new IssuePage(pc.page);
      await scanUntil(pc.page, 'LOC-DOCK', () =>
        expect(pc.page.getByRole('combobox', { name: 'From' })).toHaveValue(/Receiving dock/, {
          timeout: 1_000,
        }),
      );
      // The notice arrives by sync within moments; until then the scan is not (yet) stopped.
      await scanUntil(pc.page, labelOf(LOT), () =>
        expect(issue.hardStop).toContainText(`recalled lot ${LOT}`, { timeout: 1_000 }),
      );
      await expect(issue.hardStop).toContainText('Z-0555-2026');
      await expect(issue.hardStop).toHaveAttribute('data-reasons', /RECALLED/);
      await expect(pc.page.getByTestId('issue-confirm')).toHaveCount(0);
    }
    await screenshot(northB.page, 'sync-recall-hard-stop');
    await northB.app.go('Sync status');
    await expect(
      northB.page.getByText(/Recall Z-0555-2026 \(class I\) arrived: 25 units/),
    ).toBeVisible({
      timeout: 30_000,
    });
  });
});
