import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../vitest.shared.mjs';

export default defineConfig({
  ...sourceConditions,
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['test/**/*.test.ts'] },
      },
    ],
  },
});
