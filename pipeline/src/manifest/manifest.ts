/**
 * `manifest.json`: the one list of files readers may use. Every file the pipeline lands is listed here only
 * once it is durable; a file leaves the list in the same atomic write that lists its replacement, so any
 * generation of the manifest names every row exactly once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_TYPES, type EventType } from '@vwu/contracts';

/** File name of the manifest under the data root. */
export const MANIFEST_FILE = 'manifest.json';

/** Manifest format version. */
export const MANIFEST_VERSION = 1;

/** The Kafka offsets a raw file holds: every row of its partition key from one source partition in the range. */
export interface RawSource {
  partition: number;
  first_offset: number;
  last_offset: number;
}

/**
 * A raw file holding the rows of one output partition from several source partitions of one landing: per
 * source partition, every row of the file's partition key in the range.
 */
export interface MultiRawSource {
  offsets: RawSource[];
}

/** A compacted file: how many files it merged and, per source partition, the lowest and highest offset in it. */
export interface CompactedSource {
  compacted_from: number;
  offsets: RawSource[];
}

/** One event file. */
export interface ManifestFile {
  /** Relative to the data root, `/`-separated. */
  path: string;
  type: EventType;
  /** Current province unit key, e.g. `2025:04`. */
  province: string;
  /** Vietnam calendar month `YYYY-MM`. */
  month: string;
  rows: number;
  bytes: number;
  /** Earliest and latest `occurred_at`, ISO instants in UTC. */
  min_time: string;
  max_time: string;
  sha256: string;
  source: RawSource | MultiRawSource | CompactedSource;
}

/** A file taken out of the manifest, kept on disk until readers of older generations are done with it. */
export interface RetiredFile {
  path: string;
  retired_at: string;
}

/** One rollup file: aggregates of one grain and view for one month. */
export interface ManifestRollup {
  path: string;
  /** `month`: unit × month; `day`: unit × day. */
  grain: 'month' | 'day';
  /** `current`: figures carried to the current units with weights; `recorded`: units as recorded. */
  view: 'current' | 'recorded';
  month: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** The manifest document. */
export interface Manifest {
  version: typeof MANIFEST_VERSION;
  /** Increases by one with every write. */
  generation: number;
  generated_at: string;
  files: ManifestFile[];
  retired: RetiredFile[];
  rollups: ManifestRollup[];
}

/** Thrown when `manifest.json` exists but is not a manifest this code can read. */
export class ManifestFormatError extends Error {
  override readonly name = 'ManifestFormatError';
}

/** The manifest of an empty data root. */
export function emptyManifest(generatedAt: string): Manifest {
  return {
    version: MANIFEST_VERSION,
    generation: 0,
    generated_at: generatedAt,
    files: [],
    retired: [],
    rollups: [],
  };
}

/** Whether a file entry came from compaction. */
export function isCompacted(source: ManifestFile['source']): source is CompactedSource {
  return 'compacted_from' in source;
}

/**
 * The offset ranges a file holds, one per source partition.
 *
 * @example sourceRanges({ partition: 0, first_offset: 5, last_offset: 9 }) // [that range]
 */
export function sourceRanges(source: ManifestFile['source']): readonly RawSource[] {
  return 'offsets' in source ? source.offsets : [source];
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ManifestFormatError(`manifest.json: ${message}`);
}

function checkFile(value: unknown, index: number): asserts value is ManifestFile {
  const file = value as Partial<ManifestFile> | null;
  const where = `files[${index}]`;
  check(typeof file === 'object' && file !== null, `${where} is not an object`);
  check(
    typeof file.path === 'string' && !file.path.startsWith('/') && !file.path.includes('..'),
    `${where}.path`,
  );
  check(EVENT_TYPES.includes(file.type as EventType), `${where}.type "${String(file.type)}"`);
  check(typeof file.province === 'string' && typeof file.month === 'string', `${where} province/month`);
  check(Number.isInteger(file.rows) && Number.isInteger(file.bytes), `${where} rows/bytes`);
  check(typeof file.sha256 === 'string' && /^[0-9a-f]{64}$/.test(file.sha256), `${where}.sha256`);
  check(typeof file.source === 'object' && file.source !== null, `${where}.source`);
}

/**
 * Parses and checks manifest text.
 *
 * @throws ManifestFormatError when the text is not a version-1 manifest.
 */
export function parseManifest(text: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ManifestFormatError(`manifest.json is not JSON: ${(error as Error).message}`);
  }
  const manifest = value as Partial<Manifest> | null;
  check(typeof manifest === 'object' && manifest !== null, 'not an object');
  check(
    manifest.version === MANIFEST_VERSION,
    `version ${String(manifest.version)}, expected ${MANIFEST_VERSION}`,
  );
  check(Number.isInteger(manifest.generation), 'generation');
  check(
    Array.isArray(manifest.files) && Array.isArray(manifest.retired) && Array.isArray(manifest.rollups),
    'lists',
  );
  manifest.files.forEach(checkFile);
  return manifest as Manifest;
}

/**
 * Reads the manifest of a data root; an empty manifest (generation 0) when none was written yet. Readers
 * (API, browser) list files only through this.
 *
 * @throws ManifestFormatError for a manifest this code cannot read.
 * @example
 * const { files } = await readManifest('/var/lib/vwu');
 * const meetings = files.filter((f) => f.type === 'meeting.held' && f.province === '2025:04');
 */
export async function readManifest(root: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(root, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyManifest(new Date(0).toISOString());
    throw error;
  }
  return parseManifest(text);
}
