// Import maps: the type, rebasing a build's relative map to where it is served, merging, and SRI hashes.
// Pure functions (node:crypto only), usable by the API when it serves the console.
import { createHash } from 'node:crypto';

/** An import map (https://html.spec.whatwg.org/multipage/webappapis.html#import-maps), with SRI. */
export interface ImportMap {
  imports: Record<string, string>;
  scopes?: Record<string, Record<string, string>>;
  /** URL → `sha384-…`, checked by the browser when it fetches that module. */
  integrity?: Record<string, string>;
}

/**
 * The SRI value of a file (`sha384-<base64>`).
 *
 * @example sri(readFileSync('dist/root-config.js'))
 */
export function sri(content: string | Uint8Array): string {
  return `sha384-${createHash('sha384').update(content).digest('base64')}`;
}

function rebaseUrl(url: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return url;
  if (/^[a-z][a-z0-9+.-]*:/i.test(base)) return new URL(url, base).href;
  const resolved = new URL(url, new URL(base, 'http://base.invalid/'));
  return `${resolved.pathname}${resolved.search}`;
}

/**
 * A build's import map (URLs relative to its `dist/`) made to point where the build is served.
 *
 * @example rebaseImportMap({ imports: { '@vwu/context': './context.js' } }, '/shell/0.1.0/')
 *          // { imports: { '@vwu/context': '/shell/0.1.0/context.js' } }
 */
export function rebaseImportMap(map: ImportMap, base: string): ImportMap {
  const rebase = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, rebaseUrl(v, base)]));
  const out: ImportMap = { imports: rebase(map.imports) };
  if (map.integrity !== undefined) {
    out.integrity = Object.fromEntries(
      Object.entries(map.integrity).map(([url, hash]) => [rebaseUrl(url, base), hash]),
    );
  }
  if (map.scopes !== undefined) {
    out.scopes = Object.fromEntries(
      Object.entries(map.scopes).map(([scope, r]) => [rebaseUrl(scope, base), rebase(r)]),
    );
  }
  return out;
}

/**
 * Merges import maps; later maps win for the same specifier. One name, one URL: this is where "exactly one
 * copy of Vue on the page" is decided.
 */
export function mergeImportMaps(...maps: ImportMap[]): ImportMap {
  const out: ImportMap = { imports: {}, integrity: {} };
  for (const map of maps) {
    Object.assign(out.imports, map.imports);
    Object.assign(out.integrity as Record<string, string>, map.integrity ?? {});
    if (map.scopes !== undefined) out.scopes = { ...out.scopes, ...map.scopes };
  }
  return out;
}
