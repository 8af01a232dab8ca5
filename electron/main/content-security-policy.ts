/**
 * The Content-Security-Policy the shell sends with every page it serves from `app://bundle`. The
 * built page carries its own <meta> policy too; a browser enforces both, so the stricter wins.
 *
 * - no eval and no inline script: a scanned label or a synced document that ends up as markup
 *   cannot run code;
 * - styles may be inline because the UI library writes CSS variables into <style> tags;
 * - network only to the app itself, to https/wss endpoints (the central sync endpoint's address is
 *   configured at enrolment, so it cannot be listed here) and to an endpoint on this machine
 *   (a demo or a developer's `npm run sync`); never plain http off the machine;
 * - the camera stream arrives as `blob:`/`mediastream:`;
 * - no plugins, frames, <base> rewriting or form posts.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'", 'blob:', 'mediastream:'],
  'connect-src': [
    "'self'",
    'https:',
    'wss:',
    'http://127.0.0.1:*',
    'ws://127.0.0.1:*',
    'http://localhost:*',
    'ws://localhost:*',
  ],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'child-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export function contentSecurityPolicy(
  directives: Readonly<Record<string, readonly string[]>> = CONTENT_SECURITY_POLICY_DIRECTIVES,
): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
