import type { WebContents } from 'electron';
import { isAllowedExternalUrl, isAppUrl } from './url-policy';

/**
 * The window only ever shows `app://bundle`. Anything else a page tries — a link, a redirect, a
 * `window.open`, a `<webview>` — is stopped; an allow-listed https link goes to the system browser
 * instead, where it runs with none of the shell's privileges.
 */

export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternally: boolean };

export function decideNavigation(url: unknown): NavigationDecision {
  if (isAppUrl(url)) return { action: 'allow' };
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) };
}

/** New windows are never created, not even for our own origin: the app is one window. */
export function decideNewWindow(url: unknown): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) };
}

/** Redirects happen only in navigations we allowed; one that leaves the app is stopped. */
export function decideRedirect(url: unknown): NavigationDecision {
  return isAppUrl(url) ? { action: 'allow' } : { action: 'deny', openExternally: false };
}

export interface NavigationGuardDeps {
  openExternal(url: string): void;
  onRefused(what: 'navigation' | 'redirect' | 'new-window' | 'webview', url: string): void;
}

interface NavigationEvent {
  preventDefault(): void;
  url?: string;
}

function targetOf(event: NavigationEvent, url: unknown): string {
  return typeof event.url === 'string' ? event.url : typeof url === 'string' ? url : '';
}

/** Applied to every WebContents the app creates (wired from `web-contents-created`). */
export function guardWebContents(contents: WebContents, deps: NavigationGuardDeps): void {
  const onNavigate = (event: NavigationEvent, url?: unknown): void => {
    const target = targetOf(event, url);
    const decision = decideNavigation(target);
    if (decision.action === 'allow') return;
    event.preventDefault();
    deps.onRefused('navigation', target);
    if (decision.openExternally) deps.openExternal(target);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-frame-navigate', onNavigate);

  contents.on('will-redirect', (event: NavigationEvent, url?: unknown) => {
    const target = targetOf(event, url);
    if (decideRedirect(target).action === 'allow') return;
    event.preventDefault();
    deps.onRefused('redirect', target);
  });

  contents.on('will-attach-webview', (event: NavigationEvent) => {
    event.preventDefault();
    deps.onRefused('webview', '');
  });

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNewWindow(url);
    deps.onRefused('new-window', url);
    if (decision.openExternally) deps.openExternal(url);
    return { action: 'deny' };
  });
}
