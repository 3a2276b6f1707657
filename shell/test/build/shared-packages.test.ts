import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHARED_SPECIFIERS, bareImports, sharedPackages } from '../../build/shared-packages.ts';

const shellRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('shared packages', () => {
  it.each([
    { code: 'import{a as b}from"vue";export{x}from"./x.js"', found: ['vue'] },
    { code: "import 'single-spa';\nimport * as p from 'pinia'", found: ['single-spa', 'pinia'] },
    { code: 'import{setupDevtoolsPlugin}from"@vue/devtools-api";', found: ['@vue/devtools-api'] },
    { code: 'const s = "import x from y"; import("./lazy.js")', found: [] },
  ])('finds the bare imports of $code', ({ code, found }) => {
    expect(bareImports(code)).toEqual(found);
  });

  it('copies versioned production browser builds that need nothing but each other', async () => {
    const { readFileSync } = await import('node:fs');
    const packages = sharedPackages(shellRoot);
    expect(packages.map((p) => p.name)).toEqual(['vue', 'pinia', 'single-spa']);
    for (const p of packages) {
      expect(p.target).toMatch(new RegExp(`^shared/${p.name}@\\d+\\.\\d+\\.\\d+/[\\w.-]+\\.js$`));
      const imports = bareImports(readFileSync(p.source, 'utf8'));
      expect(imports.every((name) => (SHARED_SPECIFIERS as readonly string[]).includes(name))).toBe(true);
    }
  });
});
