// Checks an uploaded bundle before anything is stored: its deploy.json, that the entry is there and exports
// the single-spa lifecycles, that every module the page would load resolves (to a file of the bundle or a
// shared package of the import map), and that the build's SRI hashes match the files. Static: the code is
// lexed (es-module-lexer), never run on the server.
import { createHash } from 'node:crypto';
import { init, parse } from 'es-module-lexer';
import type { ArchiveFile } from './archive.js';

/** Names every module may import bare: the shared packages the shell's import map provides. */
export const SHARED_IMPORTS: readonly string[] = ['vue', 'pinia', 'single-spa', '@vwu/context'];
/** Exports a module entry must have, and the only ones it may have. */
export const LIFECYCLES: readonly string[] = ['bootstrap', 'mount', 'unmount'];
/** Module names that belong to the shell and cannot be deployed as a module. */
export const RESERVED_APPS: readonly string[] = ['shell', 'context', 'root-config'];

const APP_NAME = /^[a-z][a-z0-9-]{1,39}$/;
const VERSION = /^\d{1,6}\.\d{1,6}\.\d{1,6}(?:-[0-9A-Za-z.-]{1,40})?$/;
/** Files a bundle may not carry: a page from the console's origin could run anything. */
const REFUSED_EXTENSIONS = /\.(?:html?|xhtml|shtml|svgz?)$/i;

/** Why a bundle was refused, in a sentence that names the file or field. */
export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

/** A file of a verified bundle. */
export interface BundleFile {
  path: string;
  data: Buffer;
  sha256: string;
  size: number;
}

/** A bundle that passed every check. */
export interface VerifiedBundle {
  app: string;
  version: string;
  /** The entry file, e.g. 'mfe-members.js'. */
  entry: string;
  /** Import-map entries and SRI of every JS file, URLs relative to the bundle ('./mfe-members.js'). */
  importMap: { imports: Record<string, string>; integrity: Record<string, string> };
  files: BundleFile[];
  /** sha256 over the sorted paths and file hashes: the same content always has the same hash. */
  bundleHash: string;
  totalBytes: number;
}

/** Whether `app` may be deployed under that name. */
export function isAppName(app: string): boolean {
  return APP_NAME.test(app) && !RESERVED_APPS.includes(app);
}

function sha(algorithm: 'sha256' | 'sha384', data: Buffer, encoding: 'hex' | 'base64'): string {
  return createHash(algorithm).update(data).digest(encoding);
}

/** The archive's files with a single top folder holding deploy.json ('dist/…') taken off. */
function rooted(files: readonly ArchiveFile[]): ArchiveFile[] {
  if (files.some((f) => f.path === 'deploy.json')) return [...files];
  const tops = new Set(files.map((f) => f.path.split('/')[0]));
  const [top] = tops;
  if (tops.size === 1 && top !== undefined && files.some((f) => f.path === `${top}/deploy.json`))
    return files.map((f) => ({ path: f.path.slice(top.length + 1), data: f.data }));
  throw new BundleError('deploy.json is missing at the top of the archive');
}

interface DeployJson {
  name: string;
  version: string;
  imports: Record<string, string>;
  integrity: Record<string, string>;
}

function readDeployJson(data: Buffer | undefined): DeployJson {
  let raw: unknown;
  try {
    raw = JSON.parse(data?.toString('utf8') ?? '');
  } catch {
    throw new BundleError('deploy.json is not valid JSON');
  }
  const m = raw as {
    name?: unknown;
    version?: unknown;
    importMap?: { imports?: unknown; integrity?: unknown };
  };
  const strings = (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string');
  if (typeof m?.name !== 'string' || typeof m.version !== 'string' || !strings(m.importMap?.imports))
    throw new BundleError('deploy.json needs "name", "version" and "importMap.imports"');
  if (m.importMap?.integrity !== undefined && !strings(m.importMap.integrity))
    throw new BundleError('deploy.json "importMap.integrity" must map file URLs to sha384 hashes');
  return {
    name: m.name,
    version: m.version,
    imports: m.importMap?.imports as Record<string, string>,
    integrity: (m.importMap?.integrity ?? {}) as Record<string, string>,
  };
}

/** './a/b.js' relative to 'x/y.js' → 'x/a/b.js'; `undefined` when it leaves the bundle. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split(/[?#]/)[0]?.split('/') ?? []) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** Lexes the module graph from the entry: every import must resolve; returns the entry's exports. */
function checkGraph(
  entry: string,
  byPath: ReadonlyMap<string, Buffer>,
  ownNames: readonly string[],
): string[] {
  const queue = [entry];
  const seen = new Set(queue);
  let entryExports: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    let lexed: ReturnType<typeof parse>;
    try {
      lexed = parse((byPath.get(path) as Buffer).toString('utf8'), path);
    } catch {
      throw new BundleError(`${path} is not a valid ES module`);
    }
    const [imports, exports] = lexed;
    if (path === entry) entryExports = exports.map((e) => e.n);
    for (const specifier of imports.map((i) => i.n)) {
      if (specifier === undefined || /^(?:data|blob):/.test(specifier)) continue;
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(specifier))
        throw new BundleError(`${path} imports "${specifier}" from another host; bundle it instead`);
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = specifier.startsWith('/') ? undefined : resolveRelative(path, specifier);
        if (target === undefined || !byPath.has(target))
          throw new BundleError(`${path} imports "${specifier}", which is not in the bundle`);
        if (!seen.has(target) && /\.m?js$/.test(target)) {
          seen.add(target);
          queue.push(target);
        }
      } else if (!SHARED_IMPORTS.includes(specifier) && !ownNames.includes(specifier)) {
        throw new BundleError(
          `${path} imports "${specifier}", which the import map does not provide (shared: ${SHARED_IMPORTS.join(', ')})`,
        );
      }
    }
  }
  return entryExports;
}

