// The shell's build as the API serves it: its deploy.json (import map with SRI, stylesheet), the page
// template, and its files (read once, gzip-compressed once, cached). The build is served under
// `/shell/<hash of deploy.json>/`, so every URL changes when the shell is rebuilt and can be cached forever.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rebaseImportMap, type ImportMap } from './import-map.js';

/** A file ready to send. */
export interface ServedFile {
  data: Buffer;
  /** Gzip-compressed copy, when it is worth it. */
  gzip: Buffer | undefined;
  etag: string;
}

/** The shell build being served. */
export interface ShellBuild {
  /** URL prefix of the build, e.g. '/shell/3f2a…/'. */
  base: string;
  /** The shell's import map, rebased to {@link base}. */
  importMap: ImportMap;
  /** URL of the shell's stylesheet. */
  stylesheet: string;
  /** `dist/index.html`, with the `<!--vwu:head-->` placeholder. */
  template: string;
  /** A file of the build by its path under `dist/`, or `undefined`. */
  file(path: string): ServedFile | undefined;
}

interface DeployJson {
  importMap: ImportMap;
  stylesheet?: string;
}

/**
 * Loads the shell's build from `dist`, reloading it when its deploy.json changes (a rebuild while the API
 * runs); `undefined` while the shell is not built.
 *
 * @example const shell = shellLoader('/repo/shell/dist'); shell()?.importMap
 */
export function shellLoader(dist: string): () => ShellBuild | undefined {
  let loaded: { mtimeMs: number; build: ShellBuild } | undefined;
  return () => {
    const manifestPath = join(dist, 'deploy.json');
    if (!existsSync(manifestPath) || !existsSync(join(dist, 'index.html'))) return undefined;
    const { mtimeMs } = statSync(manifestPath);
    if (loaded?.mtimeMs === mtimeMs) return loaded.build;
    const raw = readFileSync(manifestPath);
    const manifest = JSON.parse(raw.toString('utf8')) as DeployJson;
    const base = `/shell/${createHash('sha256').update(raw).digest('hex').slice(0, 16)}/`;
    const cache = new Map<string, ServedFile | undefined>();
    const root = normalize(dist + sep);
    const build: ShellBuild = {
      base,
      importMap: rebaseImportMap(manifest.importMap, base),
      stylesheet: `${base}${(manifest.stylesheet ?? '').replace(/^\.\//, '')}`,
      template: readFileSync(join(dist, 'index.html'), 'utf8'),
      file(path) {
        if (cache.has(path)) return cache.get(path);
        const full = normalize(join(dist, path));
        let served: ServedFile | undefined;
        if (full.startsWith(root) && existsSync(full) && statSync(full).isFile()) {
          const data = readFileSync(full);
          const gzip = data.length > 1024 ? gzipSync(data) : undefined;
          served = {
            data,
            gzip: gzip !== undefined && gzip.length < data.length * 0.9 ? gzip : undefined,
            etag: `"${createHash('sha256').update(data).digest('hex').slice(0, 32)}"`,
          };
        }
        cache.set(path, served);
        return served;
      },
    };
    loaded = { mtimeMs, build };
    return build;
  };
}
