/**
 * The pipeline's `manifest.json` as the browser reads it (version 1, `pipeline/src/manifest/manifest.ts`;
 * test/node/manifest-compat.test.ts checks that the pipeline's type and files fit this one). The API serves
 * it at `/api/analytics/manifest.json`, filtered to the user's scope, and the files next to it.
 */

/** One event file. */
export interface ManifestFile {
  /** Relative to the data base URL, `/`-separated. */
  path: string;
  /**
   * Where to fetch the file when not `path` under the base URL (e.g. a signed URL issued by the API: the
   * worker cannot attach the session's access token). Optional.
   */
  url?: string;
  type: string;
  /** Current province key, e.g. '2025:80'. */
  province: string;
  /** Vietnam calendar month 'YYYY-MM'. */
  month: string;
  rows: number;
  bytes: number;
  min_time: string;
  max_time: string;
  sha256: string;
}

/** One rollup file (national views come from these, not from raw events). */
export interface ManifestRollup {
  path: string;
  grain: 'month' | 'day';
  view: 'current' | 'recorded';
  month: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** The manifest document. */
export interface AnalyticsManifest {
  version: 1;
  generation: number;
  generated_at: string;
  files: ManifestFile[];
  rollups: ManifestRollup[];
}

/** Thrown for a manifest this code cannot read. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

function fail(message: string): never {
  throw new ManifestError(`manifest.json: ${message}`);
}

function checkFile(value: unknown, index: number): ManifestFile {
  const f = value as Partial<ManifestFile> | null;
  const where = `files[${index}]`;
  if (typeof f !== 'object' || f === null) fail(`${where} is not an object`);
  if (typeof f.path !== 'string' || f.path.startsWith('/') || f.path.split('/').includes('..'))
    fail(`${where}.path`);
  if (typeof f.type !== 'string' || typeof f.province !== 'string') fail(`${where} type/province`);
  if (typeof f.month !== 'string' || !/^\d{4}-\d{2}$/.test(f.month)) fail(`${where}.month`);
  if (!Number.isInteger(f.rows) || !Number.isInteger(f.bytes)) fail(`${where} rows/bytes`);
  if (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256)) fail(`${where}.sha256`);
  if (f.url !== undefined && typeof f.url !== 'string') fail(`${where}.url`);
  return f as ManifestFile;
}

/**
 * Checks a parsed `manifest.json` (the shape the browser relies on, not every pipeline detail).
 *
 * @throws ManifestError naming the first problem.
 * @example const manifest = parseManifest(await api.get('/analytics/manifest.json'));
 */
export function parseManifest(value: unknown): AnalyticsManifest {
  const m = value as Partial<AnalyticsManifest> | null;
  if (typeof m !== 'object' || m === null) fail('not an object');
  if (m.version !== 1) fail(`version ${String(m.version)}, expected 1`);
  if (!Number.isInteger(m.generation)) fail('generation');
  if (!Array.isArray(m.files)) fail('files');
  m.files.forEach(checkFile);
  return { ...m, rollups: Array.isArray(m.rollups) ? m.rollups : [] } as AnalyticsManifest;
}
