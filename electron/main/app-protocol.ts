import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy, enrolledDirectives } from './content-security-policy';
import { APP_SCHEME, isAppUrl } from './url-policy';

/**
 * Serves the built renderer from `app://bundle/`. Registered as a standard, secure scheme so the
 * page gets a real origin (IndexedDB, fetch, service rules of a secure context) that never changes
 * between versions, unlike `file://` or a dev server's port.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    stream: true,
    codeCache: true,
    allowServiceWorkers: false,
    bypassCSP: false,
    corsEnabled: false,
  },
} as const;

export type BundlePath =
  { ok: true; file: string; fallbackToIndex: boolean } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps a request URL to a file inside `bundleRoot`, or refuses. Parsing has already removed plain
 * `..` segments; what remains dangerous is what decoding reveals: `%2e%2e%2f`, `%5c`, `%00`, a
 * drive letter or an absolute path. Anything suspicious is refused outright rather than repaired.
 */
export function resolveBundlePath(bundleRoot: string, requestUrl: string): BundlePath {
  if (!isAppUrl(requestUrl)) return { ok: false, status: 403 };
  const url = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  if (!decoded.startsWith('/') || /[\0\\:*?"<>|]/.test(decoded)) return { ok: false, status: 400 };
  const segments = decoded.slice(1).split('/');
  if (
    segments.some((s) => s === '' || s === '.' || s === '..' || s.trim() !== s || s.endsWith('.'))
  ) {
    return { ok: false, status: 400 };
  }
  const root = path.resolve(bundleRoot);
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) return { ok: false, status: 400 };
  const fallbackToIndex = path.extname(file) === '';
  return { ok: true, file, fallbackToIndex };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** `enrolledOrigin`: the enrolled endpoint's origin, read per response so enrolment takes effect on the next load. */
export function securityHeaders(enrolledOrigin: string | null = null): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(enrolledDirectives(enrolledOrigin)),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    'Cache-Control': 'no-cache',
  };
}

export interface AppProtocolOptions {
  bundleRoot: string;
  /** The enrolled endpoint's origin, or null before enrolment. */
  enrolledOrigin?: () => string | null;
  readFile?: (file: string) => Promise<Uint8Array>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

function refuse(status: number): Response {
  return new Response(STATUS_TEXT[status] ?? 'Refused', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() },
  });
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** The `protocol.handle('app', …)` handler. Client-side routes (no extension) get index.html. */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? ((file: string) => fsReadFile(file));
  const indexFile = path.join(path.resolve(options.bundleRoot), 'index.html');

  const serve = async (file: string, method: string): Promise<Response> => {
    const body = await readFile(file);
    const origin = options.enrolledOrigin?.() ?? null;
    const headers = { 'Content-Type': contentTypeFor(file), ...securityHeaders(origin) };
    // Response wants an ArrayBuffer-backed view; a Buffer from a pooled slab is copied into one.
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const resolved = resolveBundlePath(options.bundleRoot, request.url);
    if (!resolved.ok) return refuse(resolved.status);
    try {
      return await serve(resolved.file, request.method);
    } catch (error) {
      if (!isMissing(error)) throw error;
      if (!resolved.fallbackToIndex) return refuse(404);
      try {
        return await serve(indexFile, request.method);
      } catch (fallbackError) {
        if (isMissing(fallbackError)) return refuse(404);
        throw fallbackError;
      }
    }
  };
}
