// Vitest projects of the cross-part suites. `integration` runs against real servers (Kafka, PostgreSQL,
// Chromium) that the global setups install and start through tests/infra/*.mjs.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (`source` export condition), as in
  // vitest.shared.mjs. The server-side list is kept to `source` + `node` on purpose: Vitest passes it to the
  // Node workers as `--conditions`, and with `import` there Node's own require() of a dual package (pg →
  // pg-pool) loads the ESM build and fails ("Class extends value [object Module]").
  resolve: { conditions: ['source', 'module', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'node'] } },
  test: {
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
