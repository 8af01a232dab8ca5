import type { BenchReport, FigureResult, Measurement } from './report';
import { roundFigure } from './stats';

/**
 * The README's Performance section, written from a report so the figures there are exactly the
 * ones in tests/bench/results/latest.json. Only that section of the README is ever replaced.
 */

const HEADING = '## Performance';

/** Why a target was missed, as found by profiling; shown only for figures that missed. */
const CAUSES: Record<string, string> = {
  '1': "Our parser refuses a wrong check digit or an impossible date and hands back a result the app uses as it is; the other parser only splits fields. In a CPU profile of the bundled parser over the common inputs, about 45% of our time goes into building that result (`gs1ScanResult`: the `ai` record, whose keys without a leading zero such as '10' and '17' the engine stores as array elements, the dates turned into YYYY-MM-DD, and the association rules checked against sets compiled once), about a quarter into the check-digit, date and character-set checks, and about a sixth into splitting the element string; reading the scanner's prefix and separators is about 5% (no position map is built unless a separator string was replaced). Each round runs the two parsers back to back on a core shared with other work; the spread of the per-round ratio shows how much that moved it. Compiled by tsx (esbuild’s keepNames, as `npm run barcode` and the endpoint run it) our parser is slower (the tsx row), which is why the bench bundles both parsers with Vite, as the app ships them.",
  '4a': 'The review makes three map look-ups for each of the 100,000 par levels and builds the suggestions to order, about 12,000, with their sentences; those stay in the plan, so each review also pays a young-generation collection that copies them. Levels that order nothing build nothing, each par-level array keeps its key strings between reviews (the first review after the par levels change makes them, see its row), and the available units are read through the availability summary rather than copied into a map.',
  '4b': "`matchStock` passes over every balance and `flagIssuedLots` over every event, each stopping at an item-id look-up for all but the notice's products (only those are indexed, looked up and flagged); what remains is that pass and the notice's own stock and issues.",
  '5a': "The share of the bare INSERT rate is met; the absolute rate is not. PGlite is one WASM thread inside the endpoint process, shared with HTTP parsing and validation: a push of 100 costs about 10 ms of database work while its transaction holds the one connection, of which the documents upsert alone costs what the bare INSERT of the same 100 rows does (the outbox, deliveries and indexes are the rest). 10,000 events/s needs a bare rate above 30,000 rows/s on this thread; on this run it was the figure beside it. Single runs of 2026-12-07 on the Intel machine, whose bare INSERT on PGlite was 9,000–11,000 rows/s, measured 4,300–4,800 events/s (41–43 %) after a push's reads were merged into one statement and its audit line moved into the upsert (see 5b).",
  '5b': "Writers no longer wait for each other (sync/store/sequenced.ts: each transaction locks a low seq it drew, readers serve below the lowest one in flight), so 8 pushes run on PostgreSQL backends at once. What remains is that each push does the JSON parsing, four index updates, the outbox and deliveries, and the HTTP and validation work in the endpoint's Node process, on the same two cores as the clients and the database; the bare INSERT beside it does only the rows. A CPU profile of the endpoint during the figure (2026-12-06) put 3.6 s of its 13 s of busy samples in the PostgreSQL client's socket write (writev): on two cores the endpoint is switched out there for the database backends it has just woken. The same code measured 29.1 % and 36.4 % of bare in two runs a day apart. Since 2026-12-07 a push is four round trips after BEGIN where it was six, and one commit where it was two: the stored documents, the users and the places a batch names are read in one statement (sync/store/push-reads.ts, where they were three), and the push's audit line is written by the upsert statement itself, in the push's transaction, instead of by an insert and a console notice committed after it (a fault injected into the audit table is now a 500 with nothing stored: tests/integration/sync.push-audit-line.test.ts). Single runs of figure 5 on the Intel machine of 2026-12-07 measured 27.6 % before, 30.0 % with the reads merged and 31.4 % with the audit line in the upsert; this full run measured 27.9 %, with its rounds between 24.3 % and 37.5 %, so the gain is smaller than the spread between rounds. A CPU profile of the endpoint during that figure (2026-12-07) put 3.8 s of its 16.4 s busy in writev again; the rest is spread: building and compiling the upsert statement with Kysely about 1.5 s, garbage collection 1.1 s, parsing request bodies 0.8 s, the schema checks 0.75 s, and pg encoding the parameters 0.75 s.",
  '6': "The pull is the long pole, not the push: with pushes of 250 events instead of the app's 100 (single runs, 2026-12-06) the last unsent event was accepted at 16.5 s instead of 26.2 s, yet in-sync moved only from 32 to 30.6 s against bare pulls of 20.9 and 19.8 s. The app's pull stores each page of 200 in RxDB (the documents, and the replication's own record of each one's server state) on the same thread that fetches and parses the next page (RxDB 17 asks for the next page before the last is stored), where the bare loop only parses; the endpoint serves the pulls and the unsent events' pushes on PGlite's one thread. The bare pull only reads, while the catch-up also pushes 20,000 events through the same thread: at figure 5a's rate that is about 5 s of the endpoint's time, which on a machine whose bare pull takes 10.5 s (2026-12-06, AMD EPYC, single runs) already puts the floor near 1.45× with no cost on the PC at all; there the last unsent event was accepted at 17.4 s of 21.4 s. Asking for one more page ahead in the pull handler was tried on that machine (22.3 s against 21.4 s) and left out. A CPU profile of the PC's side on 2026-12-07 shows where its one thread goes: RxDB's memory storage, which lets the figure run the app's replication in Node, re-sorts its index arrays on each bulk write (bulkInsertToState and mergeSortedArrays, 10.5 s: every write merges into arrays as long as the collection, once per index) and walks, in the upstream, every document the downstream wrote (getChangedDocumentsSince, whose matcher tested each, 4.2 s). The app itself stores in IndexedDB, whose indexes are B-trees. The same code on the same machine gave 1.35× (profiled), 1.77× and 1.71× (this run) in three runs, so one run of this figure says little about a change below a few tenths.",
  '3b': "Start-up does not grow with the ledger: 1,930 ms p50 at 1,001,185 events against 2,053 ms at 201,185 in the same run (2026-12-06 evening, AMD EPYC; the morning's Intel machine measured 1,226 and 1,283 ms, and the 12-05 machine started at 727 ms with 200,000), so the balances projection and its indexes keep the event count out of it, and what is left is this machine's speed at the fixed work. A Chromium trace of a cold start (2026-12-06, un-minified build) shows the page's main thread busy for 908 of 1,540 ms: 558 ms of JavaScript calls and microtasks (React's first renders, RxDB opening its 13 collections and running the stock data's queries), 130 ms evaluating and compiling the bundle's modules, 64 ms creating the audio context; the rest of the time it waits on IndexedDB. Moving the audio context after the first paint was tried and did not move the median (1,135 ms), so it was left as it was. The run of 2026-12-07 on an Intel machine measured 1,259 ms at 1,001,188 events against 920 ms at 201,188 (figure 3, met): slower than the AMD run's figure 3b, which met its target, on a machine whose bare IndexedDB put and bare INSERT rates were lower too.",
  '11': 'Missed by 3 ms on a machine whose bare rates were half those of the 12-05 run; measured alone on that machine after the dense window (2026-12-06) the same pass took 111 ms. The pass adds each of the 320,841 kept rows into a per-place and per-person array by day (two map look-ups a row), then reads every judged day with usage against its twelve baseline weekdays; only the days that could be flagged build a median and spread. One day, what the dashboard asks, takes 10 ms. The final sort of the 4,249 flags costs 3–5 ms.',
  '13': "Until 2026-12-06 the unusual-usage card drew every open flag: on the bench store 528 of the dashboard's 702 elements and a page 19,092 px tall. It now draws the strongest five and the rest on request, as the other cards do; figure 13 alone went from 101–190 ms to 82.5 ms p50 on the same machine (single runs), and this full run's median is 122 ms with its fastest visit at 69 ms: the spread is the machine's (2 cores, load near 3). A CPU profile of a visit before that change (source-mapped build) showed about 90 ms of JavaScript after the click, nearly all of it Mantine's Box and style props and React, with the indicator fold and the week's flags about 15 ms, then about 30 ms of the page's first layout, forced by the period control's floating indicator measuring itself (getBoundingClientRect). The p95 is the first visit straight after sign-in, which waits for the background read of the digest.",
  '7': "Background pushes from other facilities queue with ours for PGlite's one connection (a transaction keeps it until it commits), so a push can wait behind several others before its NOTIFY; arrival then adds the stream's 25 ms coalescing, a pull and RxDB's write, all on the same two cores as the 200 stream clients.",
  '8': "The camera scanner decodes each new camera frame the decode worker is free for, one frame in flight (renderer/scanning/frame-pump.ts), so it runs at the lower of the camera's frame rate and 1000 / (worker ms per frame); a miss means the worker was starved of CPU on a busy machine (see the decode spread and the load average) or the camera delivered fewer frames than the table shows.",
  '2': "Traced on 2026-12-06 (a Chromium trace and marks in the writer): the writer's own work is about 1.5 ms p50 (identity, device sequence and the balance read from RxDB's cache, the checks, the projection); the rest is waiting. Asking the browser for the ledger's Web Lock took 7.7 ms p50 right after the click, so a window now keeps the lock between its writes (renderer/store/ledger-lock.ts), and the wait moved to the transaction's first read: with the page's main thread idle, a timer or a message posted as the transaction began ran only 6.5 ms later (p50). On this machine (2 cores, no GPU) the frame the click causes is rastered in software by Chromium's other threads, which compete with its IndexedDB thread and with the bench's own Playwright and web server for the two cores; the bare puts beside it are measured once the screen has settled. The scan half (parse, look-ups, the card's render) adds 8–11 ms p50. On 2026-12-07 the bench stopped sending anything to the browser for 250 ms after the scan's Enter and after the click, and moves the pointer onto the button before it presses it, as a person does; in single runs on the Intel machine the commit p50 moved from 33.6 to 26.1 ms and its p95 only from 48 to 46.1 ms, so the wait is not the bench's own messages. Commit adds the scan half to the write: the scan half alone (Enter to the card in the document) was 11.8 ms p50 there, so 10 ms p95 for both is out of reach on this machine without a faster render as well as a faster write.",
  '3': "Start-up opens RxDB on Dexie and runs the stock data live queries before the first screen. The miss is the machine: on the AMD EPYC machine of 2026-12-06 evening, figure 3 alone measured 2,081 ms p50 at this commit and 2,158 ms at bf06205 (before this session's changes), where the Intel machine of the morning's run measured 1,283 ms.",
};

