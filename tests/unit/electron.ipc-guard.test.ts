import type { IpcMain } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  checkSender,
  guardHandler,
  registerBridgeHandlers,
  REFUSED,
  SHELL_FAILED,
  type BridgeHandlers,
  type InvokeSender,
} from '../../electron/main/ipc-guard';
import { DESKTOP_CHANNELS, DEVICE_TOKEN_MAX_LENGTH } from '../../shared/platform/desktop-bridge';

const ourWindow = { id: 1 };
const isOurWindow = (sender: unknown) => sender === ourWindow;
const fromUs: InvokeSender = {
  sender: ourWindow,
  senderFrame: { url: 'app://bundle/index.html', parent: null },
};

function recordingDeps() {
  const refused: string[] = [];
  const failed: string[] = [];
  return {
    refused,
    failed,
    deps: {
      isOurWindow,
      onRefused: (channel: string, reason: string) => refused.push(`${channel} ${reason}`),
      onFailed: (channel: string, error: unknown) => failed.push(`${channel} ${String(error)}`),
    },
  };
}

describe('checkSender: only our page, top frame, our window', () => {
  it('accepts our own top frame', () => {
    expect(checkSender(fromUs, isOurWindow)).toBeNull();
  });

  it.each([
    ['a destroyed frame', { ...fromUs, senderFrame: null }, 'no-frame'],
    [
      'an iframe',
      { ...fromUs, senderFrame: { url: 'app://bundle/x.html', parent: {} } },
      'sub-frame',
    ],
    [
      'a foreign page',
      { ...fromUs, senderFrame: { url: 'https://evil.example/', parent: null } },
      'foreign-origin',
    ],
    [
      'a look-alike origin',
      { ...fromUs, senderFrame: { url: 'app://bundle.evil/', parent: null } },
      'foreign-origin',
    ],
    [
      'credentials',
      { ...fromUs, senderFrame: { url: 'app://user@bundle/', parent: null } },
      'foreign-origin',
    ],
    [
      'the dev server',
      { ...fromUs, senderFrame: { url: 'http://127.0.0.1:5173/', parent: null } },
      'foreign-origin',
    ],
    [
      'a file: page',
      { ...fromUs, senderFrame: { url: 'file:///tmp/index.html', parent: null } },
      'foreign-origin',
    ],
    [
      'about:blank',
      { ...fromUs, senderFrame: { url: 'about:blank', parent: null } },
      'foreign-origin',
    ],
    ['another window', { ...fromUs, sender: { id: 2 } }, 'unknown-window'],
  ] as const)('refuses %s', (_why, event, reason) => {
    expect(checkSender(event, isOurWindow)).toBe(reason);
  });
});

