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

/** Reporters for a suite: the default console output plus `.test-results/<suite>.json`. */
export function reporting(suite) {
  return { reporters: ['default', 'json'], outputFile: { json: `.test-results/${suite}.json` } };
}
