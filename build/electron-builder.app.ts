import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DESKTOP_PACKAGES } from './desktop-packages';

/**
 * The desktop app's packaging: electron-builder.yml, less every server-only package.
 *
 * The central endpoint's run-time packages (fastify, pg, PGlite, esbuild for its build, …) are
 * `dependencies`, so that `npm ci --omit=dev` installs them for a production endpoint; and
 * electron-builder copies all `dependencies` into the app archive. The Electron main process needs
 * only DESKTOP_PACKAGES (desktop-packages.ts; Vite bundles the renderer and preload), so every package reachable from
 * the other `dependencies` and not from these is excluded here, computed from node_modules at
 * build time, not kept as a list by hand. The packaging smoke test checks the result.
 */
const root = path.resolve(import.meta.dirname, '..');

/** The folder Node would load `name` from when required from `fromDir` (nearest node_modules up). */
function resolvePackage(name: string, fromDir: string): string | null {
  for (let dir = fromDir; dir.startsWith(root); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root) break;
  }
  return null;
}

/** Names of every package reachable from `names` through dependencies and optionalDependencies. */
export function dependencyClosure(names: readonly string[]): Set<string> {
  const found = new Set<string>();
  const visited = new Set<string>();
  const visit = (name: string, fromDir: string): void => {
    found.add(name);
    const dir = resolvePackage(name, fromDir);
    if (!dir || visited.has(dir)) return;
    visited.add(dir);
    const { dependencies, optionalDependencies } = JSON.parse(
      readFileSync(path.join(dir, 'package.json'), 'utf8'),
    ) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    for (const dep of Object.keys({ ...dependencies, ...optionalDependencies })) visit(dep, dir);
  };
  for (const name of names) visit(name, root);
  return found;
}

/** Packages that only the endpoint (or its build) needs: never in the app archive. */
export function serverOnlyPackages(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const desktop = dependencyClosure(DESKTOP_PACKAGES);
  const others = Object.keys(manifest.dependencies ?? {}).filter((n) => !desktop.has(n));
  return [...dependencyClosure(others)].filter((name) => !desktop.has(name)).sort();
}

export default {
  extends: 'build/electron-builder.yml',
  files: serverOnlyPackages().map((name) => `!node_modules/${name}{,/**}`),
};
