// End-to-end suites: the built console served by the built API (scratch PGlite), in Debian's Chromium
// through playwright-core. `npm run test:e2e -w @vwu/tests` (after `npm run build`); screenshots go to
// tests/artifacts/e2e/ (git-ignored).
import { defineConfig } from 'vitest/config';
import { reporting, sourceConditions } from '../../vitest.shared.mjs';

export default defineConfig({
  ...sourceConditions,
  test: {
    ...reporting('e2e'),
    projects: [
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: [new URL('../infra/chromium.global.mjs', import.meta.url).pathname],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