describe('guardHandler: sender, arguments, and errors as values', () => {
  it('calls the handler with validated arguments and returns its result', async () => {
    const tokens: string[] = [];
    const { deps, refused } = recordingDeps();
    const guarded = guardHandler(
      'setDeviceToken',
      async (token) => {
        tokens.push(token);
        return { ok: true, value: null };
      },
      deps,
    );
    expect(await guarded(fromUs, 'dev-token.abc_123')).toEqual({ ok: true, value: null });
    expect(tokens).toEqual(['dev-token.abc_123']);
    expect(refused).toEqual([]);
  });

  it.each([
    ['no argument', []],
    ['an extra argument', ['token', 'extra']],
    ['a number', [42]],
    ['an object', [{ toString: () => 'token' }]],
    ['an array', [['token']]],
    ['null', [null]],
    ['an empty token', ['']],
    ['whitespace', ['tok en']],
    ['a newline', ['token\n']],
    ['a NUL', ['token\u0000']],
    ['non-ASCII', ['tökén']],
    ['an oversized token', ['x'.repeat(DEVICE_TOKEN_MAX_LENGTH + 1)]],
  ])('refuses setDeviceToken with %s and never calls the handler', async (_why, args) => {
    let called = false;
    const { deps, refused } = recordingDeps();
    const guarded = guardHandler(
      'setDeviceToken',
      async () => {
        called = true;
        return { ok: true, value: null };
      },
      deps,
    );
    expect(await guarded(fromUs, ...args)).toEqual({ ok: false, error: REFUSED });
    expect(called).toBe(false);
    expect(refused).toEqual([`${DESKTOP_CHANNELS.setDeviceToken} invalid-arguments`]);
  });

  it('refuses arguments to a method that takes none', async () => {
    const { deps } = recordingDeps();
    const guarded = guardHandler('getDatabaseKey', async () => ({ ok: true, value: 'k' }), deps);
    expect(await guarded(fromUs)).toEqual({ ok: true, value: 'k' });
    expect(await guarded(fromUs, 'please')).toEqual({ ok: false, error: REFUSED });
  });

  it('refuses a foreign sender before looking at anything else', async () => {
    let called = false;
    const { deps, refused } = recordingDeps();
    const guarded = guardHandler(
      'getDatabaseKey',
      async () => {
        called = true;
        return { ok: true, value: 'secret' };
      },
      deps,
    );
    const foreign = { ...fromUs, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await guarded(foreign)).toEqual({ ok: false, error: REFUSED });
    expect(called).toBe(false);
    expect(refused).toEqual([`${DESKTOP_CHANNELS.getDatabaseKey} foreign-origin`]);
  });

  it('turns a thrown error into a value and logs it', async () => {
    const { deps, failed } = recordingDeps();
    const guarded = guardHandler(
      'getDeviceId',
      async () => {
        throw new Error('disk gone');
      },
      deps,
    );
    expect(await guarded(fromUs)).toEqual({ ok: false, error: SHELL_FAILED });
    expect(failed).toEqual([`${DESKTOP_CHANNELS.getDeviceId} Error: disk gone`]);
    expect(SHELL_FAILED.message).toMatch(/restart/i);
  });

  it('limits openExternal to one bounded string', async () => {
    const { deps } = recordingDeps();
    const guarded = guardHandler('openExternal', async () => ({ ok: true, value: null }), deps);
    expect((await guarded(fromUs, 'https://www.fda.gov/')).ok).toBe(true);
    expect((await guarded(fromUs, 'x'.repeat(3000))).ok).toBe(false);
    expect((await guarded(fromUs, new URL('https://www.fda.gov/'))).ok).toBe(false);
  });
});

describe('registerBridgeHandlers', () => {
  it('listens on exactly the bridge channels, each guarded', async () => {
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = {
      handle: (
        channel: string,
        listener: (event: unknown, ...args: unknown[]) => Promise<unknown>,
      ) => registered.set(channel, listener),
    } as unknown as IpcMain;
    const ok = async () => ({ ok: true as const, value: null });
    const handlers: BridgeHandlers = {
      getDatabaseKey: async () => ({ ok: true, value: 'key' }),
      getDeviceId: async () => ({ ok: true, value: 'desk-1' }),
      getDeviceToken: async () => ({ ok: true, value: null }),
      setDeviceToken: ok,
      clearDeviceToken: ok,
      getSecureStorageStatus: async () => ({ ok: true, value: { available: true, backend: 'os' } }),
      openExternal: ok,
      setEnrolledEndpoint: ok,
      sendToLabelPrinter: ok,
    };
    registerBridgeHandlers(ipcMain, handlers, recordingDeps().deps);
    expect([...registered.keys()].sort()).toEqual(Object.values(DESKTOP_CHANNELS).sort());
    const getKey = registered.get(DESKTOP_CHANNELS.getDatabaseKey)!;
    expect(await getKey(fromUs)).toEqual({ ok: true, value: 'key' });
    expect(await getKey({ ...fromUs, sender: { id: 9 } })).toEqual({ ok: false, error: REFUSED });
  });
});
