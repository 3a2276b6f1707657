// Unit suites in happy-dom, on sources: `@vwu/context` resolves to the shell's source (the runtime gets it
// from the import map); test/node checks the test answers against the API's schemas. The contract suite on the built bundle is in vitest.integration.config.ts.
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
      { extends: true, test: { name: 'node', environment: 'node', include: ['test/node/*.test.ts'] } },
    ],
  },
});
