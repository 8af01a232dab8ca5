/**
 * What `npm start` tells the person at the keyboard when the desktop window cannot open. One
 * paragraph each: what happened, what they get instead, and how to get the desktop app.
 */

export type DesktopUnavailable =
  | { kind: 'no-route'; version: string; host: string }
  | { kind: 'download-failed'; version: string; host: string }
  | { kind: 'running-as-root' };

const WEB_MODE =
  'Stockroom Edge is starting in web mode instead: the same app, served to your browser from ' +
  'this computer only (127.0.0.1). In web mode the local database key is kept in the browser ' +
  "profile rather than the operating system's key store, and the data lives in that browser, " +
  "not in the desktop app's profile.";

export function desktopUnavailableMessage(reason: DesktopUnavailable): string {
  switch (reason.kind) {
    case 'no-route':
      return (
        `The desktop app could not start because the Electron runtime (version ${reason.version}) ` +
        `is not installed here and its download host (${reason.host}) cannot be reached from ` +
        `this computer. ${WEB_MODE} To get the desktop window, run npm start again on a ` +
        'computer with internet access, or set ELECTRON_MIRROR to a mirror this computer can reach.'
      );
    case 'download-failed':
      return (
        `The desktop app could not start because downloading the Electron runtime (version ` +
        `${reason.version}) from ${reason.host} did not succeed. ${WEB_MODE} To get the desktop ` +
        'window, check the internet connection (or ELECTRON_MIRROR) and run npm start again.'
      );
    case 'running-as-root':
      return (
        'The desktop app does not run as the root user: Chromium, which Electron is built on, ' +
        `refuses to start its security sandbox as root, and the app will not run without it. ` +
        `${WEB_MODE} To get the desktop window, run npm start as a normal user.`
      );
  }
}

/** The host named in the message: the mirror's host, or the whole value if it is not a URL. */
export function hostOf(mirror: string): string {
  try {
    return new URL(mirror).host || mirror;
  } catch {
    return mirror;
  }
}

export function webModeReadyMessage(url: string): string {
  return `Stockroom Edge (web mode) is ready: open ${url} in your browser. Press Ctrl+C to stop.`;
}
