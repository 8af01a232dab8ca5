import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { CollectionName, StockEvent } from '../../../shared/model';
import { OPTIONS_ENV, type EndpointOptions, type FromEndpoint, type ToEndpoint } from './protocol';

const ENTRY = fileURLToPath(new URL('./endpoint-process.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
/** Beside the endpoint's own bundle (out/sync/main.mjs), so paths it resolves from itself agree. */
const BUNDLE = `${REPO}out/bench/endpoint-process.mjs`;

let bundled: Promise<string> | undefined;

/**
 * The endpoint child as one esbuild bundle run by plain Node, as `npm run sync` runs
 * out/sync/main.mjs: under tsx the process also held the TypeScript loader and its compile cache
 * (about 80 MiB of resident memory), which figure 9a would have charged to the endpoint.
 */
function endpointBundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    outfile: BUNDLE,
    logLevel: 'warning',
  }).then(() => BUNDLE);
  return bundled;
}

export interface EndpointChild {
  url: string;
  codes: string[];
  pid: number;
  bareInsert(batches: StockEvent[][], clients: number): Promise<number>;
  /** Writes documents at the centre without the push path (see bare-insert.ts). */
  seed(collection: CollectionName, docs: readonly Record<string, unknown>[]): Promise<void>;
  /** Adds the facility when it is new, and answers `count` enrollment codes for it. */
  enrollmentCodes(facilityId: string, count: number): Promise<string[]>;
  stop(): Promise<void>;
}

function nextMessage<T extends FromEndpoint['type']>(
  child: ChildProcess,
  type: T,
  stderr: () => string,
): Promise<Extract<FromEndpoint, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromEndpoint) => {
      if (message.type === type) {
        cleanup();
        resolve(message as Extract<FromEndpoint, { type: T }>);
      } else if (message.type === 'failed') {
        cleanup();
        reject(new Error(`endpoint: ${message.message}`));
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`endpoint exited with ${code}: ${stderr().slice(-2000)}`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Starts the endpoint bundled, as `npm run sync` does; its request log goes nowhere. */
export async function startEndpointChild(options: EndpointOptions): Promise<EndpointChild> {
  const child = fork(await endpointBundle(), [], {
    cwd: REPO,
    execArgv: [
      '--enable-source-maps',
      ...(process.env['BENCH_CHILD_ARGS'] ?? '').split(' ').filter(Boolean),
    ],
    env: { ...process.env, [OPTIONS_ENV]: JSON.stringify(options) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on(
    'data',
    (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)),
  );
  const ready = await nextMessage(child, 'ready', () => stderr);
  const send = (message: ToEndpoint) => child.send(message);
  return {
    url: ready.url,
    codes: ready.codes,
    pid: child.pid ?? 0,
    async bareInsert(batches, clients) {
      const done = nextMessage(child, 'bare-inserted', () => stderr);
      send({ type: 'bare-insert', batches, clients });
      return (await done).ms;
    },
    async seed(collection, docs) {
      for (let i = 0; i < docs.length; i += 5_000) {
        const chunk = docs.slice(i, i + 5_000);
        const batches: Record<string, unknown>[][] = [];
        for (let k = 0; k < chunk.length; k += 500) batches.push(chunk.slice(k, k + 500));
        const done = nextMessage(child, 'seeded', () => stderr);
        send({ type: 'seed', collection, batches });
        await done;
      }
    },
    async enrollmentCodes(facilityId, count) {
      const done = nextMessage(child, 'codes', () => stderr);
      send({ type: 'enroll-codes', facilityId, count });
      return (await done).codes;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
