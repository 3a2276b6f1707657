// @ts-check
// What the size check and the shell bench measure from the built bundles: gzip sizes (level 9, static
// pre-compression) and the files an entry reaches through static imports (bare names through the import map).
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** Lazily loaded heavy libraries of a module (mfe-kpi's DuckDB-WASM, Arrow, parquet-wasm, ECharts). */
export const HEAVY_LIBS = /duckdb|echarts|arrow|parquet|analytics-worker/i;

import { gzipSync } from 'node:zlib';

/** @param {string} file */
export const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
/** @param {number} bytes */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Static imports of an ES module (dynamic `import()` is left out: it loads later).
 * @param {string} code
 * @returns {string[]}
 */
export function staticImports(code) {
  /** @type {string[]} */
  const found = [];
  const pattern = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g;
  for (const m of code.matchAll(pattern)) if (m[1] !== undefined) found.push(m[1]);
  return found;
}

/**
 * Files reached by static imports from `entry`, bare names resolved through the import map; names of `skip`
 * (another build's files) are not followed.
 * @param {string} entry dist-relative ('./root-config.js')
 * @param {Record<string, string>} imports
 * @param {string} dist
 * @param {Set<string>} [skip]
 */
export function closure(entry, imports, dist, skip = new Set()) {
  const seen = new Set();
  const visit = (/** @type {string} */ rel) => {
    const normal = posix.normalize(rel).replace(/^\.\//, '');
    if (seen.has(normal)) return;
    seen.add(normal);
    const code = readFileSync(join(dist, normal), 'utf8');
    for (const spec of staticImports(code)) {
      if (spec.startsWith('.')) visit(posix.join(posix.dirname(normal), spec));
      else if (skip.has(spec)) continue;
      else if (imports[spec] !== undefined) visit(imports[spec]);
      else throw new Error(`${normal} imports ${spec}, which the import map lacks`);
    }
  };
  visit(entry);
  return [...seen];
}