/**
 * Checks the files of an uploaded archive as a bundle of module `app`.
 *
 * @throws BundleError naming the first problem found.
 * @example const bundle = await verifyBundle('mfe-members', readTarGz(upload, limits));
 */
export async function verifyBundle(
  app: string,
  archiveFiles: readonly ArchiveFile[],
): Promise<VerifiedBundle> {
  await init;
  const files = rooted(archiveFiles);
  const byPath = new Map(files.map((f) => [f.path, f.data]));
  const manifest = readDeployJson(byPath.get('deploy.json'));
  const name = `@vwu/${app}`;
  if (manifest.name !== name)
    throw new BundleError(`deploy.json names "${manifest.name}", but it is uploaded as ${name}`);
  if (!VERSION.test(manifest.version))
    throw new BundleError(`version "${manifest.version}" is not of the form 1.2.3 or 1.2.3-beta.1`);
  const refused = files.find((f) => REFUSED_EXTENSIONS.test(f.path));
  if (refused !== undefined) throw new BundleError(`${refused.path}: HTML and SVG files are not served`);
  const imports: Record<string, string> = {};
  for (const [specifier, url] of Object.entries(manifest.imports)) {
    if (specifier !== name && !specifier.startsWith(`${name}/`))
      throw new BundleError(`the import map may only name ${name} and ${name}/…, not "${specifier}"`);
    const target = url.startsWith('./') ? resolveRelative('deploy.json', url) : undefined;
    if (target === undefined || !byPath.has(target) || !/\.m?js$/.test(target))
      throw new BundleError(`"${specifier}" points to "${url}", which is not a JS file of the bundle`);
    imports[specifier] = `./${target}`;
  }
  const entryUrl = imports[name];
  if (entryUrl === undefined) throw new BundleError(`the import map has no entry for ${name}`);
  const entry = entryUrl.slice(2);
  const exported = checkGraph(entry, byPath, Object.keys(imports));
  const missing = LIFECYCLES.filter((l) => !exported.includes(l));
  if (missing.length > 0) throw new BundleError(`${entry} does not export ${missing.join(', ')}`);
  const extra = exported.filter((e) => !LIFECYCLES.includes(e));
  if (extra.length > 0)
    throw new BundleError(
      `${entry} exports ${extra.join(', ')}; an entry exports only ${LIFECYCLES.join(', ')}`,
    );
  const integrity: Record<string, string> = {};
  const out: BundleFile[] = [];
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    out.push({
      path: file.path,
      data: file.data,
      sha256: sha('sha256', file.data, 'hex'),
      size: file.data.length,
    });
    if (!/\.m?js$/.test(file.path)) continue;
    const computed = `sha384-${sha('sha384', file.data, 'base64')}`;
    const declared = manifest.integrity[`./${file.path}`];
    if (declared !== undefined && declared !== computed)
      throw new BundleError(
        `${file.path} does not match its integrity in deploy.json (changed after the build?)`,
      );
    integrity[`./${file.path}`] = computed;
  }
  const bundleHash = createHash('sha256')
    .update(out.map((f) => `${f.path}\u0000${f.sha256}\n`).join(''))
    .digest('hex');
  return {
    app,
    version: manifest.version,
    entry,
    importMap: { imports, integrity },
    files: out,
    bundleHash,
    totalBytes: out.reduce((sum, f) => sum + f.size, 0),
  };
}
