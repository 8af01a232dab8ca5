import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite does not refuse a second process on its folder, and a second opener wedges the first
 * (PITFALLS). So the folder holds a lock file made by an atomic link(2): it appears complete or not
 * at all, and exactly one of two racing processes wins. The file also tells admin commands where the
 * owning endpoint listens and the credential its admin API takes; it is mode 0600, so only the
 * account that runs the endpoint can read that credential.
 */
export const LOCK_FILE = 'endpoint.lock';

export interface LockContents {
  pid: number;
  /** 'endpoint' serves the admin API once `url` is set; 'command' is an admin command working alone. */
  role: 'endpoint' | 'command';
  startedAt: string;
  url?: string;
  adminToken?: string | undefined;
  /** The endpoint's certificate, which admin commands trust when it serves TLS. */
  tlsCertFile?: string;
}

export interface DataFolderLock {
  readonly file: string;
  readonly contents: LockContents;
  /** Rewrites the lock (atomically, same owner) once the endpoint knows its address. */
  update(extra: Partial<LockContents>): void;
  release(): void;
}

export class FolderHeldError extends Error {
  constructor(
    readonly holder: LockContents | null,
    readonly file: string,
  ) {
    super(
      holder
        ? `The data folder ${path.dirname(file)} is in use by ${holder.role} process ${holder.pid}` +
            `${holder.url ? ` serving ${holder.url}` : ''}; stop it first (or, if no such process runs, delete ${file}).`
        : `The data folder ${path.dirname(file)} is locked by ${file}, which cannot be read; delete it if no endpoint runs.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): LockContents | null {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as LockContents;
    return typeof parsed.pid === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

/** The live holder of the folder, or null when it is free (a lock left by a dead process is stale). */
export function liveHolder(dataDir: string): LockContents | null {
  const holder = readLock(dataDir);
  return holder && holder.pid !== process.pid && isAlive(holder.pid) ? holder : null;
}

function writePrivate(file: string, contents: LockContents): void {
  writeFileSync(file, `${JSON.stringify(contents)}\n`, { mode: 0o600 });
}

export function acquireDataFolderLock(
  dataDir: string,
  role: LockContents['role'],
  now: Date,
): DataFolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  let contents: LockContents = { pid: process.pid, role, startedAt: now.toISOString() };
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writePrivate(temp, contents);
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        linkSync(temp, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = readLock(dataDir);
        if (attempt === 0 && holder && !isAlive(holder.pid)) {
          rmSync(file, { force: true });
          continue;
        }
        throw new FolderHeldError(holder, file);
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
  return {
    file,
    get contents() {
      return contents;
    },
    update(extra) {
      contents = { ...contents, ...extra };
      const next = `${file}.${process.pid}.next`;
      writePrivate(next, contents);
      renameSync(next, file);
    },
    release() {
      if (readLock(dataDir)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}
