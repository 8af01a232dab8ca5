import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * A small file only this user can read, replaced atomically: a crash or a full disk mid-write
 * leaves the previous content, never half of the new one (which, for the database key, would
 * mean a local store nobody can open again).
 */
export interface PrivateFile {
  /** The content, or null when the file does not exist yet. */
  read(): Promise<string | null>;
  write(content: string): Promise<void>;
}

export function privateFile(file: string): PrivateFile {
  return {
    async read() {
      try {
        return await readFile(file, 'utf8');
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return null;
        throw error;
      }
    },
    async write(content) {
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
