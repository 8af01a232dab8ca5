import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../browser/this-machine';
import { runBench } from './run-figures';
import { performanceSection, withPerformanceSection } from './lib/readme-section';
import { formatTable } from './lib/table';
import { writeFormatted } from './lib/prettier-write';

/**
 * `npm run bench` — every figure of issue 7, printed as a table and written to
 * tests/bench/results/latest.json (the README's Performance section quotes that file).
 * `-- --only 1,4` runs some figures; `-- --smoke` runs the tiny sizes `npm test` uses;
 * `-- --readme` also rewrites the README's Performance section from this run.
 */
function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const smoke = process.argv.includes('--smoke');
const only = argument('--only');
const out = argument('--out') ?? (smoke ? undefined : 'tests/bench/results/latest.json');
await ensureChromium();
const report = await runBench({
  mode: smoke ? 'smoke' : 'full',
  ...(only ? { only: new Set(only.split(',').map((s) => s.trim())) } : {}),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
});
process.stdout.write(`${formatTable(report)}\n`);
if (out) {
  const path = resolve(fileURLToPath(new URL('../..', import.meta.url)), out);
  mkdirSync(dirname(path), { recursive: true });
  await writeFormatted(path, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nwritten: ${out}\n`);
}
if (process.argv.includes('--readme')) {
  const readme = fileURLToPath(new URL('../../README.md', import.meta.url));
  await writeFormatted(
    readme,
    withPerformanceSection(readFileSync(readme, 'utf8'), performanceSection(report)),
  );
  process.stdout.write('README.md: Performance section rewritten\n');
}
// Stray handles (a stream socket closing, the preview server's watcher) must not hold the run open.
process.exit(0);
