// Vite plugin of the shell's build: copies the shared packages' browser builds into dist/shared/, writes the
// page template and the deploy manifest (import map with SRI for every JS file).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { writeDeployManifest } from './deploy-manifest.js';
import { SHARED_SPECIFIERS, bareImports, sharedCode, sharedPackages } from './shared-packages.js';

/** Options of {@link shellArtifacts}. */
export interface ShellArtifactsOptions {
  /** The shell workspace (package.json, index.html). */
  root: string;
}

interface ViteChunkMetadata {
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * Writes, after the bundle: `dist/shared/<pkg>@<version>/<file>` for vue, pinia and single-spa (failing the
 * build if one of them imports a package the import map would not provide), `dist/index.html` (the page
 * template with its `<!--vwu:head-->` placeholder) and `dist/deploy.json` + `dist/importmap.json`.
 */
export function shellArtifacts(options: ShellArtifactsOptions): Plugin {
  let stylesheet: string | undefined;
  let outDir = 'dist';
  return {
    name: 'vwu:shell-artifacts',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    generateBundle(_, bundle) {
      const entry = bundle['root-config.js'] as ViteChunkMetadata | undefined;
      stylesheet = [...(entry?.viteMetadata?.importedCss ?? [])][0];
    },
    async writeBundle() {
      const pkg = JSON.parse(readFileSync(join(options.root, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
      };
      const imports: Record<string, string> = {};
      for (const shared of sharedPackages(options.root)) {
        const code = await sharedCode(shared);
        const missing = bareImports(code).filter(
          (name) => !(SHARED_SPECIFIERS as readonly string[]).includes(name),
        );
        if (missing.length > 0)
          throw new Error(`${shared.source} imports ${missing.join(', ')}, which the import map lacks`);
        mkdirSync(dirname(join(outDir, shared.target)), { recursive: true });
        writeFileSync(join(outDir, shared.target), code);
        imports[shared.name] = `./${shared.target}`;
      }
      imports['@vwu/context'] = './context.js';
      imports['@vwu/root-config'] = './root-config.js';
      copyFileSync(join(options.root, 'index.html'), join(outDir, 'index.html'));
      if (stylesheet === undefined) throw new Error('The root config has no stylesheet');
      writeDeployManifest(outDir, {
        name: pkg.name,
        version: pkg.version,
        imports,
        stylesheet: `./${stylesheet}`,
      });
    },
  };
}
