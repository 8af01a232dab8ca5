import type { WebContents } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  decideNewWindow,
  decideRedirect,
  guardWebContents,
} from '../../electron/main/navigation-guard';

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function guarded() {
  const contents = new FakeContents();
  const opened: string[] = [];
  const refused: string[] = [];
  guardWebContents(contents as unknown as WebContents, {
    openExternal: (url) => opened.push(url),
    onRefused: (what, url) => refused.push(`${what} ${url}`),
  });
  const fire = (event: string, url: string) => {
    let prevented = false;
    contents.emit(event, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, opened, refused, fire };
}

describe('navigation decisions', () => {
  it('allows navigation inside app://bundle only', () => {
    expect(decideNavigation('app://bundle/count')).toEqual({ action: 'allow' });
    for (const url of [
      'app://bundle.evil/',
      'app://user@bundle/',
      'app://bundle:80/',
      'https://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'about:blank',
    ]) {
      expect(decideNavigation(url), url).toEqual({ action: 'deny', openExternally: false });
    }
  });

  it('sends an allow-listed https link to the system browser instead', () => {
    expect(decideNavigation('https://www.fda.gov/recalls')).toEqual({
      action: 'deny',
      openExternally: true,
    });
  });

  it('never opens a new window, even for our own origin', () => {
    expect(decideNewWindow('app://bundle/index.html')).toEqual({
      action: 'deny',
      openExternally: false,
    });
    expect(decideNewWindow('https://www.gs1.org/')).toEqual({
      action: 'deny',
      openExternally: true,
    });
  });

  it('stops every redirect that leaves the app, allow-listed or not', () => {
    expect(decideRedirect('app://bundle/index.html')).toEqual({ action: 'allow' });
    expect(decideRedirect('https://www.fda.gov/')).toEqual({
      action: 'deny',
      openExternally: false,
    });
  });
});

describe('guardWebContents wiring', () => {
  it('prevents a foreign navigation in the window and in frames', () => {
    const { fire, refused, opened } = guarded();
    expect(fire('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(fire('will-frame-navigate', 'https://evil.example/frame')).toBe(true);
    expect(fire('will-navigate', 'app://bundle/receive')).toBe(false);
    expect(refused).toEqual([
      'navigation https://evil.example/phish',
      'navigation https://evil.example/frame',
    ]);
    expect(opened).toEqual([]);
  });

  it('opens an allow-listed link outside and keeps the window where it is', () => {
    const { fire, opened } = guarded();
    expect(fire('will-navigate', 'https://www.fda.gov/safety/recalls')).toBe(true);
    expect(opened).toEqual(['https://www.fda.gov/safety/recalls']);
  });

  it('prevents redirects off the app and every <webview>', () => {
    const { fire, opened } = guarded();
    expect(fire('will-redirect', 'https://www.fda.gov/')).toBe(true);
    expect(fire('will-redirect', 'app://bundle/index.html')).toBe(false);
    expect(fire('will-attach-webview', 'app://bundle/index.html')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('denies window.open and passes only allow-listed links to the system browser', () => {
    const { contents, opened } = guarded();
    expect(contents.openHandler!({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://www.gs1.org/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.gs1.org/']);
  });

  it('uses the event URL when the positional argument is absent (newer Electron signature)', () => {
    const { contents, refused } = guarded();
    let prevented = false;
    contents.emit('will-navigate', {
      url: 'https://evil.example/',
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
    expect(refused).toEqual(['navigation https://evil.example/']);
  });
});
