/**
 * `npm run -s barcode -- [options] <data>` / `--batch`: shows what the app makes of a scan, for
 * support staff pasting what a scanner produced. The parsing is shared/barcode's; this file only
 * reads arguments and stdin, supplies today's date and prints JSON.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseIsoDate } from '../../shared/barcode/calendar';
import { parseScan, type ScanOptions } from '../../shared/barcode/index';

const USAGE = `usage: npm run -s barcode -- [--today YYYY-MM-DD] [--separator STR]... [--suffix STR]... <data>
       npm run -s barcode -- --batch [--today YYYY-MM-DD] [--separator STR]... < scans.txt

Prints what the app reads from a scan as JSON: one object, or with --batch one line per stdin line.
In <data> and on stdin, a raw GS byte (0x1D) or the six characters \\u001d stand for GS (FNC1).
  --today       the date two-digit years are read against (default: today on this computer)
  --separator   a string the scanner sends instead of GS, e.g. '<GS>' or '^' (repeatable;
                replaces the default list, which is <GS> and {GS})
  --suffix      a suffix the scanner appends, to be ignored (repeatable; CR, LF, tab always are)
Exit status: 0 every scan was read, 1 at least one was refused, 2 usage error.`;

const ESCAPED_GS = /\\u001d/gi;

class UsageError extends Error {}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function readArguments(argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        today: { type: 'string' },
        separator: { type: 'string', multiple: true },
        suffix: { type: 'string', multiple: true },
        batch: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const today = values.today ?? localToday();
  if (!parseIsoDate(today))
    throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${today}"`);
  if (!values.help) {
    if (values.batch && positionals.length > 0) {
      throw new UsageError('--batch reads scans from stdin: give no <data> argument');
    }
    if (!values.batch && positionals.length === 0) throw new UsageError('no scan data given');
    if (!values.batch && positionals.length > 1) {
      throw new UsageError('one scan at a time: quote data that contains spaces');
    }
  }
  const options: ScanOptions = {
    today,
    ...(values.separator ? { separators: values.separator } : {}),
    ...(values.suffix ? { suffixes: values.suffix } : {}),
  };
  return { help: values.help, batch: values.batch, data: positionals[0] ?? '', options };
}

async function writeLine(text: string): Promise<void> {
  if (!process.stdout.write(`${text}\n`)) await once(process.stdout, 'drain');
}

async function runBatch(options: ScanOptions): Promise<number> {
  let allRead = true;
  // crlfDelay: Infinity makes CRLF one line end, whatever the pause between the two bytes.
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const result = parseScan(line.replace(ESCAPED_GS, '\u001d'), options);
    allRead &&= result.ok;
    await writeLine(JSON.stringify(result));
  }
  return allRead ? 0 : 1;
}

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = readArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`barcode: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    await writeLine(USAGE);
    return 0;
  }
  if (args.batch) return runBatch(args.options);
  const result = parseScan(args.data.replace(ESCAPED_GS, '\u001d'), args.options);
  await writeLine(JSON.stringify(result));
  return result.ok ? 0 : 1;
}

// A reader that stops early (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
