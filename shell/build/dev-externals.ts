// The shared packages stay bare imports in Vite's dev server too, so that the page's import map resolves
// them to the one copy the shell serves (Vite would otherwise serve its own pre-bundled Vue: two Vues).
import type { Plugin } from 'vite';

const PREFIX = '\0vwu-shared:';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Dev-server plugins that keep `names` as bare specifiers. Vite's import analysis ignores `external` in dev
 * and rewrites every import to a URL of its own; so each shared name resolves to a placeholder module
 * (`\0vwu-shared:<name>`, an empty module the browser never asks for), and a last plugin, run after import
 * analysis, turns the placeholder's URL back into the bare name. Use with `optimizeDeps.exclude: names`.
 */
export function devExternals(names: readonly string[]): Plugin {
  const pattern = new RegExp(`(["'])/@id/__x00__vwu-shared:(${names.map(escape).join('|')})\\1`, 'g');
  const restore: Plugin = {
    name: 'vwu:dev-externals-restore',
    transform(code) {
      return code.includes('vwu-shared:') ? { code: code.replace(pattern, '$1$2$1'), map: null } : undefined;
    },
  };
  return {
    name: 'vwu:dev-externals',
    apply: 'serve',
    enforce: 'pre',
    configResolved(config) {
      (config.plugins as Plugin[]).push(restore);
    },
    resolveId(id) {
      return names.includes(id) ? `${PREFIX}${id}` : undefined;
    },
    load(id) {
      return id.startsWith(PREFIX) ? 'export {};' : undefined;
    },
  };
}
