import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  EXTERNAL_LINK_HOSTS,
  isAllowedExternalUrl,
  isAppUrl,
} from '../../electron/main/url-policy';

describe('isAppUrl: the app:// bundle origin and nothing else', () => {
  it.each([
    'app://bundle',
    'app://bundle/',
    'app://bundle/index.html',
    APP_ENTRY_URL,
    'app://bundle/assets/index-Bq3x.js',
    'app://bundle/receive?location=dock#top',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    ['a look-alike suffix', 'app://bundle.evil/index.html'],
    ['a look-alike prefix', 'app://evil-bundle/'],
    ['a subdomain', 'app://x.bundle/'],
    ['credentials', 'app://user@bundle/'],
    ['user and password', 'app://user:pass@bundle/'],
    ['an empty userinfo', 'app://@bundle/'],
    ['credentials hiding another host', 'app://bundle@evil/'],
    ['a port', 'app://bundle:80/'],
    ['an empty port', 'app://bundle:/'],
    ['Cyrillic е in the host', 'app://bundlе/'],
    ['a fullwidth host', 'app://ｂｕｎｄｌｅ/'],
    ['a zero-width joiner', 'app://bun\u200ddle/'],
    ['a trailing dot', 'app://bundle./'],
    ['upper case (not what Chromium ever hands us)', 'APP://BUNDLE/'],
    ['a single slash', 'app:/bundle/index.html'],
    ['no slashes', 'app:bundle/index.html'],
    ['backslashes', 'app:\\\\bundle\\index.html'],
    ['a tab inside the host', 'app://bun\tdle/'],
    ['a newline', 'app://bundle/\nindex.html'],
    ['a NUL', 'app://bundle/\u0000'],
    ['leading whitespace', ' app://bundle/'],
    ['another scheme with the same host', 'https://bundle/'],
    ['file:', 'file:///etc/passwd'],
    ['file: of the bundle', 'file:///opt/stockroom/resources/app.asar/out/renderer/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: named like the origin', 'javascript://bundle/%0aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:app://bundle/0b7c'],
    ['the dev server', 'http://127.0.0.1:5173/'],
    ['about:blank', 'about:blank'],
    ['an empty string', ''],
    ['relative path', '/index.html'],
    ['too long', `app://bundle/${'a'.repeat(5000)}`],
  ])('refuses %s', (_why, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['app://bundle/'], new URL('app://bundle/')])(
    'refuses a non-string %s',
    (value) => {
      expect(isAppUrl(value)).toBe(false);
    },
  );

  it('never accepts a URL whose parsed parts differ from the origin (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(isAppUrl(url)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (host, rest) => {
        const raw = `app://${host}/${rest}`;
        if (!isAppUrl(raw)) return;
        const url = new URL(raw);
        expect(url.host).toBe('bundle');
        expect(url.username + url.password + url.port).toBe('');
      }),
    );
  });

  it('keeps the origin fixed: it is where the IndexedDB data lives', () => {
    expect(APP_ORIGIN).toBe('app://bundle');
  });
});

describe('isAllowedExternalUrl: allow-listed https links for the system browser', () => {
  it.each([
    'https://www.fda.gov/safety/recalls-market-withdrawals-safety-alerts',
    'https://www.accessdata.fda.gov/scripts/ires/index.cfm?Product=12345',
    'https://www.gs1.org/standards/barcodes',
    'https://WWW.FDA.GOV/safety',
  ])('accepts %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.fda.gov/'],
    ['a host not on the list', 'https://evil.example/'],
    ['a look-alike suffix', 'https://www.fda.gov.evil.example/'],
    ['a subdomain of a listed host', 'https://x.www.fda.gov/'],
    ['a parent of a listed host', 'https://fda.gov/'],
    ['credentials', 'https://user@www.fda.gov/'],
    ['credentials hiding another host', 'https://www.fda.gov@evil.example/'],
    ['a port', 'https://www.fda.gov:8443/'],
    ['Cyrillic а (punycode)', 'https://www.fdа.gov/'],
    ['punycode spelled out', 'https://www.xn--fd-7kc.gov/'],
    ['a trailing dot', 'https://www.fda.gov./'],
    ['javascript:', 'javascript:alert(document.domain)'],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['a custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['smb:', 'smb://attacker/share'],
    ['our own origin', 'app://bundle/index.html'],
    ['whitespace before the scheme', ' https://www.fda.gov/'],
    ['a newline inside', 'https://www.fda.gov/\nhttps://evil.example/'],
    ['an empty string', ''],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('uses the list it is given', () => {
    expect(isAllowedExternalUrl('https://help.example.org/x', ['help.example.org'])).toBe(true);
    expect(isAllowedExternalUrl('https://www.fda.gov/', ['help.example.org'])).toBe(false);
    expect(EXTERNAL_LINK_HOSTS.every((h) => h === h.toLowerCase())).toBe(true);
  });
});
