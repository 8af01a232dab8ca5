import { expect, test, type Page } from '@playwright/test';
import { stockEvent, supplyRequest } from '../integration/sync-helpers/documents';
import { staffUser } from '../integration/sync-helpers/staff';
import { ConsolePage } from './console-page';
import {
  addFacilityOnScreen,
  addWardWithPc,
  createKeyOnScreen,
  enrolPcOnScreen,
} from './flows/ward-set-up';

/**
 * Found walking through the console as its people use it, at 1366×768 and mostly by keyboard: a
 * buyer who takes or resolves an exception keeps their place; an admin adds and disables a person
 * without a shell on the endpoint; a recall typed with a notice id already held replaces nothing;
 * the recall form starts over after a success and each recall's card says what it covers.
 */

const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return e && e !== document.body ? (e.getAttribute('aria-label') ?? e.textContent ?? '') : '';
  });

test('a buyer works the exception queue by keyboard and never loses their place', async ({
  page,
  request: api,
}) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  const { token, deviceId } = await addWardWithPc(console, api, {
    id: 'FAC-WALK',
    name: 'Walk Ward',
  });
  // Two pushes by someone the centre does not know: two refused-push exceptions.
  for (const n of [1, 2]) {
    const refused = await api.post('/v1/replication/stock_events/push', {
      headers: { authorization: `Bearer ${token}` },
      data: [
        { newDocumentState: stockEvent({ facilityId: 'FAC-WALK', deviceId }, { deviceSeq: n }) },
      ],
    });
    expect(refused.status()).toBe(403);
  }
  await page.getByRole('button', { name: 'Sign out' }).click();

  await console.signIn('buyer');
  await console.go('Exceptions');
  await page.getByRole('combobox', { name: 'Facility' }).click();
  await page.getByRole('option', { name: /Walk Ward/ }).click();
  const table = page.getByTestId('exceptions-table');
  await expect(table.getByRole('row', { name: /Push refused/ })).toHaveCount(2);
  const first = table.getByRole('row', { name: /Push refused/ }).first();

  // Take with Enter: the Take button gives way to Resolve…, and focus goes to it, not to the page.
  await first.getByRole('button', { name: /Take ownership of/ }).focus();
  await page.keyboard.press('Enter');
  await expect(first.getByRole('button', { name: /^Resolve/ })).toBeFocused();

  // The dialog opens on its question; Escape brings focus back to Resolve….
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Resolve this exception' });
  await expect(dialog.getByRole('textbox', { name: 'How was it resolved?' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(first.getByRole('button', { name: /^Resolve/ })).toBeFocused();

  // Resolved, the row leaves the queue: focus goes to the row now in its place.
  await page.keyboard.press('Enter');
  // The dialog puts the cursor in the field as it opens; keys typed before that are the browser's.
  await expect(dialog.getByRole('textbox', { name: 'How was it resolved?' })).toBeFocused();
  await page.keyboard.type('Added the technician in the ERP');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(table.getByRole('row', { name: /Push refused/ })).toHaveCount(1);
  await expect(
    table
      .getByRole('row', { name: /Push refused/ })
      .getByRole('button', { name: /Take ownership of/ }),
  ).toBeFocused();
  expect(await focused(page)).toMatch(/^Take ownership of/);
  await console.expectNoAxeViolations('exceptions (after resolving by keyboard)');
});

test('an admin adds a person and disables them from the console; an analyst sees no such act', async ({
  page,
  browser,
}) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  await console.go('Console people');
  const form = page.getByRole('form', { name: 'Add a person' });
  await form.getByRole('textbox', { name: 'Username' }).fill('Not A Username');
  await form.getByRole('textbox', { name: 'Full name' }).fill('Cy Buyer');
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(form.getByRole('alert')).toContainText('is not a console username');
  // What was typed stays for the one correction.
  await expect(form.getByRole('textbox', { name: 'Full name' })).toHaveValue('Cy Buyer');
  await form.getByRole('textbox', { name: 'Username' }).fill('cy.buyer');
  await form.getByRole('button', { name: 'Add person' }).click();
  const shown = page.getByTestId('new-person-password');
  await expect(shown).toContainText('Cy Buyer can sign in as cy.buyer');
  const password = (await shown.locator('code').textContent()) ?? '';
  expect(password.length).toBeGreaterThanOrEqual(12);
  const row = page.getByTestId('people-table').getByRole('row', { name: /cy\.buyer/ });
  await expect(row).toContainText('buyer');
  await expect(row).toContainText('active');
  // No Disable on one's own row: an admin would sign themselves out mid-task.
  await expect(
    page
      .getByTestId('people-table')
      .getByRole('row', { name: /ada\.admin/ })
      .getByRole('button'),
  ).toHaveCount(0);
  await console.expectNoAxeViolations('console people (admin)');
  await console.screenshots('console-people-admin');

  // The new buyer signs in elsewhere; disabling them ends that session at once.
  const other = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await other.goto('/console/');
  await other.getByRole('textbox', { name: 'Username' }).fill('cy.buyer');
  await other.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByTestId('signed-in-as')).toHaveText('Cy Buyer');

  await row.getByRole('button', { name: 'Disable Cy Buyer (cy.buyer)' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Disable: sign-in stops now' })
    .click();
  await expect(row).toContainText('disabled');
  await expect(row.getByRole('button')).toHaveCount(0);
  await other.reload();
  await expect(other.getByRole('heading', { name: 'Centre console' })).toBeVisible();
  await other.close();

  await page.getByRole('button', { name: 'Sign out' }).click();
  // This screen has a Username field of its own: wait for the sign-in screen's.
  await expect(page.getByRole('heading', { name: 'Centre console' })).toBeVisible();
  await console.signIn('analyst');
  await console.go('Console people');
  await expect(page.getByRole('form', { name: 'Add a person' })).toHaveCount(0);
  await expect(page.getByTestId('people-table').getByRole('button')).toHaveCount(0);
});

test('a recall typed with a notice id already held is refused, naming that notice, with the form kept', async ({
  page,
}) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('buyer');
  await console.go('Recalls');
  const form = page.getByRole('form', { name: 'Enter a recall' });
  const fill = async (number: string, title: string, lots: string) => {
    await form.getByRole('textbox', { name: 'Notice id' }).fill('RCL-WALK-1');
    await form.getByRole('textbox', { name: 'Recall number' }).fill(number);
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form.getByRole('textbox', { name: 'Source (manufacturer)' }).fill('Example Medical');
    await form.getByRole('textbox', { name: 'GTINs' }).fill('09504000059101');
    await form.getByRole('textbox', { name: 'Lot codes' }).fill(lots);
    await form.getByRole('textbox', { name: 'What the stockrooms must do' }).fill('Quarantine.');
  };
  await fill('Z-0300-2026', 'Catheter hub may crack', 'LOT1');
  await form.getByRole('button', { name: 'Enter recall' }).click();
  await expect(page.getByTestId('recall-RCL-WALK-1')).toContainText('Z-0300-2026');

  // The same id again, for another recall: nothing replaced, the buyer told which notice holds it.
  await fill('Z-0301-2026', 'Gloves: pinholes', 'G7');
  await form.getByRole('button', { name: 'Enter recall' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'notice id "RCL-WALK-1" already belongs to Z-0300-2026: Catheter hub may crack (Class I)',
  );
  await expect(form.getByRole('textbox', { name: 'Title' })).toHaveValue('Gloves: pinholes');
  await expect(page.getByTestId('recall-RCL-WALK-1')).toContainText('Z-0300-2026');

  // No lot and not Every lot: refused, saying what to do.
  await form.getByRole('textbox', { name: 'Notice id' }).fill('RCL-WALK-2');
  await form.getByRole('textbox', { name: 'Lot codes' }).fill('');
  await form.getByRole('button', { name: 'Enter recall' }).click();
  await expect(form.getByRole('alert')).toContainText('tick "Every lot"');
  await expect(page.getByTestId('recall-RCL-WALK-2')).toHaveCount(0);
  await console.expectNoAxeViolations('recalls (refused entry)');
});

/** A buyer signed in on the Recalls screen, with its entry form and a field of it by label. */
async function buyerOnRecalls(page: Page) {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('buyer');
  await console.go('Recalls');
  const form = page.getByRole('form', { name: 'Enter a recall' });
  const box = (name: string) => form.getByRole('textbox', { name });
  return { console, form, box };
}

test('a recall’s card says what it covers: products, lots and what the stockrooms must do', async ({
  page,
}) => {
  const { console, form, box } = await buyerOnRecalls(page);
  await box('Notice id').fill('RCL-WALK-3');
  await box('Recall number').fill('Z-0310-2026');
  await box('Title').fill('Syringe plunger may stick');
  await box('Source (manufacturer)').fill('Example Medical');
  await box('GTINs').fill('09504000059101');
  await box('Lot codes').fill('S1, S2');
  await box('What the stockrooms must do').fill('Quarantine every box; return to the supplier.');
  await form.getByRole('button', { name: 'Enter recall' }).click();

  // The buyer sees what is recalled without opening the ERP.
  const card = page.getByTestId('recall-RCL-WALK-3');
  await expect(card).toContainText('by Example Medical');
  const scope = card.getByTestId('recall-scope');
  await expect(scope).toContainText('Products');
  await expect(scope).toContainText('not in the item master (GTIN 09504000059101)');
  await expect(scope.getByRole('definition').nth(1)).toHaveText('S1, S2');
  await expect(scope).toContainText('Quarantine every box; return to the supplier.');
  await console.expectNoAxeViolations('recalls (what each covers)');
  await console.screenshots('recalls-scope');
});

test('after a recall is entered the form starts over, says so, and puts the cursor in its first field', async ({
  page,
}) => {
  const { console, form, box } = await buyerOnRecalls(page);
  await box('Notice id').fill('RCL-WALK-4');
  await box('Recall number').fill('Z-0320-2026');
  await box('Title').fill('Gown seams may split');
  await form.getByRole('combobox', { name: 'Class' }).click();
  await page.getByRole('option', { name: 'Class II', exact: true }).click();
  await box('Source (manufacturer)').fill('Example Medical');
  await box('GTINs').fill('09504000059101');
  await form.getByRole('checkbox', { name: 'Every lot' }).check();
  await box('What the stockrooms must do').fill('Quarantine every gown.');
  await form.getByRole('button', { name: 'Enter recall' }).click();

  await expect(form.getByRole('status')).toHaveText(
    'Recall Z-0320-2026 entered: every stockroom gets it at its next sync.',
  );
  await expect(box('Notice id')).toBeFocused();
  await expect(form.getByRole('combobox', { name: 'Class' })).toHaveValue('Class I');
  await expect(form.getByRole('checkbox', { name: 'Every lot' })).not.toBeChecked();
  await expect(box('Lot codes')).toBeEnabled();
  for (const name of [
    'Notice id',
    'Recall number',
    'Title',
    'Source (manufacturer)',
    'GTINs',
    'What the stockrooms must do',
  ]) {
    await expect(box(name)).toHaveValue('');
  }

  // The next one, typed from the top by keyboard: it carries none of the last one's choices.
  await page.keyboard.type('RCL-WALK-5');
  await box('Recall number').fill('Z-0321-2026');
  await box('Title').fill('Gauze: torn pouches');
  await box('Source (manufacturer)').fill('Other Supplies');
  await box('GTINs').fill('09504000059101');
  await box('Lot codes').fill('G7, G8');
  await box('What the stockrooms must do').fill('Quarantine lots G7 and G8.');
  await form.getByRole('button', { name: 'Enter recall' }).click();
  await expect(form.getByRole('status')).toContainText('Recall Z-0321-2026 entered');
  const next = page.getByTestId('recall-RCL-WALK-5');
  await expect(next.getByText('Class I', { exact: true })).toBeVisible();
  await expect(next.getByText('Class II', { exact: true })).toHaveCount(0);
  await console.expectNoAxeViolations('recalls (after an entry)');
  await console.screenshots('recalls-entered');
});

test('an analyst goes from a facility’s figures to its open requests, named, not by id alone', async ({
  page,
  request: api,
}) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  for (const [id, name] of [
    ['FAC-LINK', 'Link Ward'],
    ['FAC-LINK-2', 'Other Ward'],
  ] as const) {
    await addFacilityOnScreen(console, { id, name });
    await expect(page.getByTestId('facilities-table')).toContainText(name);
  }
  const { token } = await enrolPcOnScreen(console, api, 'Link Ward');
  const key = await createKeyOnScreen(console, 'erp-link-staff', ['users:write']);
  await api.put('/v1/erp/users', {
    headers: { authorization: `Bearer ${key}` },
    data: [staffUser('USR-NM-LINK', 'nurse-manager', ['FAC-LINK'])],
  });
  const at = new Date().toISOString();
  const urgent = supplyRequest('FAC-LINK', {
    status: 'submitted',
    priority: 'urgent',
    createdBy: 'USR-NM-LINK',
    createdAt: at,
    history: [
      { status: 'draft', at, by: 'USR-NM-LINK' },
      { status: 'submitted', at, by: 'USR-NM-LINK' },
    ],
  });
  const pushed = await api.post('/v1/replication/supply_requests/push', {
    headers: { authorization: `Bearer ${token}` },
    data: [{ newDocumentState: urgent }],
  });
  expect(pushed.status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Centre console' })).toBeVisible();

  await console.signIn('analyst');
  await console.go('Indicators');
  await page
    .getByTestId('indicators-table')
    .getByRole('link', { name: 'Open requests of Link Ward (FAC-LINK)' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Requests');
  await expect(page.getByRole('combobox', { name: 'Facility' })).toHaveValue(
    'Link Ward (FAC-LINK)',
  );
  const rows = page.getByTestId('requests-table').getByRole('row');
  await expect(rows).toHaveCount(2); // the header and Link Ward's one request
  await expect(rows.nth(1)).toContainText('Link Ward (FAC-LINK)');
  await expect(rows.nth(1)).toContainText('urgent');
  await console.expectNoAxeViolations('requests (one facility)');
  await console.screenshots('requests-one-facility');
  // A reload keeps the filter; Other Ward has no open request, and the screen says so by name.
  await page.reload();
  await expect(rows).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Facility' }).click();
  await page.getByRole('option', { name: 'Other Ward (FAC-LINK-2)' }).click();
  await expect(page.getByText('No open request at Other Ward (FAC-LINK-2).')).toBeVisible();
});
