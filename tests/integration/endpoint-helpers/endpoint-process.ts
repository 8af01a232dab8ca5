import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The endpoint and its commands as an operator runs them: real processes on the real entry point. */
export const root = path.resolve(import.meta.dirname, '../../..');
const ENTRY = ['--import', 'tsx', path.join(root, 'sync/main.ts')];

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run -s sync -- <argv>` without npm in between (npm would hide the exit signal). */
/**
 * This process's environment for a child endpoint or command, less the PostgreSQL suite's
 * DATABASE_URL unless the caller names a database: a child meant for a PGlite folder must never
 * quietly use the shared PostgreSQL database instead.
 */
function inherited(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _suiteDatabase, ...rest } = process.env;
  return 'DATABASE_URL' in env ? process.env : rest;
}

export function runSync(env: Record<string, string>, argv: string[]): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...ENTRY, ...argv], {
      cwd: root,
      env: { ...inherited(env), LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function adminCommand(
  env: Record<string, string>,
  ...argv: string[]
): Promise<Record<string, unknown>> {
  const result = await runSync(env, argv);
  if (result.code !== 0) throw new Error(`${argv.join(' ')} → ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

export interface EndpointProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** SIGTERM; resolves with the exit code and how long the exit took. */
  stop(): Promise<{ code: number | null; ms: number }>;
}

export async function startEndpoint(
  env: Record<string, string>,
  readyUrl: string,
): Promise<EndpointProcess> {
  const child = spawn(process.execPath, ENTRY, {
    cwd: root,
    env: { ...inherited(env), LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`endpoint exited ${child.exitCode}: ${output}`);
    const ready = await fetch(`${readyUrl}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready && output.includes('Server listening')) break;
    if (Date.now() > deadline) throw new Error(`endpoint not ready in 60 s: ${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    child,
    url: readyUrl,
    output: () => output,
    async stop() {
      const started = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      return { code, ms: Date.now() - started };
    },
  };
}

export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
