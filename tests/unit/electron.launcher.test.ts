import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ELECTRON_MIRROR,
  canReach,
  electronMirror,
  findElectronBinary,
} from '../../electron/launcher/electron-runtime';
import { desktopUnavailableMessage, hostOf } from '../../electron/launcher/launch-messages';
import { findLoopbackUrl } from '../../electron/launcher/web-mode';

const pkg = '/app/node_modules/electron';

function disk(files: Record<string, string>) {
  return {
    exists: (file: string) => file in files,
    read: (file: string) => files[file] ?? '',
  };
}

describe('finding the Electron binary without downloading it', () => {
  it('uses path.txt and dist/ as the electron package does', () => {
    const { exists, read } = disk({
      [path.join(pkg, 'path.txt')]: 'electron',
      [path.join(pkg, 'dist', 'electron')]: '',
    });
    expect(findElectronBinary(pkg, {}, 'linux', exists, read)).toBe(
      path.join(pkg, 'dist', 'electron'),
    );
  });

  it('reports nothing when the download never happened', () => {
    const { exists, read } = disk({});
    expect(findElectronBinary(pkg, {}, 'linux', exists, read)).toBeNull();
  });

  it('reports nothing when path.txt names a binary that is gone', () => {
    const { exists, read } = disk({ [path.join(pkg, 'path.txt')]: 'electron' });
    expect(findElectronBinary(pkg, {}, 'linux', exists, read)).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with the platform name when path.txt is absent', () => {
    const { exists, read } = disk({ [path.join('/opt/e', 'electron.exe')]: '' });
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' };
    expect(findElectronBinary(pkg, env, 'win32', exists, read)).toBe(
      path.join('/opt/e', 'electron.exe'),
    );
    expect(
      findElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: '/empty' }, 'linux', exists, read),
    ).toBeNull();
  });

  it('reads the mirror the way @electron/get does, npm config first', () => {
    expect(electronMirror({})).toBe(DEFAULT_ELECTRON_MIRROR);
    expect(electronMirror({ ELECTRON_MIRROR: 'https://m.example/' })).toBe('https://m.example/');
    expect(
      electronMirror({
        ELECTRON_MIRROR: 'https://m.example/',
        npm_config_electron_mirror: 'https://n/',
      }),
    ).toBe('https://n/');
  });

  it('treats a closed port as unreachable, quickly', async () => {
    const started = Date.now();
    expect(await canReach('http://127.0.0.1:9/', 3000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('what npm start says', () => {
  it('names the version and the host, and offers a way out, in one paragraph', () => {
    const text = desktopUnavailableMessage({
      kind: 'no-route',
      version: '45.4.1',
      host: 'github.com',
    });
    expect(text).toContain('45.4.1');
    expect(text).toContain('github.com');
    expect(text).toMatch(/web mode/);
    expect(text).toMatch(/127\.0\.0\.1/);
    expect(text).toMatch(/ELECTRON_MIRROR/);
    expect(text).not.toContain('\n');
  });

  it('has a message for a failed download and for root', () => {
    const failed = desktopUnavailableMessage({
      kind: 'download-failed',
      version: '45.4.1',
      host: 'h',
    });
    expect(failed).toMatch(/did not succeed/);
    expect(desktopUnavailableMessage({ kind: 'running-as-root' })).toMatch(/normal user/);
  });

  it('names the mirror host, or the raw setting when it is not a URL', () => {
    expect(hostOf(DEFAULT_ELECTRON_MIRROR)).toBe('github.com');
    expect(hostOf('not a url')).toBe('not a url');
  });

  it('finds the preview server URL in coloured output', () => {
    const vite =
      '  \u001b[32m➜\u001b[39m  \u001b[1mLocal\u001b[22m:   \u001b[36mhttp://127.0.0.1:\u001b[1m4174\u001b[22m/\u001b[39m\n';
    expect(findLoopbackUrl(vite)).toBe('http://127.0.0.1:4174/');
    expect(findLoopbackUrl('Network: use --host to expose')).toBeNull();
    expect(findLoopbackUrl('http://0.0.0.0:4173/')).toBeNull();
  });
});
