import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ServerProcess {
  url: string;
  port: number;
  start(): Promise<void>;
  /** SIGKILL: no drain, no clean close of the database. */
  kill(): Promise<void>;
  /** SIGTERM and wait: the end of the run. */
  stop(): Promise<void>;
  starts: number;
  output(): string;
}

/**
 * The real central endpoint as a child process (`npm run sync` without npm), on a PGlite data
 * directory that outlives each process, on the same port every time so the proxy finds it again.
 */
export async function serverProcess(
  dataDir: string,
  /** Settings of this endpoint only (webhook test settings, say), over the test's environment. */
  settings: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let log = '';
  const handle: ServerProcess = {
    url,
    port,
    starts: 0,
    output: () => log,
    async start() {
      handle.starts += 1;
      const started = spawn(process.execPath, ['--import', 'tsx', 'sync/main.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          DATABASE_URL: '',
          ...settings,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      const keep = (chunk: Buffer) => {
        log = (log + chunk.toString('utf8')).slice(-20_000);
      };
      started.stdout?.on('data', keep);
      started.stderr?.on('data', keep);
      const deadline = Date.now() + 120_000;
      for (;;) {
        if (started.exitCode !== null)
          throw new Error(`the server exited (${started.exitCode}):\n${log}`);
        try {
          const ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1_000) });
          if (ready.ok) return;
        } catch {
          // Not listening yet.
        }
        if (Date.now() > deadline) throw new Error(`the server did not become ready:\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
  };
  return handle;
}
