import { defineConfig } from 'vitest/config';
import { browserProject, reporting, sourceConditions } from '../vitest.shared.mjs';

// `node` runs every suite; `browser` runs the isomorphic ones (event contracts, text folding) in Chromium,
// since the browser micro-frontends import them too. Unit-hierarchy tests read the reference files: node only.
export default defineConfig({
  ...sourceConditions,
  test: {
    ...reporting('unit'),
    // Generous limits: the suites build the full hierarchy and real files on a 2-core machine shared with CI work.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'node', environment: 'node', include: ['test/**/*.test.ts'] } },
      await browserProject(['test/events-*.test.ts', 'test/fold.test.ts']),
    ],
  },
});
