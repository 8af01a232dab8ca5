import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  createAppProtocolHandler,
  resolveBundlePath,
} from '../../electron/main/app-protocol';

// A bundle beside a secret, so an escape would read something real.
const base = mkdtempSync(path.join(tmpdir(), 'stockroom-protocol-'));
const bundle = path.join(base, 'renderer');
mkdirSync(path.join(bundle, 'assets'), { recursive: true });
writeFileSync(path.join(bundle, 'index.html'), '<!doctype html><title>Stockroom Edge</title>');
writeFileSync(path.join(bundle, 'assets', 'index-abc.js'), 'console.log("app")');
writeFileSync(path.join(bundle, 'assets', 'logo.svg'), '<svg/>');
writeFileSync(path.join(base, 'secrets.json'), '{"device-token":"stolen"}');
mkdirSync(path.join(base, 'renderer-evil'));
writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handler = createAppProtocolHandler({ bundleRoot: bundle });
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('resolveBundlePath: files inside the bundle only', () => {
  it('maps the origin root and paths to files in the bundle', () => {
    expect(resolveBundlePath(bundle, 'app://bundle/')).toEqual({
      ok: true,
      file: path.join(bundle, 'index.html'),
      fallbackToIndex: false,
    });
    expect(resolveBundlePath(bundle, 'app://bundle/assets/index-abc.js')).toMatchObject({
      ok: true,
      file: path.join(bundle, 'assets', 'index-abc.js'),
    });
    expect(resolveBundlePath(bundle, 'app://bundle/receive')).toMatchObject({
      ok: true,
      fallbackToIndex: true,
    });
  });

  it.each([
    ['encoded dots and slash', 'app://bundle/%2e%2e%2fsecrets.json'],
    ['encoded upper-case', 'app://bundle/%2E%2E%2Fsecrets.json'],
    ['encoded slash after literal dots', 'app://bundle/..%2fsecrets.json'],
    ['deep encoded climb', 'app://bundle/assets/%2e%2e%2f%2e%2e%2fsecrets.json'],
    ['encoded backslash', 'app://bundle/..%5csecrets.json'],
    ['backslash climb', 'app://bundle/assets%5c..%5c..%5csecrets.json'],
    ['NUL byte', 'app://bundle/index.html%00.js'],
    ['absolute path', `app://bundle/${encodeURIComponent(path.join(base, 'secrets.json'))}`],
    ['double slash (absolute after decoding)', 'app://bundle/%2fetc%2fpasswd'],
    ['Windows drive', 'app://bundle/C:%5cWindows%5cwin.ini'],
    ['Windows stream', 'app://bundle/index.html::$DATA'],
    ['a sibling folder sharing the prefix', 'app://bundle/%2e%2e%2frenderer-evil%2fx.js'],
    ['a single encoded dot segment', 'app://bundle/assets/%2e%2fx.js'],
    ['an empty segment', 'app://bundle/assets//index-abc.js'],
    ['a trailing dot (Windows strips it)', 'app://bundle/index.html.'],
    ['a trailing space (Windows strips it)', 'app://bundle/index.html%20'],
    ['malformed escape', 'app://bundle/%E0%A4%A'],
  ])('refuses %s', (_why, url) => {
    expect(resolveBundlePath(bundle, url).ok).toBe(false);
  });

  it.each([
    ['another host', 'app://bundle.evil/index.html'],
    ['credentials', 'app://user@bundle/index.html'],
    ['a port', 'app://bundle:80/index.html'],
    ['file:', `file://${path.join(base, 'secrets.json')}`],
  ])('refuses a request for %s with 403', (_why, url) => {
    expect(resolveBundlePath(bundle, url)).toEqual({ ok: false, status: 403 });
  });

  it('decodes once only: a double-encoded climb stays a harmless file name inside', () => {
    const result = resolveBundlePath(bundle, 'app://bundle/%252e%252e%252fsecrets.json');
    expect(result).toMatchObject({ ok: true, file: path.join(bundle, '%2e%2e%2fsecrets.json') });
  });
});

describe('the app:// handler', () => {
  it('serves the page with its type and the security headers', async () => {
    const response = await get('app://bundle/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Stockroom Edge');
  });

  it('serves assets and answers HEAD without a body', async () => {
    const js = await get('app://bundle/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("app")');
    const head = await get('app://bundle/assets/logo.svg', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('gives client-side routes the page, but a missing asset a 404', async () => {
    expect(await (await get('app://bundle/count/dock-a')).text()).toContain('Stockroom Edge');
    expect((await get('app://bundle/assets/missing.js')).status).toBe(404);
  });

  it('never returns the secret next to the bundle', async () => {
    for (const url of [
      'app://bundle/%2e%2e%2fsecrets.json',
      'app://bundle/..%5csecrets.json',
      'app://bundle/../secrets.json',
      'app://bundle/assets/../../secrets.json',
      'app://bundle/%2e%2e/secrets.json',
    ]) {
      const response = await get(url);
      expect(await response.text(), url).not.toContain('stolen');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
    expect((await get('app://bundle/index.html', 'PUT')).status).toBe(405);
  });

  it('registers the scheme as a standard, secure origin without CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      bypassCSP: false,
      corsEnabled: false,
    });
  });

  it('labels unknown files as opaque bytes, never as something a browser would run', () => {
    expect(contentTypeFor('x.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('X.HTML')).toBe('text/html; charset=utf-8');
  });
});
