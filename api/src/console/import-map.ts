// Import maps on the server: rebasing a build's relative map to where it is served and merging maps (the
// same rules as shell/build/import-map.ts, which the API cannot import across the build boundary).

/** An import map with SRI (`integrity`: URL → 'sha384-…'). */
export interface ImportMap {
  imports: Record<string, string>;
  scopes?: Record<string, Record<string, string>>;
  integrity?: Record<string, string>;
}

function rebaseUrl(url: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return url;
  const resolved = new URL(url, new URL(base, 'http://base.invalid/'));
  return `${resolved.pathname}${resolved.search}`;
}

/**
 * A build's map (URLs relative to its dist/) pointed at the URL prefix it is served under.
 *
 * @example rebaseImportMap({ imports: { '@vwu/x': './x.js' } }, '/bundles/ab12/') // '/bundles/ab12/x.js'
 */
export function rebaseImportMap(map: ImportMap, base: string): ImportMap {
  const rebase = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, rebaseUrl(v, base)]));
  const out: ImportMap = { imports: rebase(map.imports) };
  if (map.integrity !== undefined)
    out.integrity = Object.fromEntries(
      Object.entries(map.integrity).map(([url, hash]) => [rebaseUrl(url, base), hash]),
    );
  if (map.scopes !== undefined)
    out.scopes = Object.fromEntries(
      Object.entries(map.scopes).map(([s, r]) => [rebaseUrl(s, base), rebase(r)]),
    );
  return out;
}

/** Merges maps; a later map wins for the same name (one name, one URL: one copy of Vue on the page). */
export function mergeImportMaps(...maps: ImportMap[]): ImportMap {
  const out: ImportMap = { imports: {}, integrity: {} };
  for (const map of maps) {
    Object.assign(out.imports, map.imports);
    Object.assign(out.integrity as Record<string, string>, map.integrity ?? {});
    if (map.scopes !== undefined) out.scopes = { ...out.scopes, ...map.scopes };
  }
  return out;
}
