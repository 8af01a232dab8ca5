import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DESKTOP_PACKAGES } from './build/desktop-packages';
import webConfig from './renderer/vite.config';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** `dependencies` that the main process must bundle: the endpoint's run-time packages are there too. */
const bundledDependencies = Object.keys(
  (JSON.parse(readFileSync(here('package.json'), 'utf8')) as { dependencies: object }).dependencies,
).filter((name) => !DESKTOP_PACKAGES.includes(name));

/**
 * Builds the desktop app into out/: main (ESM), preload (CommonJS: a sandboxed preload cannot load
 * ES modules) and the same renderer the web build serves, with the same plugins and page policy.
 * Only DESKTOP_PACKAGES (electron-log, electron-updater) stay external to the main bundle; everything
 * else, shared/ and TypeBox included, is bundled, so the app archive needs no other node_modules.
 */
export default defineConfig({
  main: {
    build: {
      outDir: here('out/main'),
      externalizeDeps: { exclude: bundledDependencies },
      rollupOptions: { input: { index: here('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: here('out/preload'),
      // Bundle everything: a sandboxed preload can require nothing but a few Electron modules.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: here('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...webConfig,
    root: here('renderer'),
    // Relative asset URLs: the page works from app://bundle/ and from the web server alike.
    base: './',
    build: {
      ...webConfig.build,
      outDir: here('out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: here('renderer/index.html') } },
    },
  },
});
