// The shell's build: ES module entries with stable names — `root-config.js` (@vwu/root-config), `context.js`
// (@vwu/context) and `mount-vue.js` (the Vue runtime of modules, loaded by context.js when one mounts) — hashed chunks for lazily loaded parts (sign-in, pickers), the shared packages
// copied into dist/shared/, the page template and the deploy manifest with SRI.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { plainDynamicImport } from './build/plain-dynamic-import.ts';
import { shellArtifacts } from './build/shell-artifacts.ts';
import { SHARED_SPECIFIERS } from './build/shared-packages.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [vue(), plainDynamicImport(), shellArtifacts({ root })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    sourcemap: true,
    rolldownOptions: {
      input: {
        'root-config': fileURLToPath(new URL('src/root-config/index.ts', import.meta.url)),
        context: fileURLToPath(new URL('src/context/index.ts', import.meta.url)),
        // Loaded by context.js at a module's first bootstrap (see src/mfe-runtime/vue-lifecycles.ts).
        'mount-vue': fileURLToPath(new URL('src/mfe-runtime/mount-vue.ts', import.meta.url)),
      },
      // The root config reaches the context through the import map, never by bundling it: one instance.
      external: [...SHARED_SPECIFIERS],
      // The entries keep their exports; shared code of the lazy parts may be added to them (one file less).
      preserveEntrySignatures: 'allow-extension',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
