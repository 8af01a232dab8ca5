/**
 * The `dependencies` that the Electron main process loads at run time: Vite bundles everything
 * else into out/ (electron.vite.config.ts), and only these, with what they depend on, go into the
 * app archive (electron-builder.app.ts). The other `dependencies` are the central endpoint's.
 */
export const DESKTOP_PACKAGES: readonly string[] = ['electron-log', 'electron-updater'];
