// Renders the console's HTML page from the shell's template and the current import map. Used by the test
// server and the preview; the API serving the console does the same (it owns the import map).
import { createHash } from 'node:crypto';
import type { ImportMap } from './import-map.js';

/** The placeholder in `dist/index.html` where the page's head is inserted. */
export const HEAD_PLACEHOLDER = '<!--vwu:head-->';

/** What a console page needs. */
export interface ConsolePageOptions {
  /** The final import map (absolute URLs). */
  importMap: ImportMap;
  /** URL of the shell's stylesheet. */
  stylesheet: string;
  /** Import-map name of the root config (default '@vwu/root-config'). */
  entry?: string;
  /** Prefix of the API (default '/api'). */
  apiBase?: string;
  /** A layout to use instead of the shell's default (routes, time limits). */
  layout?: unknown;
  /** A CSP nonce for the inline import map; without it, allow the returned hash in `script-src`. */
  nonce?: string;
}

/** A rendered page and the CSP source that allows its inline import map. */
export interface ConsolePage {
  html: string;
  /** `'sha256-…'` of the import map script, for `script-src`. */
  importMapHash: string;
}

/** JSON safe inside a `<script>` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The console page: the import map inline before any module script, then the shell's stylesheet and its
 * root config as a module script (with SRI when the map has it). No other inline script, so a strict CSP
 * (`script-src 'self' '<importMapHash>'`) holds.
 *
 * @example
 * const { html, importMapHash } = renderConsolePage(template, { importMap, stylesheet: '/shell/assets/root-config-x.css' });
 */
export function renderConsolePage(template: string, options: ConsolePageOptions): ConsolePage {
  if (!template.includes(HEAD_PLACEHOLDER)) throw new Error(`The template has no ${HEAD_PLACEHOLDER}`);
  const entryName = options.entry ?? '@vwu/root-config';
  const entry = options.importMap.imports[entryName];
  if (entry === undefined) throw new Error(`The import map has no ${entryName}`);
  const mapJson = scriptJson(options.importMap);
  const nonce = options.nonce === undefined ? '' : ` nonce="${attr(options.nonce)}"`;
  const integrity = options.importMap.integrity?.[entry];
  const head = [
    `<meta name="vwu-api-base" content="${attr(options.apiBase ?? '/api')}">`,
    `<script type="importmap"${nonce}>${mapJson}</script>`,
    `<link rel="stylesheet" href="${attr(options.stylesheet)}">`,
    options.layout === undefined
      ? ''
      : `<script type="application/json" id="vwu-layout">${scriptJson(options.layout)}</script>`,
    `<script type="module" src="${attr(entry)}"${integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : ''}></script>`,
  ].filter((line) => line !== '');
  return {
    html: template.replace(HEAD_PLACEHOLDER, head.join('\n    ')),
    importMapHash: `'sha256-${createHash('sha256').update(mapJson).digest('base64')}'`,
  };
}
