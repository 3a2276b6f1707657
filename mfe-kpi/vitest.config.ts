// Unit suites on sources: `unit` in happy-dom (protocol, client, partitions, KPI maths, views) with
// `@vwu/context` resolved to the shell's source (the runtime gets it from the import map); `node` for what
// checks this module against the pipeline and contracts (tables vs event schemas, the demo data root).
// The suites on the BUILT bundle in Chromium are in vitest.integration.config.ts.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { reporting, sourceConditions } from '../vitest.shared.mjs';

export default defineConfig({
  ...sourceConditions,
  plugins: [vue()],
  resolve: {
    ...sourceConditions.resolve,
    alias: {
      '@vwu/context': fileURLToPath(new URL('../shell/src/context/index.ts', import.meta.url)),
      'virtual:vwu-mfe-css': fileURLToPath(new URL('test/empty-css.ts', import.meta.url)),
    },
  },
  test: {
    ...reporting('unit'),
    projects: [
      { extends: true, test: { name: 'unit', environment: 'happy-dom', include: ['test/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['test/node/*.test.ts'], testTimeout: 120_000 },
      },
    ],
  },
});
