import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

const CONFIG = fileURLToPath(new URL('../../../renderer/vite.config.ts', import.meta.url));
const BUILT = fileURLToPath(new URL('../../../dist/web/index.html', import.meta.url));

/**
 * The production web build, served as `npm run web` serves it. `npm run bench` builds it first;
 * a missing build is made here so a figure never measures a stale or absent bundle by surprise.
 */
export async function serveWebApp(port: number): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(BUILT)) await build({ configFile: CONFIG, logLevel: 'warn' });
  const server: PreviewServer = await preview({
    configFile: CONFIG,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => server.close(),
  };
}
