import { defineConfig } from 'vitest/config';
import { reporting, sourceConditions } from '../vitest.shared.mjs';

export default defineConfig({
  ...sourceConditions,
  test: {
    ...reporting('unit'),
    // Generous limits: the suites build the full hierarchy and real files on a 2-core machine shared with CI work.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [{ extends: true, test: { name: 'node', environment: 'node', include: ['test/**/*.test.ts'] } }],
  },
});
