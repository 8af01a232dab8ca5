import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performanceSection, withPerformanceSection } from './lib/readme-section';
import type { BenchReport } from './lib/report';
import { writeFormatted } from './lib/prettier-write';

/** Rewrites the README's Performance section from tests/bench/results/latest.json (no new run). */
const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const report = JSON.parse(
  readFileSync(root('tests/bench/results/latest.json'), 'utf8'),
) as BenchReport;
const readme = root('README.md');
await writeFormatted(
  readme,
  withPerformanceSection(readFileSync(readme, 'utf8'), performanceSection(report)),
);
process.stdout.write(
  'README.md: Performance section rewritten from tests/bench/results/latest.json\n',
);
