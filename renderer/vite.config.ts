import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The production page runs under a strict Content-Security-Policy: no eval, no inline script, no
 * network beyond its own origin and the central sync endpoint (https, or one on this machine: its
 * address is set at enrolment, so it cannot be listed; the desktop shell's policy agrees). The dev
 * server injects an inline React-refresh preamble, so the policy is added to built pages only. Mantine writes its CSS variables into <style> tags, hence
 * 'unsafe-inline' for styles (never for scripts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Argon2id PIN verifiers run as WebAssembly: 'wasm-unsafe-eval' allows compiling Wasm only, never JS eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function strictCsp(): Plugin {
  return {
    name: 'stockroom-strict-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<!-- csp -->',
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), strictCsp()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
});
