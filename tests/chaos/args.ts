export interface ChaosOptions {
  devices: number;
  events: number;
  seed: number;
  /** How long each round lets replication run before the next. */
  roundMs: number;
  /** The longest the end of the run waits for everything to arrive everywhere. */
  settleMs: number;
  quiet: boolean;
  /** Keep the server's data directory for a look afterwards. */
  keep: boolean;
}

const USAGE =
  'usage: npm run chaos -- --devices N --events M --seed S [--round-ms 400] [--settle-ms 300000] [--quiet] [--keep]';

export function parseChaosArgs(argv: readonly string[]): ChaosOptions {
  const options: ChaosOptions = {
    devices: 6,
    events: 600,
    seed: 1,
    roundMs: 400,
    settleMs: 300_000,
    quiet: false,
    keep: false,
  };
  const numbers: Record<string, keyof ChaosOptions> = {
    '--devices': 'devices',
    '--events': 'events',
    '--seed': 'seed',
    '--round-ms': 'roundMs',
    '--settle-ms': 'settleMs',
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? '';
    if (flag === '--quiet') options.quiet = true;
    else if (flag === '--keep') options.keep = true;
    else if (flag in numbers) {
      const value = Number(argv[(i += 1)]);
      if (!Number.isSafeInteger(value) || value < 0)
        throw new Error(`${flag} needs a whole number\n${USAGE}`);
      (options[numbers[flag] as 'devices'] as number) = value;
    } else throw new Error(`unknown argument "${flag}"\n${USAGE}`);
  }
  if (options.devices < 2)
    throw new Error(`--devices must be at least 2 (two facilities)\n${USAGE}`);
  if (options.events < 1) throw new Error(`--events must be at least 1\n${USAGE}`);
  return options;
}
