import { describe, expect, it } from 'vitest';
import type { InstallOutcome } from '../../electron/launcher/electron-runtime';
import { planLaunch, type LaunchPlanDeps } from '../../electron/launcher/launch-plan';

interface World {
  binaryOnDisk: boolean;
  reachable: boolean;
  /** What running the download step does: install from cache, download, or fail. */
  install: 'from-cache' | 'download' | 'fails' | 'times-out';
  root?: boolean;
}

function deps(world: World) {
  const calls: string[] = [];
  let onDisk = world.binaryOnDisk;
  const d: LaunchPlanDeps = {
    version: '45.4.1',
    host: 'github.com',
    findBinary: () => (onDisk ? '/e/electron' : null),
    canReachHost: async () => {
      calls.push('probe');
      return world.reachable;
    },
    install: async (download): Promise<InstallOutcome> => {
      calls.push(download ? 'install:download' : 'install:cache-only');
      const works =
        world.install === 'from-cache' ||
        (world.install === 'download' && download && world.reachable);
      if (works) onDisk = true;
      if (world.install === 'times-out') return { ok: false, reason: 'timeout', output: '' };
      return works
        ? { ok: true }
        : { ok: false, reason: 'failed', output: 'TypeError: fetch failed\n    at x' };
    },
    onDownloadStart: () => calls.push('announce'),
    isRootOnLinux: world.root ?? false,
  };
  return { d, calls };
}

describe('npm start: desktop or web mode', () => {
  it('launches an installed binary without touching the network', async () => {
    const { d, calls } = deps({ binaryOnDisk: true, reachable: false, install: 'fails' });
    expect(await planLaunch(d)).toEqual({ mode: 'desktop', binary: '/e/electron' });
    expect(calls).toEqual([]);
  });

  it('downloads when the host answers, says so, then launches', async () => {
    const { d, calls } = deps({ binaryOnDisk: false, reachable: true, install: 'download' });
    expect(await planLaunch(d)).toEqual({ mode: 'desktop', binary: '/e/electron' });
    expect(calls).toEqual(['probe', 'announce', 'install:download']);
  });

  it('installs from the download cache even with no route', async () => {
    const { d, calls } = deps({ binaryOnDisk: false, reachable: false, install: 'from-cache' });
    expect(await planLaunch(d)).toEqual({ mode: 'desktop', binary: '/e/electron' });
    expect(calls).toEqual(['probe', 'install:cache-only']);
  });

  it('falls back to web mode with "no route" when the host cannot be reached', async () => {
    const { d, calls } = deps({ binaryOnDisk: false, reachable: false, install: 'fails' });
    expect(await planLaunch(d)).toEqual({
      mode: 'web',
      reason: { kind: 'no-route', version: '45.4.1', host: 'github.com' },
    });
    // No long download attempt where there is no route.
    expect(calls).toEqual(['probe', 'install:cache-only']);
  });

  it('falls back with "download failed" when the host answered but the download did not finish', async () => {
    for (const install of ['fails', 'times-out'] as const) {
      const { d } = deps({ binaryOnDisk: false, reachable: true, install });
      expect(await planLaunch(d)).toMatchObject({
        mode: 'web',
        reason: { kind: 'download-failed' },
      });
    }
  });

  it('falls back for root on Linux, where Chromium will not start its sandbox', async () => {
    const { d } = deps({ binaryOnDisk: true, reachable: true, install: 'fails', root: true });
    expect(await planLaunch(d)).toEqual({ mode: 'web', reason: { kind: 'running-as-root' } });
  });
});
