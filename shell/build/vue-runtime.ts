// Vue's runtime as the console loads it: built from Vue's own esm-bundler sources with the compile-time
// feature flags of a production, Composition-API-only application, then minified. Every screen of the console
// is `<script setup>`/`setup()` (no `data`, `methods`, mixins), so the Options API is dead weight before any
// module; dropping it and the devtools/hydration-detail hooks makes Vue ~0.6 KB (gzip) smaller than its
// ready-made browser build.
import { rolldown } from 'rolldown';
import { minify } from 'terser';

/** The flags Vue's esm-bundler build reads at compile time (see Vue's "Bundler build feature flags"). */
export const VUE_FLAGS = {
  __VUE_OPTIONS_API__: 'false',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  'process.env.NODE_ENV': '"production"',
} as const;

/**
 * One ES module of Vue's runtime from `entry` (Vue's `dist/vue.runtime.esm-bundler.js`), importing nothing.
 *
 * @example const code = await buildVueRuntime(join(vueDir, 'dist/vue.runtime.esm-bundler.js'));
 */
export async function buildVueRuntime(entry: string): Promise<string> {
  const bundle = await rolldown({
    input: entry,
    transform: { define: { ...VUE_FLAGS } },
    logLevel: 'silent',
  });
  try {
    const { output } = await bundle.generate({ format: 'es', minify: false });
    const [chunk] = output;
    if (chunk === undefined || output.length !== 1)
      throw new Error(`Vue's runtime built into ${output.length} files`);
    const result = await minify(chunk.code, {
      module: true,
      compress: { passes: 2, pure_getters: true },
      mangle: true,
      format: { comments: false },
    });
    if (result.code === undefined) throw new Error("terser returned no code for Vue's runtime");
    return result.code;
  } finally {
    await bundle.close();
  }
}
