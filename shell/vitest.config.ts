// Unit suites: the context module and the root config's logic in happy-dom (`unit`), the build helpers in
// Node (`node`). The Chromium suites (built bundles, real import maps) are in vitest.integration.config.ts.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { reporting, sourceConditions } from '../vitest.shared.mjs';

export default defineConfig({
  ...sourceConditions,
  plugins: [vue()],
  resolve: {
    ...sourceConditions.resolve,
    // The runtime gets `@vwu/context` from the import map; tests take its source.
    alias: { '@vwu/context': fileURLToPath(new URL('src/context/index.ts', import.meta.url)) },
  },
  test: {
    ...reporting('unit'),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['test/context/**/*.test.ts', 'test/root-config/**/*.test.ts'],
        },
      },
      { extends: true, test: { name: 'node', environment: 'node', include: ['test/build/**/*.test.ts'] } },
    ],
  },
});
