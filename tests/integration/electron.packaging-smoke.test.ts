import { listPackage, extractFile } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP_PACKAGES } from '../../build/desktop-packages';
import { dependencyClosure, serverOnlyPackages } from '../../build/electron-builder.app';

/**
 * Packaging smoke test: electron-builder `--dir` with a stand-in Electron distribution (the real
 * one cannot be downloaded here, and only `--dir` works offline), then a look inside app.asar.
 */

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const work = mkdtempSync(path.join(tmpdir(), 'stockroom-package-'));
const standIn = path.join(work, 'electron-dist');
const output = path.join(work, 'dist');
let entries: string[] = [];
let asarPath = '';

/** Top-level package names under /node_modules in the archive (scoped names kept whole). */
function archivedPackages(): Set<string> {
  const names = entries
    .filter((e) => e.startsWith('/node_modules/'))
    .map((e) => e.split('/').slice(2))
    .map((parts) => (parts[0]!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!))
    .filter((name) => name !== '' && !name.endsWith('/'));
  return new Set(names.filter((n) => !n.startsWith('@') || n.includes('/')));
}

/** A package's command-line script, found through its package.json (bins are not exported). */
function bin(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(process.execPath, [command, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' },
  });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(command)} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

beforeAll(() => {
  const started = Date.now();
  // A directory shaped like Electron's Linux zip: the executable and a resources folder.
  mkdirSync(path.join(standIn, 'resources'), { recursive: true });
  writeFileSync(path.join(standIn, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n');
  chmodSync(path.join(standIn, 'electron'), 0o755);
  writeFileSync(path.join(standIn, 'version'), 'v45.4.1');
  run(bin('electron-vite', 'bin/electron-vite.js'), ['build']);
  run(bin('electron-builder', 'cli.js'), [
    '--linux',
    'dir',
    '--config',
    'build/electron-builder.app.ts',
    `-c.electronDist=${standIn}`,
    `-c.directories.output=${output}`,
  ]);
  asarPath = path.join(output, 'linux-unpacked', 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false });
  const seconds = (Date.now() - started) / 1000;
  console.info(
    `build + electron-builder --dir: ${seconds.toFixed(1)} s, ${entries.length} archive entries`,
  );
}, 170_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packaged app archive', () => {
  it('holds the built main, preload and renderer', () => {
    for (const file of [
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ]) {
      expect(entries, file).toContain(file);
    }
    expect(entries.some((e) => /^\/out\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
  });

  it('points Electron at the built main process', () => {
    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as {
      main: string;
    };
    expect(manifest.main).toBe('out/main/index.js');
  });

  it('ships no sources, source maps or project files', () => {
    const stray = entries.filter(
      (e) =>
        !e.startsWith('/node_modules/') &&
        (/\.(ts|tsx|map)$/.test(e) || /^\/(renderer|electron|shared|sync|tests|build)\//.test(e)),
    );
    expect(stray).toEqual([]);
  });

  it('contains exactly the run-time packages of the main process', () => {
    const archived = archivedPackages();
    const desktop = dependencyClosure(DESKTOP_PACKAGES);
    expect([...archived].filter((name) => !desktop.has(name))).toEqual([]);
    expect([...desktop].filter((name) => !archived.has(name))).toEqual([]);
  });

  it('holds no server-only package, though the endpoint needs them as dependencies', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const endpointPackage of ['fastify', 'pg', '@electric-sql/pglite', 'kysely', 'esbuild']) {
      expect(manifest.dependencies, endpointPackage).toHaveProperty([endpointPackage]);
    }
    const serverOnly = serverOnlyPackages();
    expect(serverOnly.length).toBeGreaterThan(50);
    const archived = archivedPackages();
    expect(serverOnly.filter((name) => archived.has(name))).toEqual([]);
    // Nor anywhere deeper (a copy nested under another package's node_modules).
    const nested = entries.filter((e) =>
      serverOnly.some((name) => e.includes(`/node_modules/${name}/`)),
    );
    expect(nested).toEqual([]);
  });

  it('builds a main process that imports only those packages, Electron and Node', () => {
    const main = readFileSync(path.join(root, 'out/main/index.js'), 'utf8');
    // Vite writes static imports at the top of the file and dynamic ones as import("…").
    const specifiers = [
      ...main.matchAll(/^import\b[^;]*?["']([^"']+)["'];?$|\bimport\(\s*["']([^"']+)["']\s*\)/gm),
    ]
      .map((m) => (m[1] ?? m[2])!)
      .filter((s) => !s.startsWith('.'));
    const bare = specifiers
      .filter((s) => !s.startsWith('node:') && s !== 'electron')
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
    expect(bare.filter((name) => !DESKTOP_PACKAGES.includes(name))).toEqual([]);
  });

  it.each([
    'react',
    'react-dom',
    'rxdb',
    'rxjs',
    'dexie',
    '@zxing/library',
    'zxing-wasm',
    'zustand',
    '@mantine/core',
    'bwip-js',
    'typebox',
    'electron',
    'vite',
    'fastify',
  ])('leaves the renderer-only or build-time package %s out', (name) => {
    expect(entries.some((e) => e.startsWith(`/node_modules/${name}/`))).toBe(false);
  });

  it('sends the strict page policy with the renderer', () => {
    const html = extractFile(asarPath, 'out/renderer/index.html').toString('utf8');
    expect(html).toMatch(/Content-Security-Policy/);
    expect(html).toMatch(/script-src 'self'/);
  });
});
