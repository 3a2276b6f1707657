import { defineConfig } from 'vitest/config';
import { reporting, sourceConditions } from '../vitest.shared.mjs';

// Two projects over the same test files: `node` on embedded PGlite (in memory, one database per test file),
// `postgres` on the real PostgreSQL server that tests/infra/postgres.mjs installs and starts (one database per
// test file, dropped afterwards). `npm run test:integration` writes its own report file.
const slow = { testTimeout: 60_000, hookTimeout: 180_000 };

export default defineConfig({
  ...sourceConditions,
  test: {
    ...reporting('unit'),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/setup/pglite.global.ts'],
          ...slow,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/setup/postgres.global.ts'],
          ...slow,
        },
      },
    ],
  },
});
