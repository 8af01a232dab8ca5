import { defineConfig } from 'vitest/config';

/**
 * `npm run test:install`: the production install from a fresh clone (about 25 s on this machine's
 * two cores, most of it npm), kept out of `npm test` and run by .ci/run after it.
 */
export default defineConfig({
  test: {
    name: 'install',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
