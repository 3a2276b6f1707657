import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARED_SPECIFIERS, bareImports, sharedCode, sharedPackages } from '../../build/shared-packages.ts';

const shellRoot = fileURLToPath(new URL('../..', import.meta.url));
const packages = sharedPackages(shellRoot);
/** Each package's code as the browser gets it (Vue is built once: bundling and minifying it takes seconds). */
const codes = new Map<string, string>();

beforeAll(async () => {
  for (const p of packages) codes.set(p.name, await sharedCode(p));
}, 300_000);

describe('shared packages', () => {
  it.each([
    { code: 'import{a as b}from"vue";export{x}from"./x.js"', found: ['vue'] },
    { code: "import 'single-spa';\nimport * as p from 'pinia'", found: ['single-spa', 'pinia'] },
    { code: 'import{setupDevtoolsPlugin}from"@vue/devtools-api";', found: ['@vue/devtools-api'] },
    { code: 'const s = "import x from y"; import("./lazy.js")', found: [] },
  ])('finds the bare imports of $code', ({ code, found }) => {
    expect(bareImports(code)).toEqual(found);
  });

  it('gives versioned production browser builds that need nothing but each other', () => {
    expect(packages.map((p) => p.name)).toEqual(['vue', 'pinia', 'single-spa']);
    for (const p of packages) {
      expect(p.target).toMatch(new RegExp(`^shared/${p.name}@\\d+\\.\\d+\\.\\d+/[\\w.-]+\\.js$`));
      const imports = bareImports(codes.get(p.name) ?? '');
      expect(imports.every((name) => (SHARED_SPECIFIERS as readonly string[]).includes(name))).toBe(true);
    }
  });

  it("builds Vue's runtime without the Options API, devtools hooks or development warnings", async () => {
    const vue = packages.find((p) => p.name === 'vue');
    expect(vue?.make).toBe('vue-runtime');
    const code = codes.get('vue') ?? '';
    expect(code).toContain('createApp');
    expect(code).not.toMatch(/__VUE_OPTIONS_API__|__VUE_PROD_DEVTOOLS__|process\.env/);
    // Smaller than Vue's ready-made production browser build, which carries the Options API.
    const { readFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    const readyMade = readFileSync(vue!.source.replace('esm-bundler.js', 'esm-browser.prod.js'));
    expect(gzipSync(code, { level: 9 }).length).toBeLessThan(gzipSync(readyMade, { level: 9 }).length - 400);
  });
});
