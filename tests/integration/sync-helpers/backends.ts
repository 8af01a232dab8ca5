import { afterAll, beforeAll, describe } from 'vitest';
import { startTestServer, type Backend, type TestServer, type TestServerOptions } from './server';

const hasPostgres = Boolean(process.env['DATABASE_URL']);

if (!hasPostgres) {
  // Said once per file, so a run without PostgreSQL shows why those suites were skipped.
  console.info('DATABASE_URL is not set: the PostgreSQL variants of the sync suites are skipped.');
}

/**
 * Runs one suite body against the embedded PGlite always and against PostgreSQL when
 * DATABASE_URL names a server: the same tests, two storages.
 */
export function describeOnBackends(
  title: string,
  tag: string,
  suite: (server: () => TestServer, backend: Backend) => void,
  options: TestServerOptions = {},
): void {
  const variants: { backend: Backend; label: string; skip: boolean }[] = [
    { backend: 'pglite', label: 'PGlite', skip: false },
    { backend: 'postgres', label: 'PostgreSQL', skip: !hasPostgres },
  ];
  for (const variant of variants) {
    describe.skipIf(variant.skip)(`${title} [${variant.label}]`, () => {
      let server: TestServer | undefined;
      beforeAll(async () => {
        server = await startTestServer(variant.backend, `${tag}_${variant.backend}`, options);
      }, 60_000);
      afterAll(async () => {
        await server?.close();
      });
      suite(() => {
        if (!server) throw new Error('server not started');
        return server;
      }, variant.backend);
    });
  }
}

export const postgresAvailable = hasPostgres;
