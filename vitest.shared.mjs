/**
 * Shared Vitest settings. Every workspace resolves internal packages through their `source` export
 * condition, so tests and type checks run on TypeScript sources without a prior build; every run also
 * writes a JSON report under `.test-results/` that `npm test` sums into its closing line.
 */
export const sourceConditions = {
  resolve: { conditions: ['source', 'module', 'import', 'default'] },
  // Node workers receive these as --conditions: 'import' here would make Node's own require() load ESM
  // builds of CommonJS packages (pg-pool), so only 'source' is added to Node's defaults.
  ssr: { resolve: { conditions: ['source', 'node'] } },
};

/**
 * Reporters for a suite: the default console output plus `.test-results/<suite>.json`.
 *
 * @param {string} suite the report's file name, e.g. 'unit'
 */
export function reporting(suite) {
  return { reporters: ['default', 'json'], outputFile: { json: `.test-results/${suite}.json` } };
}

/**
 * A Vitest browser project running `include` in Debian's Chromium (installed by tests/infra/chromium.mjs,
 * through the global setup) with the flags this closed network needs.
 *
 * @param {string[]} include the test files' globs
 */
export async function browserProject(include) {
  const [{ playwright }, { chromiumArgs }] = await Promise.all([
    import('@vitest/browser-playwright'),
    import('./tests/infra/chromium.mjs'),
  ]);
  return {
    extends: true,
    test: {
      name: 'browser',
      include,
      globalSetup: [new URL('./tests/infra/chromium.global.mjs', import.meta.url).pathname],
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({
          launchOptions: {
            executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
            args: [...chromiumArgs],
          },
        }),
        instances: [{ browser: 'chromium' }],
      },
    },
  };
}

/**
 * A node-side Vitest project whose tests drive Debian's Chromium through playwright-core (contract and
 * end-to-end suites on built bundles); the global setup installs Chromium when it is missing.
 *
 * @param {{ name: string, include: string[], testTimeout: number, hookTimeout: number, serial?: boolean }} options
 */
export function chromiumSuite({ name, include, testTimeout, hookTimeout, serial = false }) {
  return {
    extends: /** @type {const} */ (true),
    test: {
      name,
      environment: /** @type {const} */ ('node'),
      include,
      globalSetup: [new URL('./tests/infra/chromium.global.mjs', import.meta.url).pathname],
      testTimeout,
      hookTimeout,
      ...(serial ? { fileParallelism: false } : {}),
    },
  };
}
