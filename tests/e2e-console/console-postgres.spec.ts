import { expect, test, type BrowserContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runAdmin } from '../../sync/cli/admin';
import { openDatabase } from '../../sync/db/connect';
import { WEB_PORT } from '../../playwright.config';
import { freePort } from '../chaos/server-process';
import { AppPage, person } from '../e2e/pages/app-page';
import { loadThroughErp } from '../e2e/pages/central-endpoint';
import { screenshot } from '../e2e/pages/evidence';
import { labelOf } from '../e2e/pages/labels';
import { wedgeScan } from '../e2e/pages/wedge';
import { ConsolePage } from './console-page';
import { exceptionFromOpenToResolved } from './flows/exception-flow';
import { deadLetterReplayed } from './flows/webhook-flow';

/**
 * Issue 14 on PostgreSQL with two endpoint processes: the console is served by one, the stockroom
 * PC syncs with the other, and the console still follows it live (PostgreSQL notifications carry
 * the change between them). The admin creates a facility, enrols the PC, which the stockroom app
 * itself enrols in this test, sees it sync, revokes it, and the PC says so in plain words.
 */
const ADMIN_URL = process.env['DATABASE_URL'] ?? '';

interface Endpoint {
  url: string;
  child: ChildProcess;
  log: () => string;
}

