import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_HISTORY_DEVICE } from '../../renderer/seed/demo-history';
import { IssuePage } from './pages/issue-page';
import { labelOf } from './pages/labels';
import { storedEvents } from './pages/stored-events';

/**
 * The sequence numbers of this PC's stock events in this origin's store (a demo store also holds
 * its past under a device of its own, with numbers of its own).
 */
async function storedSequences(page: Page): Promise<number[]> {
  return (await storedEvents(page))
    .filter((event) => event['deviceId'] !== DEMO_HISTORY_DEVICE)
    .map((event) => event['deviceSeq'])
    .filter((seq): seq is number => typeof seq === 'number')
    .sort((a, b) => a - b);
}

/** Two windows of the app on one profile, each on Issue from Shelf 1 with a tech signed in. */
async function twoWindows(context: BrowserContext) {
  const first = await context.newPage();
  const firstIssue = await IssuePage.ready(first, 'LOC-A1', /Shelf 1/);
  const second = await context.newPage();
  const secondIssue = await IssuePage.ready(second, 'LOC-A1', /Shelf 1/);
  return { first, firstIssue, second, secondIssue };
}

test('two windows of the app issuing at once never reuse a sequence number', async ({
  context,
}) => {
  const { first, firstIssue, second, secondIssue } = await twoWindows(context);

  // Both confirm at once: the ledger's lock makes one wait for the other, so each takes the next
  // number.
  await first.bringToFront();
  await firstIssue.scanItem(labelOf('IVC2611A'));
  await second.bringToFront();
  await secondIssue.scanItem(labelOf('IVC2611A'));
  await Promise.all([
    first.getByTestId('issue-confirm').click(),
    second.getByTestId('issue-confirm').click(),
  ]);
  for (const page of [first, second])
    await expect(page.getByText('Issued', { exact: true })).toBeVisible();

  const seqs = await storedSequences(second);
  expect(seqs.length).toBeGreaterThanOrEqual(2);
  expect(new Set(seqs).size).toBe(seqs.length);
  await secondIssue.scanItem(labelOf('IVC2611A'));
  await expect(second.getByTestId('on-hand-here')).toContainText('On hand here: 118');
});

test('the ledger passes between windows taking turns, and none waits for ever', async ({
  context,
}) => {
  const { first, firstIssue, second, secondIssue } = await twoWindows(context);
  const before = (await storedSequences(first)).length;

  // A window keeps the ledger's lock after writing and lets go only when another asks: each turn
  // below is a hand-over, and each would time out if one were missed.
  const turns = [first, second, first, second, second, first];
  let onHand = 120;
  for (const page of turns) {
    const issue = page === first ? firstIssue : secondIssue;
    await page.bringToFront();
    await issue.scanItem(labelOf('IVC2611A'));
    await expect(page.getByTestId('on-hand-here')).toContainText(`On hand here: ${onHand}`);
    await page.getByTestId('issue-confirm').click();
    await expect(issue.itemCard).toBeHidden();
    onHand -= 1;
  }

  const seqs = await storedSequences(second);
  expect(seqs.length).toBe(before + turns.length);
  expect(new Set(seqs).size).toBe(seqs.length);
  await firstIssue.scanItem(labelOf('IVC2611A'));
  await expect(first.getByTestId('on-hand-here')).toContainText(`On hand here: ${onHand}`);
});

test('a window keeps the ledger lock after writing, and lets go when it is hidden', async ({
  context,
}) => {
  const page = await context.newPage();
  const issue = await IssuePage.ready(page, 'LOC-A1', /Shelf 1/);
  await issue.scanItem(labelOf('IVC2611A'));
  await page.getByTestId('issue-confirm').click();
  await expect(issue.itemCard).toBeHidden();
  const heldLocks = () =>
    page.evaluate(async () => (await navigator.locks.query()).held?.map((lock) => lock.name));
  // Kept between writes: the next scan's write does not ask the browser again.
  expect(await heldLocks()).toContain('stockroom-ledger-writer');

  // A minimised window may be frozen and never hear another window ask.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(heldLocks).not.toContain('stockroom-ledger-writer');
});
