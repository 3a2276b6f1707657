import { defineConfig } from 'vitest/config';
import { reporting, sourceConditions } from '../vitest.shared.mjs';

export default defineConfig({
  ...sourceConditions,
  test: {
    ...reporting('unit'),
    projects: [{ extends: true, test: { name: 'node', environment: 'node', include: ['test/**/*.test.ts'] } }],
  },
});
