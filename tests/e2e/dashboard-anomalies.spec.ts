import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { IssuePage } from './pages/issue-page';
import { tabTo } from './pages/keyboard';
import { labelOf } from './pages/labels';

test.use({ viewport: { width: 1366, height: 768 } });

test('a supervisor confirms an unusual usage flag on the dashboard with a note, by keyboard alone', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('supervisor'));
  const card = page.getByTestId('dash-anomalies');
  // The demo's one unusual day: the place's flag and the person's, each in words.
  await expect(card.getByRole('heading', { name: 'Unusual usage · 2 open' })).toBeVisible();
  const first = card.getByTestId('anomaly-open').first();
  await expect(first).toContainText(/issued \d+ on \d{4}-\d{2}-\d{2}; a typical \w+day is/);
  await expect(first).toContainText(/MADs above/);
  // People by name, as the heading names them, and each flag's buttons named apart.
  await expect(card).not.toContainText(/USR-[A-Z0-9-]+ issued/);
  const confirmNames = await card
    .getByRole('button', { name: /^Confirm the flag: / })
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  expect(confirmNames).toHaveLength(2);
  expect(new Set(confirmNames).size).toBe(2);
  const firstHeading = (await first.locator('p').first().textContent()) ?? '';
  expect(firstHeading).not.toBe('');
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-anomalies-open');
  await expectAccessible(page, 'dashboard with usage flags');

  const confirm = first.getByRole('button', { name: /^Confirm the flag: / });
  const name = (await confirm.getAttribute('aria-label')) ?? '';
  await tabTo(page, name, 150);
  await page.keyboard.press('Enter');
  const note = card.getByRole('textbox', { name: 'Why you confirm it (required)' });
  await expect(note).toBeFocused();
  // No note: refused on the screen, nothing kept.
  await page.keyboard.press('Enter');
  await expect(card.getByText(/Write a note saying why/)).toBeVisible();
  await expect(card.getByRole('heading', { name: 'Unusual usage · 2 open' })).toBeVisible();
  await expect(note).toBeFocused();
  // Typed as a person types: a fast burst is a barcode scanner's, and the scan bus takes it.
  await page.keyboard.type('Ward 4 outbreak: checked with the charge nurse', { delay: 60 });
  await page.keyboard.press('Enter');

  await expect(card.getByRole('heading', { name: 'Unusual usage · 1 open' })).toBeVisible();
  const decided = card.getByTestId('anomaly-decided');
  await expect(decided).toHaveCount(1);
  await expect(decided).toContainText('Confirmed');
  await expect(decided).toContainText(firstHeading);
  await expect(decided).toContainText(
    `by ${person('supervisor').name}: Ward 4 outbreak: checked with the charge nurse`,
  );
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-anomalies-decided');
  await expectAccessible(page, 'dashboard with a decided flag');

  // Kept on this PC: still decided after a reload.
  await page.reload();
  await app.signInByBadge(person('supervisor'));
  await expect(card.getByTestId('anomaly-decided')).toHaveCount(1);
});

test('a tech sees the flags in words but cannot decide them', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  const card = page.getByTestId('dash-anomalies');
  await expect(card.getByTestId('anomaly-open')).toHaveCount(2);
  await expect(card.getByText(/a supervisor confirms or dismisses it with a note/)).toBeVisible();
  await expect(card.getByRole('button', { name: /Confirm the flag/ })).toHaveCount(0);
});

