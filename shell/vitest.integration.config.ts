// Chromium suites: the built shell served with a real import map (test-kit/console-server.ts) in Debian's
// Chromium through playwright-core. Needs `npm run build` first (turbo's test:integration depends on it).
import { defineConfig } from 'vitest/config';
import { reporting, sourceConditions } from '../vitest.shared.mjs';

export default defineConfig({
  ...sourceConditions,
  test: {
    ...reporting('integration'),
    projects: [
      {
        extends: true,
        test: {
          name: 'chromium',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: [new URL('../tests/infra/chromium.global.mjs', import.meta.url).pathname],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
