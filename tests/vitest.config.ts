// Vitest projects of the cross-part suites. `integration` runs against real servers (Kafka, PostgreSQL,
// Chromium) that the global setups install and start through tests/infra/*.mjs.
import { defineConfig } from 'vitest/config';
import { reporting, sourceConditions } from '../vitest.shared.mjs';

export default defineConfig({
  ...sourceConditions,
  test: {
    ...reporting('integration'),
    projects: [
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['integration/**/*.test.ts'],
          globalSetup: [
            'integration/setup/kafka.global.ts',
            'integration/setup/postgres.global.ts',
            'integration/setup/chromium.global.ts',
          ],
          // One broker and one database for the whole run: a file that restarts the broker must not
          // pull it from under another file.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
