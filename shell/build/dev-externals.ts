// The shared packages stay bare imports in Vite's dev server too, so that the page's import map resolves
// them to the one copy the shell serves (Vite would otherwise serve its own pre-bundled Vue: two Vues).
import type { Plugin } from 'vite';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Dev-server plugins that keep `names` as bare specifiers. Vite's import analysis ignores `external` in dev
 * and rewrites an unresolvable bare import to `/@id/<name>`; a last plugin, added after import analysis,
 * turns it back into the bare name. Use with `optimizeDeps.exclude: names`.
 */
export function devExternals(names: readonly string[]): Plugin {
  const pattern = new RegExp(`(["'])/@id/(${names.map(escape).join('|')})\\1`, 'g');
  const restore: Plugin = {
    name: 'vwu:dev-externals-restore',
    transform(code) {
      return code.includes('/@id/') ? { code: code.replace(pattern, '$1$2$1'), map: null } : undefined;
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
      return names.includes(id) ? { id, external: true } : undefined;
    },
  };
}
