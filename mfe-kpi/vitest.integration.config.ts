// The suites on the BUILT bundle in Chromium: the analytics worker with real Parquet files against DuckDB
// native, the console with this module (network confined to the page's origin), and the single-spa contract.
// Needs `npm run build` here and in shell/ first (turbo's test:integration depends on both).
import { defineConfig } from 'vitest/config';
import { chromiumSuite, reporting, sourceConditions } from '../vitest.shared.mjs';

export default defineConfig({
  ...sourceConditions,
  test: {
    ...reporting('integration'),
    projects: [
      chromiumSuite({
        name: 'browser',
        include: ['test/browser/**/*.test.ts'],
        testTimeout: 120_000,
        hookTimeout: 300_000,
        serial: true,
      }),
    ],
  },
});
