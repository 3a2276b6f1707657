// The contract suite: the BUILT bundle (dist/mfe-members.js) in Chromium with the built shell's import map;
// the end-to-end suite: the built console in front of the REAL API on PGlite (test/e2e).
// Needs `npm run build` here and in shell/ first (turbo's test:integration depends on both).
import { defineConfig } from 'vitest/config';
import { chromiumSuite, reporting, sourceConditions } from '../vitest.shared.mjs';

export default defineConfig({
  ...sourceConditions,
  test: {
    ...reporting('integration'),
    projects: [
      chromiumSuite({
        name: 'contract',
        include: ['test/browser/**/*.test.ts'],
        testTimeout: 60_000,
        hookTimeout: 120_000,
      }),
      chromiumSuite({
        name: 'e2e',
        include: ['test/e2e/**/*.e2e.test.ts'],
        testTimeout: 300_000,
        hookTimeout: 240_000,
        serial: true,
      }),
    ],
  },
});
