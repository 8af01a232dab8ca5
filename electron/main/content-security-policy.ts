/**
 * The Content-Security-Policy the shell sends with every page it serves from `app://bundle`. The
 * built page carries its own <meta> policy too; a browser enforces both, so the stricter wins.
 *
 * - no eval and no inline script: a scanned label or a synced document that ends up as markup
 *   cannot run code;
 * - styles may be inline because the UI library writes CSS variables into <style> tags;
 * - network only to the app itself and, once the PC is enrolled, to the enrolled endpoint's origin
 *   alone (set per response: see enrolledConnectSources). Before enrolment the address is still
 *   being typed, so https/wss anywhere and an endpoint on this machine (a demo or a developer's
 *   `npm run sync`) are allowed; never plain http off the machine;
 * - the camera stream arrives as `blob:`/`mediastream:`;
 * - no plugins, frames, <base> rewriting or form posts.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets the Argon2id PIN verifier compile its WebAssembly; it allows no JS eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
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

/** The policy's directives for a PC enrolled with the endpoint at `origin` (from enrolled-endpoint.ts). */
export function enrolledDirectives(
  origin: string | null,
): Readonly<Record<string, readonly string[]>> {
  if (origin === null) return CONTENT_SECURITY_POLICY_DIRECTIVES;
  return { ...CONTENT_SECURITY_POLICY_DIRECTIVES, 'connect-src': ["'self'", origin] };
}

export function contentSecurityPolicy(
  directives: Readonly<Record<string, readonly string[]>> = CONTENT_SECURITY_POLICY_DIRECTIVES,
): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
