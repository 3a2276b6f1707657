// CSS as a string in a micro-frontend's entry, so that its lifecycles add it on mount and remove it on
// unmount (single-spa leaves CSS files on the page forever).
import type { Plugin } from 'vite';

/** The virtual module whose default export is the micro-frontend's CSS. */
export const CSS_MODULE = 'virtual:vwu-mfe-css';
const RESOLVED = `\0${CSS_MODULE}`;
const PLACEHOLDER = '__VWU_MFE_CSS__';

/**
 * `import css from 'virtual:vwu-mfe-css'` gives all of the micro-frontend's CSS (every SFC's scoped styles,
 * lazily loaded parts included) as one minified string. At build the CSS is extracted as usual
 * (`cssCodeSplit: false`), then removed from the output and put in place of a placeholder. In dev the string
 * is empty and Vite's client injects the styles (they then stay after an unmount: dev only).
 */
export function mfeCss(): Plugin {
  let build = false;
  return {
    name: 'vwu:mfe-css',
    enforce: 'post',
    configResolved(config) {
      build = config.command === 'build';
    },
    resolveId(id) {
      return id === CSS_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      return `export default ${JSON.stringify(build ? PLACEHOLDER : '')};`;
    },
    generateBundle(_, bundle) {
      let css = '';
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type === 'asset' && file.endsWith('.css')) {
          css += String(output.source);
          delete bundle[file];
        }
      }
      const quoted = new RegExp(`(["'\`])${PLACEHOLDER}\\1`, 'g');
      let replaced = 0;
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        output.code = output.code.replace(quoted, () => {
          replaced += 1;
          return JSON.stringify(css);
        });
      }
      if (css !== '' && replaced === 0) this.error(`CSS was built but nothing imports ${CSS_MODULE}`);
    },
  };
}
