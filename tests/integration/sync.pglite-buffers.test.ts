import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PGLITE_SHARED_BUFFERS_MB, readConfig } from '../../sync/config';
import { openDatabase } from '../../sync/db/connect';

describe("PGlite's buffer pool (PGLITE_SHARED_BUFFERS_MB)", () => {
  it('defaults to 32 MiB, reads the setting, and refuses a pool too small to run', () => {
    expect(DEFAULT_PGLITE_SHARED_BUFFERS_MB).toBe(32);
    expect(readConfig({}).pgliteSharedBuffersMb).toBe(32);
    expect(readConfig({ PGLITE_SHARED_BUFFERS_MB: '128' }).pgliteSharedBuffersMb).toBe(128);
    expect(() => readConfig({ PGLITE_SHARED_BUFFERS_MB: '4' })).toThrow(/at least 8/);
    expect(() => readConfig({ PGLITE_SHARED_BUFFERS_MB: 'lots' })).toThrow(/positive integer/);
  });

  it('the embedded database runs with the pool it was given', async () => {
    const database = await openDatabase({ pgliteSharedBuffersMb: 24 });
    try {
      const { rows } = await sql<{
        shared_buffers: string;
      }>`show shared_buffers`.execute(database.db);
      expect(rows[0]?.shared_buffers).toBe('24MB');
    } finally {
      await database.close();
    }
  });
});
