import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Rollup } from 'vite';

/**
 * Bundles one entry with Vite (the app's own build tool, production settings, not minified) and
 * imports the result, so code is measured as the app ships it rather than as tsx compiles it.
 */
export async function importViteBundle<T>(entry: string): Promise<T> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['es'], fileName: 'bundle' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs[0]?.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error(`Vite produced no chunk for ${entry}`);
  const dir = mkdtempSync(join(tmpdir(), 'stockroom-bench-'));
  try {
    const file = join(dir, 'bundle.mjs');
    writeFileSync(file, chunk.code);
    return (await import(pathToFileURL(file).href)) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
