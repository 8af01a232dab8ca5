import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ConsolePage } from '../e2e-console/console-page';
import { startReceiver, type Received } from '../integration/sync-helpers/receiver';
import { signedWith } from '../integration/sync-helpers/webhook-settings';
import { AppPage, person } from './pages/app-page';
import { startCentralEndpoint, type CentralEndpoint } from './pages/central-endpoint';
import { expectAccessible, screenshot } from './pages/evidence';
import { labelOf } from './pages/labels';

/**
 * Issue 15, done when: a STAT request from start to finish across the ward's PC, the centre's
 * console and the ERP's webhooks. The PC's clock starts 38 minutes in the past (Playwright's clock)
 * so that the request it raises offline is 38 minutes old by the time the network returns, as it
 * would be after a real outage; the PC's clock is then moved on to the real time.
 */
const OUTAGE_MS = 38 * 60_000;
const REQUEST_EVENTS = [
  'supply_request.step',
  'supply_request.substitution_proposed',
  'supply_request.substitution_decided',
];

interface Message {
  type: string;
  data: Record<string, unknown> & { requestId?: string; step?: { status: string } };
}

test('a STAT request raised offline escalates on the PC, is acknowledged and substituted at the centre, accepted offline, picked and received; the ERP hears every step, signed', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const receiver = await startReceiver(() => ({ status: 204 }));
  const central = await startCentralEndpoint({
    consolePeople: true,
    settings: { WEBHOOK_ALLOW_HTTP_LOOPBACK: '1', WEBHOOK_POLL_MS: '200' },
  });
  const contexts: BrowserContext[] = [];
  try {
    const hook = await central.erpCall('POST', '/v1/erp/webhooks', {
      url: receiver.url,
      eventTypes: REQUEST_EVENTS,
    });
    expect(hook.status, JSON.stringify(hook.body)).toBe(201);
    const secret = (hook.body as { secret: string }).secret;

    const ward = await enrolledPc(browser, contexts, central);
    const { page, app } = ward;

    // 1. The nurse manager raises a STAT request with the network down.
    await app.signInByBadge(person('nurse-manager'));
    await ward.context.setOffline(true);
    await app.go('Urgent requests');
    await page.getByRole('combobox', { name: 'Item' }).click();
    await page.getByRole('option', { name: 'Saline flush syringe 10 mL' }).click();
    await page.getByRole('textbox', { name: 'Quantity' }).fill('2');
    await page.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: 'STAT' }).click();
    await page.getByRole('textbox', { name: 'Reason' }).fill('Bay 2: flushes ran out.');
    await page.getByTestId('urgent-submit').click();
    const card = page.getByTestId('urgent-request').filter({ hasText: '2 × Saline flush' });
    await expect(card.getByTestId('request-transmission')).toHaveAttribute(
      'data-state',
      'on-this-pc',
    );

    // 2. Still offline, the PC's own clock climbs the ladder: 38 minutes pass. STAT is due to be
    // acknowledged in 15 min, so 30-45 min on is the second rung.
    const behind = Date.now() - (await page.evaluate(() => Date.now()));
    await page.clock.fastForward(Math.max(0, behind) + 10_000);
    await expect(card.getByTestId('escalated')).toHaveText(
      /^Not acknowledged for 3\d min — escalated to the supervisor$/,
    );
    await screenshot(page, 'stat-journey-escalated-offline');

    // 3. The network returns: the request reaches the centre.
    await ward.context.setOffline(false);
    await expect(card.getByTestId('request-transmission')).toHaveAttribute(
      'data-state',
      'awaiting-acknowledgement',
      { timeout: 30_000 },
    );

    // 4. A buyer in the console sees it escalated, acknowledges it and proposes a substitute.
    const consoleContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(consoleContext);
    const buyerPage = await consoleContext.newPage();
    const console = new ConsolePage(buyerPage, central.url);
    await console.open();
    await console.signIn('buyer');
    await console.go('Requests');
    const row = buyerPage.getByTestId('requests-table').getByRole('row', { name: /ITM-1006/ });
    await expect(row).toHaveAttribute('data-attention', 'true');
    const requestId = (await row
      .getByRole('button', { name: /^Acknowledge request / })
      .getAttribute('aria-label'))!.replace('Acknowledge request ', '');
    await row.getByRole('button', { name: `Acknowledge request ${requestId}` }).click();
    await expect(row).toContainText('acknowledged');
    await row
      .getByRole('button', { name: `Propose a substitute for request ${requestId}` })
      .click();
    const dialog = buyerPage.getByRole('dialog', {
      name: `Propose a substitute for request ${requestId}`,
    });
    await dialog
      .getByRole('textbox', { name: 'Substitute item' })
      .or(dialog.getByRole('combobox', { name: 'Substitute item' }))
      .fill('Luer');
    await buyerPage.getByRole('option', { name: /Syringe 10 mL Luer-Lock/ }).click();
    await dialog
      .getByRole('textbox', { name: 'Reason' })
      .fill('Pre-filled flushes backordered; draw up saline in a 10 mL Luer-Lock syringe.');
    await console.expectNoAxeViolations('propose a substitute');
    await console.screenshots('stat-journey-substitute-dialog');
    await dialog.getByRole('button', { name: 'Propose' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row.getByTestId('request-substitutions')).toContainText(
      'Substitute 2 × Syringe 10 mL Luer-Lock (ITM-1004) for Saline flush syringe 10 mL (ITM-1006): waiting for the ward',
    );
    await row.getByRole('button', { name: `Approve request ${requestId}` }).click();
    await expect(row).toContainText('approved');

    // The ward's PC shows the proposal on the request once it arrives.
    const proposal = card.getByTestId('substitution');
    await expect(proposal).toHaveAttribute('data-state', 'open', { timeout: 30_000 });

    // 5. The nurse manager accepts offline, with a clinical note.
    await ward.context.setOffline(true);
    await proposal
      .getByRole('textbox', { name: 'Clinical note (required)' })
      .fill('Acceptable: nurses draw up 10 mL saline for each flush.');
    await screenshot(page, 'stat-journey-substitute-offered');
    await expectAccessible(page, 'urgent requests (substitute offered)');
    // The ward reads who acted at the centre by name, not as a system id.
    await expect(proposal).toContainText('proposed by bo.buyer (centre)');
    await expect(card.getByLabel('Status history')).toContainText('bo.buyer (centre)');
    await proposal.getByRole('button', { name: 'Accept substitute' }).click();
    await expect(proposal).toHaveAttribute('data-state', 'accepted');
    await ward.context.setOffline(false);
    await expect(row.getByTestId('request-substitutions')).toContainText('accepted', {
      timeout: 30_000,
    });

    // 6. The stockroom receives syringes at the dock, then picks the substitute, never the flush.
    await switchTo(app, 'tech');
    await app.go('Receive');
    await page.getByText('Free receipt', { exact: true }).click();
    await app.scan(labelOf('SY4410'));
    await expect(page.getByTestId('item-card')).toContainText('Syringe 10 mL Luer-Lock');
    await page.getByRole('textbox', { name: 'Quantity' }).fill('20');
    await page.getByTestId('receive-confirm').click();
    await expect(page.getByText('Received', { exact: true })).toBeVisible();
    await app.go('Pick requests');
    const pick = page.getByTestId('pick-request').filter({ hasText: 'Syringe 10 mL' });
    await pick.getByRole('button', { name: 'Pick' }).click();
    const line = page.getByTestId('pick-line').filter({ hasText: 'Syringe 10 mL' });
    await expect(line).toContainText('lot SY4410');
    await expect(page.getByTestId('pick-line').filter({ hasText: 'Saline flush' })).toHaveCount(0);
    await app.scan(labelOf('SY4410'));
    await expect(line).toContainText('1 of 2');
    await app.scan(labelOf('SY4410'));
    await expect(line).toContainText('2 of 2');
    await page.getByTestId('pick-ship').click();
    await expect(page.getByText('Issued and shipped', { exact: true })).toBeVisible();

    // 7. The nurse manager receives it on the ward: the request is done everywhere.
    await switchTo(app, 'nurse-manager');
    await app.go('Urgent requests');
    await card.getByRole('button', { name: 'Mark received (2 units)' }).click();
    await expect(card.getByLabel('Status history')).toContainText('received');
    await expect(row).toHaveCount(0, { timeout: 30_000 });

    // The ERP heard every step and both halves of the substitution, each signed.
    const mine = (m: Received) => (JSON.parse(m.body) as Message).data.requestId === requestId;
    await expect
      .poll(
        () =>
          receiver.received
            .filter(mine)
            .map((m) => JSON.parse(m.body) as Message)
            .map((m) => (m.type === 'supply_request.step' ? m.data.step?.status : m.type)),
        { timeout: 30_000 },
      )
      .toEqual(
        expect.arrayContaining([
          'submitted',
          'acknowledged',
          'supply_request.substitution_proposed',
          'approved',
          'supply_request.substitution_decided',
          'shipped',
          'received',
        ]),
      );
    const messages = receiver.received.filter(mine);
    expect(messages.every((m) => signedWith(secret, m))).toBe(true);
    const decided = messages
      .map((m) => JSON.parse(m.body) as Message)
      .find((m) => m.type === 'supply_request.substitution_decided');
    expect(decided?.data).toMatchObject({
      state: 'accepted',
      decision: {
        outcome: 'accepted',
        note: 'Acceptable: nurses draw up 10 mL saline for each flush.',
      },
    });
  } finally {
    for (const context of contexts) await context.close();
    await central.stop();
    await receiver.close();
  }
});

async function switchTo(app: AppPage, role: Parameters<typeof person>[0]): Promise<void> {
  await app.page.getByRole('button', { name: 'Lock / switch user' }).click();
  await app.signInByBadge(person(role));
}

/** The ward's PC, enrolled by an administrator with its clock 38 minutes behind the real one. */
async function enrolledPc(
  browser: Browser,
  contexts: BrowserContext[],
  central: CentralEndpoint,
): Promise<{ context: BrowserContext; page: Page; app: AppPage }> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await page.clock.install({ time: Date.now() - OUTAGE_MS });
  const app = new AppPage(page);
  await app.open({ lockAfterSeconds: 3 * 3600 });
  await app.signInByBadge(person('admin'));
  await app.go('Sync status');
  await page.getByRole('textbox', { name: 'Central endpoint address' }).fill(central.url);
  await page.getByRole('textbox', { name: 'Enrolment code' }).fill(central.codes.north[0] ?? '');
  await page.getByRole('button', { name: 'Connect this PC' }).click();
  await expect(page.getByText('Scan your badge to sign in.')).toBeVisible({ timeout: 30_000 });
  return { context, page, app };
}
