import { spawn } from 'node:child_process';
import {
  expect,
  launchDesktop,
  NO_BINARY_MESSAGE,
  electronBinary,
  root,
  test,
} from './desktop-app';

// The one skip in the project: an Electron binary cannot exist on a machine with no route to its
// download host. Everywhere else these run.
test.skip(electronBinary === null, NO_BINARY_MESSAGE);

const BRIDGE_METHODS = [
  'clearDeviceToken',
  'getDatabaseKey',
  'getDeviceId',
  'getDeviceToken',
  'getSecureStorageStatus',
  'openExternal',
  'setDeviceToken',
];

test.describe('the desktop shell', () => {
  test('opens the stockroom app from the fixed app://bundle origin', async ({ page }) => {
    expect(page.url()).toBe('app://bundle/index.html');
    await expect(page).toHaveTitle('Stockroom Edge');
  });

  // The window options themselves are asserted by the unit tests (Electron has no API to read
  // them back); here, what they must mean for a page.
  test('gives the page no Node and no way into the preload world', async ({ page }) => {
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w['stockroom'] as Record<string, unknown>;
      let replaced = false;
      try {
        bridge['getDeviceId'] = () => 'hijacked';
        replaced =
          bridge['getDeviceId'] !== undefined && String(bridge['getDeviceId']).includes('hijacked');
      } catch {
        replaced = false;
      }
      return {
        globals: [typeof w['require'], typeof w['process'], typeof w['module'], typeof w['Buffer']],
        replaced,
      };
    });
    expect(seen.globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    expect(seen.replaced).toBe(false);
  });

  test('exposes one bridge of named functions and never ipcRenderer', async ({ page }) => {
    const shape = await page.evaluate(() => {
      const bridge = (window as unknown as { stockroom: Record<string, unknown> }).stockroom;
      return {
        version: bridge['version'],
        methods: Object.keys(bridge)
          .filter((k) => k !== 'version')
          .sort(),
        types: Object.values(bridge).map((v) => typeof v),
        ipc: 'ipcRenderer' in window || 'electron' in window,
      };
    });
    expect(shape.version).toBe(1);
    expect(shape.methods).toEqual(BRIDGE_METHODS);
    expect(shape.types.filter((t) => t !== 'function')).toEqual(['number']);
    expect(shape.ipc).toBe(false);
  });

  test('answers through the bridge, and refuses bad arguments', async ({ page }) => {
    const answers = await page.evaluate(async () => {
      const bridge = (
        window as unknown as { stockroom: Record<string, (...a: unknown[]) => Promise<unknown>> }
      ).stockroom;
      return {
        first: await bridge['getDeviceId']!(),
        second: await bridge['getDeviceId']!(),
        badToken: await bridge['setDeviceToken']!(42),
        badLink: await bridge['openExternal']!('file:///etc/passwd'),
      };
    });
    expect(answers.first).toMatchObject({
      ok: true,
      value: expect.stringMatching(/^desk-[0-9a-f]{24}$/),
    });
    expect(answers.second).toEqual(answers.first);
    expect(answers.badToken).toMatchObject({ ok: false, error: { code: 'ipc-refused' } });
    expect(answers.badLink).toMatchObject({ ok: false, error: { code: 'link-not-allowed' } });
  });

  test('reports secure storage truthfully: basic_text is never "available"', async ({ page }) => {
    const status = (await page.evaluate(() =>
      (
        window as unknown as { stockroom: { getSecureStorageStatus(): Promise<unknown> } }
      ).stockroom.getSecureStorageStatus(),
    )) as { ok: true; value: { available: boolean; backend: string; error?: { message: string } } };
    expect(status.ok).toBe(true);
    if (status.value.backend === 'basic_text') {
      expect(status.value.available).toBe(false);
      expect(status.value.error?.message).toMatch(/keyring/);
    }
  });

  test('keeps the window on the app: navigation and new windows are refused', async ({
    app,
    page,
  }) => {
    await page.evaluate(() => {
      window.location.href = 'https://evil.example/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/bundle\//);
    expect(await page.evaluate(() => window.open('https://evil.example/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('serves the bundle with its policy and refuses path traversal', async ({ page }) => {
    const result = await page.evaluate(async () => {
      const index = await fetch('app://bundle/index.html');
      const climb = await fetch('app://bundle/%2e%2e%2fpackage.json');
      const backslash = await fetch('app://bundle/..%5cpackage.json');
      return {
        csp: index.headers.get('content-security-policy'),
        climb: climb.status,
        backslash: backslash.status,
      };
    });
    expect(result.csp).toContain("script-src 'self'");
    expect(result.climb).toBe(400);
    expect(result.backslash).toBe(400);
  });

  test('refuses the microphone', async ({ page }) => {
    const outcome = await page.evaluate(() =>
      navigator.mediaDevices.getUserMedia({ audio: true }).then(
        () => 'granted',
        (error: Error) => error.name,
      ),
    );
    expect(outcome).not.toBe('granted');
  });

  test('lets one instance run: a second launch exits and the first keeps its window', async ({
    app,
    userDataDir,
  }) => {
    await app.firstWindow();
    const second = spawn(electronBinary!, [root], {
      env: { ...process.env, STOCKROOM_USER_DATA_DIR: userDataDir },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    expect(app.windows()).toHaveLength(1);
  });

  test('keeps its data across restarts (same origin, same profile)', async ({
    app,
    page,
    userDataDir,
  }) => {
    const id = await page.evaluate(() =>
      (
        window as unknown as { stockroom: { getDeviceId(): Promise<unknown> } }
      ).stockroom.getDeviceId(),
    );
    await page.evaluate(() => localStorage.setItem('stockroom.e2e', 'kept'));
    await app.close();
    const again = await launchDesktop(userDataDir);
    const page2 = await again.firstWindow();
    expect(page2.url()).toBe('app://bundle/index.html');
    expect(await page2.evaluate(() => localStorage.getItem('stockroom.e2e'))).toBe('kept');
    expect(
      await page2.evaluate(() =>
        (
          window as unknown as { stockroom: { getDeviceId(): Promise<unknown> } }
        ).stockroom.getDeviceId(),
      ),
    ).toEqual(id);
    await again.close();
  });
});
