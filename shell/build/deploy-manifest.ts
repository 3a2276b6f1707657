// `dist/deploy.json`: what a build deploys — its import-map entries and the SRI of every JS file — so that
// the API's import-map deployment can publish a new version without knowing how it was built.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sri, type ImportMap } from './import-map.js';

/** The deploy manifest of a build. */
export interface DeployManifest {
  /** Package name, e.g. '@vwu/mfe-members'. */
  name: string;
  version: string;
  /** Import-map entries and integrity, URLs relative to `dist/` ('./mfe-members.js'). */
  importMap: ImportMap;
  /** The shell's stylesheet, relative to `dist/` (shell only). */
  stylesheet?: string;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/**
 * Writes `deploy.json` (and `importmap.json`, the import map alone) into `dist`: `imports` maps names to
 * files, and every `.js` file of the build gets an integrity entry (entries, chunks, shared packages).
 *
 * @example writeDeployManifest('dist', { name: '@vwu/mfe-members', version: '0.1.0', imports: { '@vwu/mfe-members': './mfe-members.js' } })
 */
export function writeDeployManifest(
  dist: string,
  manifest: { name: string; version: string; imports: Record<string, string>; stylesheet?: string },
): DeployManifest {
  const integrity: Record<string, string> = {};
  for (const file of files(dist)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    integrity[`./${file}`] = sri(readFileSync(join(dist, file)));
  }
  const importMap: ImportMap = { imports: manifest.imports, integrity };
  const out: DeployManifest = { name: manifest.name, version: manifest.version, importMap };
  if (manifest.stylesheet !== undefined) out.stylesheet = manifest.stylesheet;
  writeFileSync(join(dist, 'deploy.json'), `${JSON.stringify(out, null, 2)}\n`);
  writeFileSync(join(dist, 'importmap.json'), `${JSON.stringify(importMap, null, 2)}\n`);
  return out;
}
