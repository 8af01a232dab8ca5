import { describe, expect, it, vi } from 'vitest';
import {
  DESKTOP_BRIDGE_GLOBAL,
  DESKTOP_CHANNELS,
  type DesktopBridge,
} from '../../shared/platform/desktop-bridge';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invocations: [] as unknown[][],
}));

vi.mock('electron', () => {
  const ipcRenderer = {
    invoke: async (...args: unknown[]) => {
      electron.invocations.push(args);
      return { ok: true, value: `answer to ${String(args[0])}` };
    },
    send: () => undefined,
    on: () => undefined,
    sendSync: () => undefined,
  };
  return {
    ipcRenderer,
    contextBridge: {
      exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api),
    },
  };
});

await import('../../electron/preload/index');
const { ipcRenderer } = await import('electron');
const bridge = electron.exposed.get(DESKTOP_BRIDGE_GLOBAL) as DesktopBridge;

describe('the preload bridge (window.stockroom)', () => {
  it('exposes one object, under the agreed name, and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['stockroom']);
  });

  it('holds the version and one named async function per channel, nothing more', () => {
    const methods = Object.keys(bridge).filter((k) => k !== 'version');
    expect(bridge.version).toBe(1);
    expect(methods.sort()).toEqual(Object.keys(DESKTOP_CHANNELS).sort());
    for (const name of methods) {
      expect(typeof (bridge as unknown as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('never hands out ipcRenderer or a generic send/invoke', () => {
    const values = Object.values(bridge);
    expect(values).not.toContain(ipcRenderer);
    expect(values).not.toContain(ipcRenderer.invoke);
    for (const generic of ['invoke', 'send', 'on', 'sendSync', 'ipcRenderer']) {
      expect(bridge).not.toHaveProperty(generic);
    }
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each call on its own channel with exactly its declared arguments', async () => {
    electron.invocations.length = 0;
    await bridge.getDatabaseKey();
    await bridge.setDeviceToken('tok-1');
    await bridge.openExternal('https://www.fda.gov/');
    // A page that passes extra arguments cannot smuggle them through.
    const loose = bridge as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    await loose['setDeviceToken']!('tok-2', { admin: true });
    await loose['getDeviceId']!('../../etc/passwd');
    expect(electron.invocations).toEqual([
      [DESKTOP_CHANNELS.getDatabaseKey],
      [DESKTOP_CHANNELS.setDeviceToken, 'tok-1'],
      [DESKTOP_CHANNELS.openExternal, 'https://www.fda.gov/'],
      [DESKTOP_CHANNELS.setDeviceToken, 'tok-2'],
      [DESKTOP_CHANNELS.getDeviceId],
    ]);
  });

  it('returns what the main process answered', async () => {
    expect(await bridge.getDeviceId()).toEqual({
      ok: true,
      value: `answer to ${DESKTOP_CHANNELS.getDeviceId}`,
    });
  });

  it('uses only channels in the stockroom: namespace', () => {
    for (const channel of Object.values(DESKTOP_CHANNELS)) {
      expect(channel).toMatch(/^stockroom:[a-z-]+$/);
    }
    expect(new Set(Object.values(DESKTOP_CHANNELS)).size).toBe(
      Object.keys(DESKTOP_CHANNELS).length,
    );
  });
});
