/**
 * Shared Vitest settings: every workspace resolves internal packages through their `source` export
 * condition, so tests and type checks run on TypeScript sources without a prior build.
 */
export const sourceConditions = {
  resolve: { conditions: ['source', 'module', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] } },
};