test('a busy week shows the strongest five flags first and the rest on request', async ({
  page,
}) => {
  const issue = await IssuePage.ready(page, 'LOC-A1', /Shelf 1/);
  // Today, three shelves emptied far beyond a usual day: each is a place's flag and the tech's.
  for (const [shelf, name, lot, quantity] of [
    ['LOC-A1', /Shelf 1/, 'IVC2611A', 110],
    ['LOC-A1', /Shelf 1/, 'SY4410', 190],
    ['LOC-A2', /Shelf 2/, 'MK1200', 85],
  ] as const) {
    if (shelf !== 'LOC-A1') await issue.from(shelf, name);
    await issue.scanItem(labelOf(lot));
    await issue.quantity(quantity);
    await issue.confirm();
  }
  await new AppPage(page).go('Dashboard');
  const card = page.getByTestId('dash-anomalies');
  const heading = card.getByRole('heading', { name: /^Unusual usage · \d+ open$/ });
  await expect(heading).toBeVisible();
  const open = Number(/(\d+) open/.exec((await heading.textContent()) ?? '')?.[1]);
  expect(open).toBeGreaterThan(5);
  const flags = card.getByTestId('anomaly-open');
  await expect(flags).toHaveCount(5);
  const strengths = async () =>
    (await flags.allTextContents()).map((t) => Number(/([\d.]+) MADs above/.exec(t)?.[1]));
  const firstFive = await strengths();
  expect(firstFive.every((m) => m > 0)).toBe(true);
  expect(firstFive).toEqual([...firstFive].sort((a, b) => b - a));

  const more = card.getByRole('button', { name: `Show all ${open} open flags` });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(flags).toHaveCount(open);
  const all = await strengths();
  expect(all).toEqual([...all].sort((a, b) => b - a));
  expect(all.slice(0, 5)).toEqual(firstFive);
  await expectAccessible(page, 'dashboard with every open flag listed');
  await card.getByRole('button', { name: 'Show the first 5 only' }).click();
  await expect(flags).toHaveCount(5);
});

test('a flag being decided stays on screen, note and all, when stronger flags arrive above it', async ({
  context,
}) => {
  // A supervisor reads the dashboard in one window while a tech issues in another on this PC.
  const supervisor = await context.newPage();
  const app = new AppPage(supervisor);
  await app.open();
  await app.signInByBadge(person('supervisor'));
  const tech = await context.newPage();
  const issue = await IssuePage.ready(tech, 'LOC-A1', /Shelf 1/);
  const spike = async (shelf: string, name: RegExp, lot: string, quantity: number) => {
    await tech.bringToFront();
    await issue.from(shelf, name);
    await issue.scanItem(labelOf(lot));
    await issue.quantity(quantity);
    await issue.confirm();
  };
  await spike('LOC-A1', /Shelf 1/, 'IVC2611A', 110);
  await spike('LOC-A2', /Shelf 2/, 'MK1200', 85);

  await supervisor.bringToFront();
  const card = supervisor.getByTestId('dash-anomalies');
  const heading = card.getByRole('heading', { name: /^Unusual usage · \d+ open$/ });
  const openCount = async () => Number(/(\d+) open/.exec((await heading.textContent()) ?? '')?.[1]);
  await expect.poll(openCount).toBeGreaterThanOrEqual(5);
  const before = await openCount();
  const flags = card.getByTestId('anomaly-open');
  const strengths = async () =>
    (await flags.allTextContents()).map((t) => Number(/([\d.]+) MADs above/.exec(t)?.[1]));
  // The weakest flag drawn: the supervisor starts dismissing it, and is half-way through the note.
  const fifth = flags.nth(4);
  const weakest = (await strengths())[4] ?? 0;
  await fifth.getByRole('button', { name: /^Dismiss the flag: / }).click();
  const note = card.getByRole('textbox', { name: 'Why you dismiss it (required)' });
  await note.fill('Theatre list doubled today: booked with');

  // Meanwhile the tech's removals flag stronger places: the weakest drawn flag is now out of the
  // first five, and is still drawn below them because someone is working in it.
  await spike('LOC-A1', /Shelf 1/, 'SY4410', 190);
  await spike('LOC-A1', /Shelf 1/, 'SF7781', 75);
  await supervisor.bringToFront();
  await expect.poll(openCount).toBeGreaterThan(before);
  await expect(note).toHaveValue('Theatre list doubled today: booked with');
  const after = await openCount();
  const shown = await strengths();
  expect(shown.slice(0, 5).every((m) => m > weakest)).toBe(true);
  expect(shown).toHaveLength(6);
  expect(shown[5]).toBe(weakest);

  await note.pressSequentially(' the theatre manager', { delay: 60 });
  await note.press('Enter');
  await expect.poll(openCount).toBe(after - 1);
  await expect(card.getByTestId('anomaly-decided')).toContainText(
    'Theatre list doubled today: booked with the theatre manager',
  );
  await expect(flags).toHaveCount(5);
});
