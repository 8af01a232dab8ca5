import { expect, test, type Locator } from '@playwright/test';
import { STEP_REASON } from '../../shared/console';
import type { SupplyRequest } from '../../shared/model';
import { transition } from '../../shared/replenishment/request-status';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { supplyRequest } from '../integration/sync-helpers/documents';
import { staffUser } from '../integration/sync-helpers/staff';
import { ConsolePage } from './console-page';
import { addWardWithPc, createKeyOnScreen } from './flows/ward-set-up';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** Where the first character of `text` is drawn, within `scope`. */
async function boxOf(scope: Locator, text: string): Promise<{ left: number; top: number }> {
  return scope.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const { left, top } = range.getBoundingClientRect();
      return { left, top };
    }
    throw new Error(`"${wanted}" is not in "${root.textContent}"`);
  }, text);
}

/**
 * `after` reads after `before`, as a left-to-right reader sees it: further right on the same line,
 * or on a later line. A right-to-left override let out of a name draws what follows it leftwards.
 */
async function expectReadsAfter(scope: Locator, before: string, after: string): Promise<void> {
  const [b, a] = [await boxOf(scope, before), await boxOf(scope, after)];
  const sameLine = Math.abs(a.top - b.top) < 4;
  expect(
    sameLine ? a.left > b.left : a.top > b.top,
    `"${after}" should read after "${before}": ${JSON.stringify({ before: b, after: a })}`,
  ).toBe(true);
}

test('a name with a right-to-left override reorders nothing after it, and a refused reject stays in its dialog with the reason typed', async ({
  page,
  request: api,
}) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  // The ERP and the person who added the ward wrote names holding U+202E.
  const { token } = await addWardWithPc(console, api, { id: 'FAC-BIDI', name: 'Ward \u202eEVIL' });
  const key = await createKeyOnScreen(console, 'erp-bidi', ['users:write', 'items:write']);
  const auth = { authorization: `Bearer ${key}` };
  const staffed = await api.put('/v1/erp/users', {
    headers: auth,
    data: [staffUser('USR-NM-BIDI', 'nurse-manager', ['FAC-BIDI'])],
  });
  expect(staffed.status()).toBe(200);
  const items = await api.put('/v1/erp/items', {
    headers: auth,
    data: [
      { id: 'ITM-BIDI-1', name: 'Sal\u202eine flush' },
      { id: 'ITM-BIDI-2', name: 'Gauze swab' },
    ].map((i) => ({ ...SAMPLE_DOCUMENTS.items, ...i, gtins: [], hibccCodes: [] })),
  });
  expect(items.status(), await items.text()).toBe(200);
  const request = supplyRequest('FAC-BIDI', {
    status: 'submitted',
    priority: 'stat',
    kind: 'urgent',
    createdBy: 'USR-NM-BIDI',
    lines: [
      { itemId: 'ITM-BIDI-1', quantity: 3 },
      { itemId: 'ITM-BIDI-2', quantity: 2 },
    ],
    history: [
      { status: 'draft', at: ago(5), by: 'USR-NM-BIDI' },
      { status: 'submitted', at: ago(5), by: 'USR-NM-BIDI' },
    ],
  });
  const pushed = await api.post('/v1/replication/supply_requests/push', {
    headers: { authorization: `Bearer ${token}` },
    data: [{ newDocumentState: request }],
  });
  expect(pushed.status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await console.signIn('buyer');
  await console.go('Requests');
  const row = page.getByTestId('requests-table').locator(`tr[data-row-key="${request.id}"]`);
  // In a table cell: the item's id, the next line and its item read after the reversed name.
  const items_ = row.getByRole('cell').filter({ hasText: 'ITM-BIDI-1' });
  await expectReadsAfter(items_, 'ine flush', 'ITM-BIDI-1');
  await expectReadsAfter(items_, 'ITM-BIDI-1', 'Gauze');
  // In a sentence: the facility's id and the rest of the sentence read after its name.
  await row.getByRole('button', { name: `Escalate to ERP… request ${request.id}` }).click();
  const escalate = page.getByRole('dialog', { name: `Escalate request ${request.id} to the ERP` });
  const sentence = escalate.getByText(/needs it to act/);
  await expectReadsAfter(sentence, 'EVIL', 'FAC-BIDI');
  await expectReadsAfter(sentence, 'FAC-BIDI', 'needs it');
  await console.screenshots('words-bidi-escalate');
  await escalate.getByRole('button', { name: 'Back' }).click();

  // Rejecting: sent blank, the one reason field says what is missing and takes focus.
  await row.getByRole('button', { name: `Reject… request ${request.id}` }).click();
  const dialog = page.getByRole('dialog', { name: `Reject request ${request.id}` });
  const reason = dialog.getByRole('textbox', { name: 'Reason' });
  await expect(dialog).toContainText(`0 of ${STEP_REASON.max} characters`);
  await dialog.getByRole('button', { name: 'Reject request' }).click();
  await expect(dialog).toContainText(STEP_REASON.missing);
  await expect(reason).toBeFocused();
  const why = 'Not stocked at the centre: order it from the ward’s own supplier';
  await reason.fill(why);
  await expect(dialog).toContainText(`${why.length} of ${STEP_REASON.max} characters`);

  // Meanwhile the ward cancels it on its PC: the endpoint refuses the reject.
  const pulled = await api.get('/v1/replication/supply_requests/pull?limit=1000', {
    headers: { authorization: `Bearer ${token}` },
  });
  const stored = ((await pulled.json()) as { documents: SupplyRequest[] }).documents.find(
    (d) => d.id === request.id,
  )!;
  const cancelled = transition(stored, 'cancelled', {
    at: new Date().toISOString(),
    by: 'USR-NM-BIDI',
    note: 'Found a box in the ward store',
  });
  if (!cancelled.ok) throw new Error(cancelled.error.message);
  const cancel = await api.post('/v1/replication/supply_requests/push', {
    headers: { authorization: `Bearer ${token}` },
    data: [{ assumedMasterState: stored, newDocumentState: cancelled.value }],
  });
  expect(cancel.status()).toBe(200);
  await dialog.getByRole('button', { name: 'Reject request' }).click();

  // The refusal is in the dialog, where the buyer is looking, and has focus; the reason stays.
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('Not rejected');
  await expect(refusal).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(reason).toHaveValue(why);
  await console.expectNoAxeViolations('requests (reject refused)');
  await console.screenshots('words-reject-refused');
  await dialog.getByRole('button', { name: 'Back' }).click();
  await expect(dialog).toHaveCount(0);
});