function measured(m: Measurement): string {
  const key = m.judgedOn ?? 'value';
  const value = key === 'value' ? m.value : m.stats?.[key];
  return value === undefined
    ? ''
    : `${roundFigure(value)} ${m.unit}${key === 'value' ? '' : ` (${key})`}`;
}

/** The statistics the target is judged on, e.g. `43.8 ms (p95); 982 ms (p95)`. */
function figureValue(f: FigureResult): string {
  const judged = f.measurements.filter((m) => m.judgedOn !== undefined);
  const shown = judged.length > 0 ? judged : f.measurements.slice(0, 1);
  return shown.map(measured).join('; ');
}

const VERDICTS: Record<FigureResult['verdict'], string> = {
  met: 'met',
  missed: '**missed**',
  'no-target': '—',
  'not-measured': '**not measured**',
};

export function performanceSection(report: BenchReport): string {
  const m = report.machine;
  const heavy = report.figures.some((f) => f.load.start[0] > m.cores || f.load.end[0] > m.cores);
  const lines = [
    HEADING,
    '',
    `Measured with \`${report.command}\` on ${report.startedAt.slice(0, 16).replace('T', ' ')} UTC: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node}, ${m.chromium}${m.postgres ? `, PostgreSQL ${m.postgres}` : ''}. Every figure is measured beside what it is compared with in the same run; the raw figures, spreads (n, p50, p95, p99, min, max) and the load average before and after each figure are in [tests/bench/results/latest.json](tests/bench/results/latest.json). A target is judged on the median unless it names a percentile. \`npm test\` runs only a smoke variant (tests/integration/bench.smoke-*.test.ts) that checks the shape of every figure, never its timings.`,
    '',
  ];
  if (heavy) {
    lines.push(
      `**The machine was busy during part of this run** (1-minute load average ${report.load.start[0]} at the start and ${report.load.end[0]} at the end, on ${m.cores} cores; per figure below), so absolute times may be pessimistic. The side-by-side ratios are the steadier figures.`,
      '',
    );
  }
  lines.push('| # | figure | target | result | compared with, same run | load 1-min | verdict |');
  lines.push('| - | ------ | ------ | ------ | ----------------------- | ---------- | ------- |');
  for (const f of report.figures) {
    lines.push(
      `| ${f.id} | ${f.title} | ${f.target} | ${figureValue(f)} | ${f.headline.replaceAll('|', '/')} | ${f.load.start[0]} → ${f.load.end[0]} | ${VERDICTS[f.verdict]} |`,
    );
  }
  lines.push('', '### Targets missed, and why', '');
  const missed = report.figures.filter(
    (f) => f.verdict === 'missed' || f.verdict === 'not-measured',
  );
  if (missed.length === 0) lines.push('None in this run.');
  for (const f of missed) {
    const cause = f.error ? `The run failed: ${f.error.split('\n')[0]}` : (CAUSES[f.id] ?? '');
    lines.push(`- **${f.id} ${f.title}** — ${figureValue(f)} against ${f.target}. ${cause}`);
  }
  lines.push('', '### What limits each figure', '');
  for (const f of report.figures) lines.push(`- **${f.id}** ${f.limits}`);
  lines.push('');
  return lines.join('\n');
}

/** Replaces the Performance section (up to the next `## ` heading), or appends it at the end. */
export function withPerformanceSection(readme: string, section: string): string {
  const start = readme.indexOf(`\n${HEADING}\n`);
  if (start < 0) return `${readme.trimEnd()}\n\n${section}`;
  const next = readme.indexOf('\n## ', start + HEADING.length + 1);
  return `${readme.slice(0, start + 1)}${section}${next < 0 ? '' : readme.slice(next)}`;
}
