import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS } from '../../shared/platform/desktop-bridge';

/**
 * electron/main/index.ts against a mocked `electron`: the order of start-up calls and what gets
 * wired, so a policy module that is written and tested but never installed shows up here.
 */
const shell = vi.hoisted(() => {
  const calls: string[] = [];
  const appHandlers = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: Record<string, unknown>; loaded: string[] }[] = [];
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  return { calls, appHandlers, windows, readyPromise, ready: () => ready() };
});
const userData = mkdtempSync(path.join(tmpdir(), 'stockroom-main-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

vi.mock('electron', () => {
  const record =
    (name: string) =>
    (..._args: unknown[]) =>
      void shell.calls.push(name);
  class BrowserWindow {
    webContents = { id: 1, on: () => undefined, setWindowOpenHandler: () => undefined };
    private readonly record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      shell.windows.push(this.record);
      shell.calls.push('new BrowserWindow');
    }
    on() {}
    once() {}
    maximize() {}
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
      shell.calls.push(`loadURL ${url}`);
    }
  }
  return {
    app: {
      isPackaged: false,
      setPath: record('app.setPath'),
      getPath: () => userData,
      getVersion: () => '0.1.0',
      enableSandbox: record('app.enableSandbox'),
      requestSingleInstanceLock: () => {
        shell.calls.push('app.requestSingleInstanceLock');
        return true;
      },
      on: (event: string, handler: (...args: unknown[]) => void) =>
        shell.appHandlers.set(event, handler),
      whenReady: () => {
        shell.calls.push('app.whenReady');
        return shell.readyPromise;
      },
      quit: record('app.quit'),
      exit: record('app.exit'),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string) => shell.calls.push(`ipcMain.handle ${channel}`) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
        shell.calls.push(
          `protocol.registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join()}`,
        ),
      handle: (scheme: string) => shell.calls.push(`protocol.handle ${scheme}`),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('setPermissionRequestHandler'),
        setPermissionCheckHandler: record('setPermissionCheckHandler'),
        setDevicePermissionHandler: record('setDevicePermissionHandler'),
      },
    },
    shell: { openExternal: async () => undefined },
    systemPreferences: { askForMediaAccess: async () => true },
    safeStorage: {},
  };
});
vi.mock('electron-log/main', () => ({
  default: {
    transports: { file: {} },
    errorHandler: { startCatching: () => shell.calls.push('log.errorHandler.startCatching') },
    info: () => undefined,
    warn: () => undefined,
    error: (...args: unknown[]) => shell.calls.push(`log.error ${args.map(String).join(' ')}`),
  },
}));
vi.mock('electron-updater', () => ({ default: { autoUpdater: {} } }));

await import('../../electron/main/index');

describe('main process start-up', () => {
  it('registers the privileged scheme, the sandbox and the instance lock before ready', () => {
    const beforeReady = shell.calls.slice(0, shell.calls.indexOf('app.whenReady'));
    expect(beforeReady).toEqual(
      expect.arrayContaining([
        'protocol.registerSchemesAsPrivileged app',
        'app.enableSandbox',
        'app.requestSingleInstanceLock',
      ]),
    );
    expect(beforeReady).not.toContain('new BrowserWindow');
    expect([...shell.appHandlers.keys()].sort()).toEqual([
      'second-instance',
      'web-contents-created',
      'window-all-closed',
    ]);
  });

  it('once ready: protocol, permissions and every IPC channel before the window loads app://bundle', async () => {
    shell.ready();
    await vi.waitFor(() => expect(shell.windows[0]?.loaded).toEqual(['app://bundle/index.html']));
    const load = shell.calls.indexOf('loadURL app://bundle/index.html');
    const wiredBeforeLoad = (name: string) => {
      const at = shell.calls.indexOf(name);
      expect(at, `${name} was never called`).toBeGreaterThanOrEqual(0);
      expect(at, `${name} came after the page loaded`).toBeLessThan(load);
    };
    wiredBeforeLoad('protocol.handle app');
    wiredBeforeLoad('setPermissionRequestHandler');
    wiredBeforeLoad('setPermissionCheckHandler');
    wiredBeforeLoad('setDevicePermissionHandler');
    for (const channel of Object.values(DESKTOP_CHANNELS))
      wiredBeforeLoad(`ipcMain.handle ${channel}`);
    expect(shell.calls.filter((c) => c.startsWith('log.error ') || c === 'app.exit')).toEqual([]);
  });

  it('creates the window with the sandboxed preferences and the built preload', () => {
    const prefs = shell.windows[0]!.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.cjs$/);
    expect(shell.windows).toHaveLength(1);
  });
});
