import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/main/content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('the Content-Security-Policy sent with app:// pages', () => {
  const csp = directives(contentSecurityPolicy());

  it('allows scripts only from the bundle: no eval, no inline, no remote', () => {
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy()).not.toMatch(/'unsafe-eval'|strict-dynamic/);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, frames, <base> rewriting and form posts', () => {
    for (const name of [
      'object-src',
      'frame-src',
      'child-src',
      'frame-ancestors',
      'base-uri',
      'form-action',
    ]) {
      expect(csp.get(name), name).toEqual(["'none'"]);
    }
  });

  it('lets the camera stream and images in as blob:/mediastream:, never from the network', () => {
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:', 'mediastream:']);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('connects only to itself, to https/wss and to loopback; never plain http off the machine', () => {
    const connect = csp.get('connect-src')!;
    expect(connect).toContain("'self'");
    expect(connect).toContain('https:');
    expect(connect).not.toContain('http:');
    expect(connect).not.toContain('*');
    expect(connect.filter((s) => s.startsWith('http://') || s.startsWith('ws://'))).toEqual([
      'http://127.0.0.1:*',
      'ws://127.0.0.1:*',
      'http://localhost:*',
      'ws://localhost:*',
    ]);
  });

  it('has no wildcard source anywhere', () => {
    for (const [name, sources] of csp) expect(sources, name).not.toContain('*');
  });
});
