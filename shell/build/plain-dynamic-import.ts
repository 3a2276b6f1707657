// Dynamic imports without Vite's preload helper.
import type { Plugin } from 'vite';

const HELPER = '\0vite/preload-helper.js';

/**
 * Replaces Vite's preload helper (≈1.2 KB gzip in every build that has a lazy chunk) by a plain call. The
 * helper appends `<link rel="modulepreload">` and CSS links to `<head>`, which outlive a micro-frontend's
 * unmount; with `modulePreload: false` and CSS carried as strings there is nothing for it to preload anyway.
 * A failed lazy import still rejects, so the slot's error panel sees it.
 */
export function plainDynamicImport(): Plugin {
  return {
    name: 'vwu:plain-dynamic-import',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      return id === HELPER ? 'export const __vitePreload = (load) => load();' : undefined;
    },
  };
}
