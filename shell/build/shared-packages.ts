// The packages shared by every part of the console through the import map: one copy each on the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildVueRuntime } from './vue-runtime.js';

/** Import-map names that every build leaves as bare imports (external in build and in dev). */
export const SHARED_SPECIFIERS = ['vue', 'pinia', 'single-spa', '@vwu/context'] as const;

/** A shared package's browser build, copied into the shell's `dist/shared/`. */
export interface SharedPackage {
  /** Import-map name. */
  name: string;
  version: string;
  /** Absolute path of the browser ESM build in node_modules. */
  source: string;
  /** Path under `dist/`, versioned so it can be cached for good. */
  target: string;
  /** `copy`: the file as published; `vue-runtime`: Vue built with the console's flags (build/vue-runtime.ts). */
  make: 'copy' | 'vue-runtime';
}

/**
 * Production ESM browser builds. Vue's runtime only (every template is compiled at build time, so the 20 KB
 * (gzip) template compiler would be dead weight before any module), built from its esm-bundler sources with
 * the console's feature flags (build/vue-runtime.ts). Pinia's browser build imports only 'vue' (its devtools
 * hook is absent in production builds).
 */
const FILES: Record<string, string> = {
  vue: 'dist/vue.runtime.esm-bundler.js',
  pinia: 'dist/pinia.esm-browser.prod.js',
  'single-spa': 'lib/es2015/esm/single-spa.min.js',
};

/**
 * Builds for the dev page: Vue's and single-spa's development builds (warnings, devtools hooks); Pinia's
 * production build, since its development build imports packages the import map does not carry
 * (`@vue/devtools-api`, `nostics`).
 */
export const DEV_FILES: Record<string, string> = {
  vue: 'dist/vue.runtime.esm-browser.js',
  pinia: 'dist/pinia.esm-browser.prod.js',
  'single-spa': 'lib/es2015/esm/single-spa.dev.js',
};

function packageDir(name: string, from: string): string {
  const require = createRequire(join(from, 'package.json'));
  return dirname(require.resolve(`${name}/package.json`));
}

/**
 * The shared packages as installed for the workspace at `from`.
 *
 * @example sharedPackages(shellRoot)[0] // { name: 'vue', version: '3.5.45', target: 'shared/vue@3.5.45/vue.runtime.prod.js', make: 'vue-runtime', … }
 */
export function sharedPackages(from: string, files: Record<string, string> = FILES): SharedPackage[] {
  return Object.entries(files).map(([name, file]) => {
    const dir = packageDir(name, from);
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    const make = file.endsWith('.esm-bundler.js') ? 'vue-runtime' : 'copy';
    const base = make === 'vue-runtime' ? 'vue.runtime.prod.js' : (file.split('/').pop() ?? file);
    return { name, version, source: join(dir, file), target: `shared/${name}@${version}/${base}`, make };
  });
}

/**
 * The code of a shared package as the browser loads it.
 *
 * @example await sharedCode(sharedPackages(shellRoot)[0]) // Vue's runtime, one module importing nothing
 */
export async function sharedCode(shared: SharedPackage): Promise<string> {
  return shared.make === 'vue-runtime' ? buildVueRuntime(shared.source) : readFileSync(shared.source, 'utf8');
}

/**
 * Bare specifiers a module imports (static `import … from 'x'`, `export … from 'x'`, `import 'x'`).
 * Used to check that a copied build needs nothing the import map lacks.
 */
export function bareImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(
    /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"'./][^"']*)["']/g,
  )) {
    if (match[1] !== undefined) found.add(match[1]);
  }
  return [...found];
}
