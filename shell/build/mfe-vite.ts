// The one Vite configuration of every micro-frontend (mfe-members, mfe-kpi, mfe-contests).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vue from '@vitejs/plugin-vue';
import type { Plugin, UserConfig } from 'vite';
import { writeDeployManifest } from './deploy-manifest.js';
import { devExternals } from './dev-externals.js';
import { devPage } from './dev-page.js';
import { mfeCss } from './mfe-css.js';
import { plainDynamicImport } from './plain-dynamic-import.js';
import { SHARED_SPECIFIERS } from './shared-packages.js';

/** Options of {@link defineMfeConfig}. */
export interface MfeConfigOptions {
  /** The workspace directory (pass `import.meta.dirname` or `fileURLToPath(new URL('.', import.meta.url))`). */
  root: string;
  /** Entry source relative to `root` (default 'src/entry.ts'). */
  entry?: string;
  /** The shell workspace (default: `../shell` from `root`). */
  shellRoot?: string;
}

function deployManifest(root: string, file: string): Plugin {
  return {
    name: 'vwu:mfe-deploy-manifest',
    apply: 'build',
    writeBundle() {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
      };
      writeDeployManifest(join(root, 'dist'), {
        name: pkg.name,
        version: pkg.version,
        imports: { [pkg.name]: `./${file}` },
      });
    },
  };
}

/**
 * A micro-frontend's Vite configuration: ONE ES module entry with a stable name (`dist/<name>.js`, e.g.
 * `mfe-members.js`) exporting exactly what the source exports (`preserveEntrySignatures: 'strict'`), hashed
 * chunks for lazily loaded parts, Vue/Pinia/single-spa/@vwu/context external in build AND dev, the CSS as a
 * string for the lifecycles (`virtual:vwu-mfe-css`), and `dist/deploy.json` for the import-map deployment.
 * `vite` (dev) serves the console with this module from source; the other modules come from the import map.
 *
 * @example
 * // mfe-members/vite.config.ts
 * export default defineMfeConfig({ root: import.meta.dirname });
 */
export function defineMfeConfig(options: MfeConfigOptions): UserConfig {
  const pkg = JSON.parse(readFileSync(join(options.root, 'package.json'), 'utf8')) as { name: string };
  const short = pkg.name.replace(/^@[^/]+\//, '');
  const entry = options.entry ?? 'src/entry.ts';
  const shared = [...SHARED_SPECIFIERS];
  return {
    root: options.root,
    base: './',
    plugins: [
      vue(),
      mfeCss(),
      plainDynamicImport(),
      devExternals(shared),
      devPage({
        name: pkg.name,
        entry: `/${entry}`,
        shellRoot: options.shellRoot ?? join(options.root, '../shell'),
      }),
      deployManifest(options.root, `${short}.js`),
    ],
    optimizeDeps: { exclude: shared },
    server: {
      // The API (`VWU_API_URL`, default the API's own default address) under the console's '/api'.
      proxy: {
        '/api': {
          target: process.env.VWU_API_URL ?? 'http://127.0.0.1:8080',
          changeOrigin: true,
          rewrite: (path) => path.replace(/^\/api/, ''),
        },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      cssCodeSplit: false,
      modulePreload: false,
      sourcemap: true,
      rolldownOptions: {
        input: { [short]: join(options.root, entry) },
        external: shared,
        preserveEntrySignatures: 'strict',
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
}
