import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from './console-helpers/console-client';
import { adminCommand, freePort, startEndpoint } from './endpoint-helpers/endpoint-process';
import { copyPgliteTemplate } from './sync-helpers/pglite-template';

/**
 * Issue 14: the first console admin is made by an admin command, with no endpoint running (the
 * command opens the PGlite folder) and beside a running one (through its admin API); both can
 * then sign in to the running endpoint. The password is made by the command and printed once.
 */
// A copy of the run's migrated template: a fresh folder would spend 15 s in initdb.
const copy = copyPgliteTemplate();
const dataDir = copy?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'stockroom-console-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('console-user add', () => {
  it('works on the folder alone and beside the running endpoint; both people can sign in', async () => {
    const env = { DATA_DIR: dataDir };
    const first = (await adminCommand(
      env,
      'console-user',
      'add',
      '--username',
      'Ada.Admin',
      '--role',
      'admin',
      '--name',
      'Ada Admin',
    )) as { consoleUser: { username: string; role: string }; password: string };
    expect(first.consoleUser).toMatchObject({ username: 'ada.admin', role: 'admin' });
    expect(first.password.length).toBeGreaterThanOrEqual(20);

    const port = await freePort();
    const endpoint = await startEndpoint(
      { DATA_DIR: dataDir, PORT: String(port) },
      `http://127.0.0.1:${port}`,
    );
    try {
      const second = (await adminCommand(
        env,
        'console-user',
        'add',
        '--username',
        'bo.buyer',
        '--role',
        'buyer',
      )) as { consoleUser: { username: string }; password: string };
      const ada = new ConsoleClient(endpoint.url);
      expect((await ada.signIn('ada.admin', first.password)).status).toBe(200);
      const bo = new ConsoleClient(endpoint.url);
      expect((await bo.signIn('bo.buyer', second.password)).status).toBe(200);
      const listed = await ada.request('GET', '/v1/admin/console-users');
      expect(listed.body.consoleUsers.map((u: { username: string }) => u.username)).toEqual([
        'ada.admin',
        'bo.buyer',
      ]);
      // The password was never stored or logged as given.
      expect(endpoint.output()).not.toContain(second.password);
    } finally {
      expect((await endpoint.stop()).code, endpoint.output()).toBe(0);
    }
  }, 120_000);
});
