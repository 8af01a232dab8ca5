import { fileURLToPath } from 'node:url';
import { parseScan as parseScanUnderTsx } from '../../../shared/barcode';
import type { ScanOptions, ScanResult } from '../../../shared/barcode';
import { buildScanCorpus, type CorpusScan } from '../inputs/scan-corpus';
import { measureFigure, type FigureContext } from '../lib/figure';
import type { FigureResult } from '../lib/report';
import { roundFigure, summarise } from '../lib/stats';
import { importViteBundle } from '../lib/vite-bundle';

type OurParse = (raw: string, options: ScanOptions) => ScanResult;
// The comparison parser ships no types; this is the shape of its one function.
type TheirParse = (barcode: string) => { parsedCodeItems: { ai: string }[] };
interface Parsers {
  parseScan: OurParse;
  parseBarcode: TheirParse;
}
const ENTRY = fileURLToPath(new URL('../inputs/parsers-entry.ts', import.meta.url));

const OPTIONS: ScanOptions = { today: '2026-11-23' };
const SIZES = {
  full: { inputs: 10_000, warmup: 6, rounds: 30 },
  smoke: { inputs: 200, warmup: 1, rounds: 3 },
};

function accepts(parse: TheirParse, raw: string): boolean {
  try {
    parse(raw);
    return true;
  } catch {
    return false;
  }
}

/** One timed pass over the inputs; answers parses per second. The sink keeps the work observable. */
function passOurs(parse: OurParse, inputs: readonly string[], sink: { n: number }): number {
  const began = performance.now();
  for (const raw of inputs) if (parse(raw, OPTIONS).ok) sink.n++;
  return inputs.length / ((performance.now() - began) / 1000);
}

function passTheirs(parse: TheirParse, inputs: readonly string[], sink: { n: number }): number {
  const began = performance.now();
  for (const raw of inputs) sink.n += parse(raw).parsedCodeItems.length > 0 ? 1 : 0;
  return inputs.length / ((performance.now() - began) / 1000);
}

function countBy(scans: readonly CorpusScan[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const scan of scans) counts[scan.kind] = (counts[scan.kind] ?? 0) + 1;
  return counts;
}

export function barcodeParsingFigure(ctx: FigureContext): Promise<FigureResult> {
  const size = SIZES[ctx.mode];
  return measureFigure(
    {
      id: '1',
      title: 'Barcode parsing',
      target: 'ours ≥ 2× gs1-barcode-parser-mod on the inputs both accept',
    },
    async () => {
      const { parseScan, parseBarcode } = await importViteBundle<Parsers>(ENTRY);
      const oursAccepts = (raw: string) => parseScan(raw, OPTIONS).ok;
      const theirsAccepts = (raw: string) => accepts(parseBarcode, raw);
      const ours1 = (inputs: readonly string[], sink: { n: number }) =>
        passOurs(parseScan, inputs, sink);
      const theirs1 = (inputs: readonly string[], sink: { n: number }) =>
        passTheirs(parseBarcode, inputs, sink);
      const corpus = buildScanCorpus(size.inputs);
      const ours = corpus.filter((s) => oursAccepts(s.raw));
      const theirs = corpus.filter((s) => theirsAccepts(s.raw));
      const both = corpus.filter((s) => oursAccepts(s.raw) && theirsAccepts(s.raw));
      const onlyTheirs = theirs.filter((s) => !oursAccepts(s.raw));
      const common = both.map((s) => s.raw);
      const all = corpus.map((s) => s.raw);
      ctx.log(`figure 1: ${both.length} of ${corpus.length} inputs accepted by both parsers`);

      const sink = { n: 0 };
      for (let i = 0; i < size.warmup; i++) {
        ours1(common, sink);
        theirs1(common, sink);
        ours1(all, sink);
        passOurs(parseScanUnderTsx, common, sink);
      }
      const oursRates: number[] = [];
      const theirRates: number[] = [];
      const ratios: number[] = [];
      const oursAllRates: number[] = [];
      const oursTsxRates: number[] = [];
      // Interleaved rounds, alternating which goes first: a neighbour's burst of load hits both.
      for (let i = 0; i < size.rounds; i++) {
        const oursFirst = i % 2 === 0;
        const early = oursFirst ? ours1(common, sink) : theirs1(common, sink);
        const late = oursFirst ? theirs1(common, sink) : ours1(common, sink);
        const [a, b] = oursFirst ? [early, late] : [late, early];
        oursRates.push(a);
        theirRates.push(b);
        ratios.push(a / b);
        oursAllRates.push(ours1(all, sink));
        if (i % 4 === 0) oursTsxRates.push(passOurs(parseScanUnderTsx, common, sink));
      }
      const ratio = summarise(ratios);
      const met = ratio.p50 >= 2;
      return {
        verdict: met ? 'met' : 'missed',
        headline: `ours ${roundFigure(summarise(oursRates).p50)} parses/s vs ${roundFigure(summarise(theirRates).p50)} parses/s: ${roundFigure(ratio.p50)}× (median of ${ratio.n} paired rounds) on the ${both.length} of ${corpus.length} inputs both accept`,
        measurements: [
          {
            label: 'ours (parseScan), common inputs',
            unit: 'parses/s',
            stats: summarise(oursRates),
          },
          {
            label: 'gs1-barcode-parser-mod, common inputs',
            unit: 'parses/s',
            stats: summarise(theirRates),
          },
          { label: 'ours ÷ theirs, per round', unit: '×', stats: ratio, judgedOn: 'p50' },
          {
            label: 'ours on all inputs (incl. refusals)',
            unit: 'parses/s',
            stats: summarise(oursAllRates),
          },
          {
            label: 'ours compiled by tsx (keepNames), common inputs',
            unit: 'parses/s',
            stats: summarise(oursTsxRates),
          },
          { label: 'inputs accepted by both', unit: 'inputs', value: both.length },
          { label: 'inputs accepted by ours', unit: 'inputs', value: ours.length },
          { label: 'inputs accepted by theirs', unit: 'inputs', value: theirs.length },
          {
            label: 'damaged inputs theirs accepted, ours refused',
            unit: 'inputs',
            value: onlyTheirs.length,
          },
        ],
        limits:
          "Single-threaded JavaScript on one core; each round is one pass over the inputs; both parsers bundled by Vite as the app ships its code. Ours also checks GTIN check digits and calendar dates and reads HIBCC, Digital Link and a camera decoder's leading GS, which theirs refuses or skips.",
        notes: [
          `Corpus (seeded, ${corpus.length} inputs): ${JSON.stringify(countBy(corpus))}.`,
          `Accepted by both, by kind: ${JSON.stringify(countBy(both))}.`,
          `Accepted by theirs but refused by ours (damaged scans: wrong check digit, impossible date): ${JSON.stringify(countBy(onlyTheirs))}.`,
          `Sink ${sink.n} (keeps the parse results alive).`,
        ],
      };
    },
  );
}