async function startEndpoint(
  databaseUrl: string,
  dataDir: string,
  people: boolean,
): Promise<Endpoint> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/e2e-console/console-endpoint.main.ts'],
    {
      env: {
        ...process.env,
        CONSOLE_E2E_DATABASE_URL: databaseUrl,
        CONSOLE_E2E_DATA_DIR: dataDir,
        CONSOLE_E2E_PORT: String(port),
        CONSOLE_E2E_PEOPLE: people ? '1' : '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-10_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`endpoint exited (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, child, log: () => output };
    if (Date.now() > deadline) throw new Error(`endpoint not ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stopEndpoint(endpoint: Endpoint | undefined): Promise<void> {
  if (!endpoint || endpoint.child.exitCode !== null) return;
  const exited = new Promise((resolve) => endpoint.child.once('exit', resolve));
  endpoint.child.kill('SIGTERM');
  await exited;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

test.describe.serial('the console on PostgreSQL with two endpoint processes', () => {
  test.skip(!ADMIN_URL, 'No DATABASE_URL: this test needs a PostgreSQL server (.ci/run sets one).');
  const database = `stockroom_console_pg_${process.pid}_${Date.now()}`;
  const databaseUrl = (() => {
    if (!ADMIN_URL) return '';
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    return url.toString();
  })();
  const dataDir = mkdtempSync(join(tmpdir(), 'stockroom-console-pg-'));
  let consoleSide: Endpoint | undefined;
  let pcSide: Endpoint | undefined;
  let pcContext: BrowserContext | undefined;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await admin(`CREATE DATABASE ${database}`);
    consoleSide = await startEndpoint(databaseUrl, dataDir, true);
    pcSide = await startEndpoint(databaseUrl, dataDir, false);
  });

  test.afterAll(async () => {
    await pcContext?.close();
    await stopEndpoint(pcSide);
    await stopEndpoint(consoleSide);
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('an admin enrols a stockroom PC that syncs through the other process, sees it live, and revokes it', async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    const centre = { console: consoleSide!, pc: pcSide! };
    const console = new ConsolePage(page, centre.console.url);
    await console.open();
    await console.signIn('admin');

    const facilityId = 'FAC-PG-E2E';
    const form = page.getByRole('form', { name: 'Add a facility' });
    await form.getByLabel('Facility id').fill(facilityId);
    await form.getByLabel('Name').fill('Postgres General');
    await form.getByRole('button', { name: 'Add facility' }).click();
    await expect(
      page.getByTestId('facilities-table').getByRole('row', { name: new RegExp(facilityId) }),
    ).toContainText('Postgres General');

    // The ERP loads the facility's catalogue, locations and people, through the other process.
    const opened = await openDatabase({ databaseUrl });
    let apiKey = '';
    try {
      const made = await runAdmin(opened.db, [
        'api-key',
        '--name',
        'e2e-erp-pg',
        '--scopes',
        'items:write,locations:write,users:write',
      ]);
      if (!made.ok) throw new Error(made.error.message);
      apiKey = (made.output as { apiKey: { key: string } }).apiKey.key;
    } finally {
      await opened.close();
    }
    await loadThroughErp(async (method, path, body) => {
      const response = await fetch(`${centre.pc.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return response.status;
    }, facilityId);

    await page.getByRole('button', { name: 'Enrol a PC for Postgres General' }).click();
    const code = (await page.getByTestId('enrolment-code-text').textContent()) ?? '';
    expect(code).toMatch(/^enr_/);

    // The stockroom app, in its own browser profile, enrols with that code against process two.
    pcContext = await browser.newContext({
      baseURL: `http://127.0.0.1:${WEB_PORT}`,
      viewport: { width: 1366, height: 768 },
    });
    const pcPage = await pcContext.newPage();
    const app = new AppPage(pcPage);
    await app.open();
    await app.signInByBadge(person('admin'));
    await app.go('Sync status');
    await pcPage.getByRole('textbox', { name: 'Central endpoint address' }).fill(centre.pc.url);
    await pcPage.getByRole('textbox', { name: 'Enrolment code' }).fill(code);
    await pcPage.getByRole('textbox', { name: 'Name of this PC' }).fill('Postgres dock PC');
    await pcPage.getByRole('button', { name: 'Connect this PC' }).click();
    await expect(pcPage.getByText('Scan your badge to sign in.')).toBeVisible({ timeout: 30_000 });
    // The facility's people arrive by sync moments after the start.
    await app.signInByBadge(person('tech'));

    // A receipt at the dock: one stock event, pushed to process two.
    await app.go('Receive');
    await pcPage.getByText('Free receipt', { exact: true }).click();
    await expect(async () => {
      await wedgeScan(pcPage, labelOf('IVC2611A'));
      await expect(pcPage.getByTestId('item-card')).toContainText('IV catheter 20G', {
        timeout: 1_000,
      });
    }).toPass({ timeout: 30_000 });
    await pcPage.getByRole('textbox', { name: 'Quantity' }).fill('12');
    await pcPage.getByTestId('receive-confirm').click();
    await expect(pcPage.getByText('Received', { exact: true })).toBeVisible();

    // Process one's console hears of it without a reload.
    const row = page.getByTestId('pcs-table').getByRole('row', { name: /Postgres dock PC/ });
    await expect(row).toBeVisible({ timeout: 20_000 });
    await expect(row.getByRole('cell').nth(1)).toContainText(/app \d+\.\d+\.\d+/, {
      timeout: 30_000,
    });
    // The PC reports its queue on its own calls; once a push has emptied it, the PC makes one
    // more call with the fresh count rather than leaving it to the 60 s poll.
    await expect(row).toContainText(/none \(reported/, { timeout: 30_000 });
    // Columns: facility, PC (with app version and token age), last contact (with last push),
    // waiting, refused, events.
    await expect(row.getByRole('cell').nth(5)).toHaveText('1', { timeout: 30_000 });
    await console.expectNoAxeViolations('facilities and PCs on PostgreSQL');
    await console.screenshots('pcs-on-postgres');

    await row.getByRole('button', { name: `Revoke Postgres dock PC (${facilityId})` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke this PC' }).click();
    await expect(row).toContainText('Revoked');

    // The PC, still talking to process two, says so in plain words, and where to act.
    await app.go('Sync status');
    await pcPage.getByRole('button', { name: 'Sync now' }).click();
    const revoked = pcPage.getByTestId('sync-revoked');
    await expect(revoked).toBeVisible({ timeout: 30_000 });
    await expect(revoked).toContainText('The centre has revoked this PC');
    await expect(pcPage.getByTestId('sync-phase')).toHaveAttribute('data-phase', 'attention');
    await screenshot(pcPage, 'sync-revoked');
  });

  test('a dead letter made through one process is seen and replayed from the console on the other', async ({
    page,
    playwright,
  }) => {
    const erp = await playwright.request.newContext({ baseURL: pcSide!.url });
    try {
      await deadLetterReplayed(page, erp, { console: consoleSide!.url });
    } finally {
      await erp.dispose();
    }
  });

  test('an exception raised through one process goes from open to resolved on the other', async ({
    page,
    playwright,
  }) => {
    const pc = await playwright.request.newContext({ baseURL: pcSide!.url });
    try {
      await exceptionFromOpenToResolved(page, pc, { console: consoleSide!.url });
    } finally {
      await pc.dispose();
    }
  });
});
