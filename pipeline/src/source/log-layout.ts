/**
 * Where the embedded log keeps things, and its metadata file:
 *
 *     <dir>/log.json                           { format, version, partitions }, fixed at creation
 *     <dir>/writer.lock                        pid of the one process appending
 *     <dir>/partitions/<p>/<base offset>.log   segments, 20-digit zero-padded base offset
 *     <dir>/groups/<group>.json                committed offsets of a consumer group
 *     <dir>/groups/<group>.lock                pid of the one consumer of that group
 *     <dir>/dead-letters/*.ndjson              dead letters in embedded mode (ingest)
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './files.js';

const FORMAT = 'vwu-event-log';
const VERSION = 1;
const SEGMENT_SUFFIX = '.log';

/** The fixed shape of a log. */
export interface LogMeta {
  format: typeof FORMAT;
  version: typeof VERSION;
  partitions: number;
}

/** Thrown when a directory holds something other than a usable embedded log. */
export class EventLogError extends Error {
  override readonly name = 'EventLogError';
}

/** Directory of one partition's segments. */
export function partitionDir(dir: string, partition: number): string {
  return join(dir, 'partitions', String(partition));
}

/** Path of the segment starting at `baseOffset`. */
export function segmentPath(dir: string, partition: number, baseOffset: number): string {
  return join(partitionDir(dir, partition), `${String(baseOffset).padStart(20, '0')}${SEGMENT_SUFFIX}`);
}

/** Base offsets of a partition's segments, ascending; empty when the partition has none yet. */
export async function listSegments(dir: string, partition: number): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(partitionDir(dir, partition));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => /^\d{20}\.log$/.test(name))
    .map((name) => Number(name.slice(0, 20)))
    .sort((a, b) => a - b);
}

/** Path of a consumer group's file (`.json` offsets or `.lock`); the group id is made file-name safe. */
export function groupPath(dir: string, groupId: string, suffix: '.json' | '.lock'): string {
  return join(dir, 'groups', `${encodeURIComponent(groupId).replace(/\*/g, '%2A')}${suffix}`);
}

/** Reads `log.json`; `undefined` when the directory has no log yet. */
export async function readLogMeta(dir: string): Promise<LogMeta | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, 'log.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const meta = JSON.parse(text) as Partial<LogMeta>;
  if (
    meta.format !== FORMAT ||
    meta.version !== VERSION ||
    !Number.isInteger(meta.partitions) ||
    (meta.partitions ?? 0) < 1
  ) {
    throw new EventLogError(`${join(dir, 'log.json')} is not a ${FORMAT} v${VERSION} description`);
  }
  return meta as LogMeta;
}

/**
 * The log's metadata, creating it with `partitions` (default 3) on first use. An existing log keeps its
 * partition count: changing it would move keys to other partitions.
 */
export async function ensureLogMeta(dir: string, partitions: number | undefined): Promise<LogMeta> {
  const existing = await readLogMeta(dir);
  if (existing !== undefined) {
    if (partitions !== undefined && partitions !== existing.partitions) {
      throw new EventLogError(
        `${dir} was created with ${existing.partitions} partitions, not ${partitions}; keys would move to other partitions (use a new directory)`,
      );
    }
    return existing;
  }
  const count = partitions ?? 3;
  if (!Number.isInteger(count) || count < 1 || count > 1024)
    throw new EventLogError(`partitions must be 1–1024, got ${count}`);
  const meta: LogMeta = { format: FORMAT, version: VERSION, partitions: count };
  await writeFileAtomic(join(dir, 'log.json'), `${JSON.stringify(meta)}\n`);
  return meta;
}
