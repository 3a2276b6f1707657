/**
 * Landing a flush's buffers as raw event files. Buffers of one output partition from different source
 * partitions share a file (up to `maxRowsPerFile` rows): month-ordered data spreads every landing over
 * thousands of type × province × month partitions, and each file costs a fixed amount of encoding, syscalls
 * and fsyncs, so fewer, larger files are what makes landing keep up. A file is encoded by the direct encoder,
 * named by its (lowest) source partition and offset range and landed atomically; encoding runs one file after
 * another (CPU work) while up to {@link LANDING_CONCURRENCY} landings are in flight, so fsyncs overlap.
 */
import { join } from 'node:path';
import type { ManifestFile, RawSource } from '../manifest/manifest.js';
import type { SinkRecord } from '../parquet/arrow-batch.js';
import type { EventFileEncoder } from '../parquet/direct-encoder.js';
import type { UnitResolver } from '../parquet/unit-resolver.js';
import { ensureDirectory, landFile, type LandOptions } from './atomic-file.js';
import { partitionDir, partitionId, rawFileName, type PartitionKey } from './layout.js';

/** Files landed at once by one flush. */
export const LANDING_CONCURRENCY = 32;

/** The rows of one buffer: one source partition, one output partition, offsets ascending. */
export interface PendingFile {
  key: PartitionKey;
  partition: number;
  records: readonly SinkRecord[];
  /** `occurred_at` range of the records, epoch milliseconds. */
  minTime: number;
  maxTime: number;
}

/** Options of {@link landBuffers}. */
export interface LandBuffersOptions {
  land?: LandOptions;
  /** Partition directories known to exist (they are never removed); filled as directories are made. */
  directories?: Set<string>;
  /** Buffers share a file while it stays within this many rows; default: no limit. */
  maxRowsPerFile?: number;
}

/**
 * Groups buffers into files: per output partition, at most one buffer of each source partition per file and
 * at most `maxRows` rows (a single larger buffer keeps its own file). Buffers of one pair stay in order.
 */
export function groupIntoFiles(pending: readonly PendingFile[], maxRows: number): PendingFile[][] {
  const files: PendingFile[][] = [];
  const open = new Map<string, { buffers: PendingFile[]; rows: number }>();
  for (const buffer of pending) {
    const id = partitionId(buffer.key);
    const group = open.get(id);
    if (
      group !== undefined &&
      group.rows + buffer.records.length <= maxRows &&
      !group.buffers.some((b) => b.partition === buffer.partition)
    ) {
      group.buffers.push(buffer);
      group.rows += buffer.records.length;
      continue;
    }
    const next = { buffers: [buffer], rows: buffer.records.length };
    files.push(next.buffers);
    open.set(id, next);
  }
  return files.map((buffers) => buffers.sort((a, b) => a.partition - b.partition));
}

function rangeOf(b: PendingFile): RawSource {
  return {
    partition: b.partition,
    first_offset: b.records[0]!.offset,
    last_offset: b.records[b.records.length - 1]!.offset,
  };
}

/**
 * Lands the buffers as raw files and returns their manifest entries (not yet listed). Resolves once every
 * landing settled; rejects with the first error, leaving any landed file unlisted (recovery or the next
 * flush replaces it).
 */
export async function landBuffers(
  pending: readonly PendingFile[],
  root: string,
  encoder: EventFileEncoder,
  resolver: UnitResolver,
  options: LandBuffersOptions = {},
): Promise<ManifestFile[]> {
  const directories = options.directories ?? new Set<string>();
  const groups = groupIntoFiles(pending, options.maxRowsPerFile ?? Number.POSITIVE_INFINITY);
  const files: ManifestFile[] = new Array<ManifestFile>(groups.length);
  const landing = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const dir of new Set(pending.map((b) => partitionDir(b.key)))) {
    if (directories.has(dir)) continue;
    await ensureDirectory(join(root, dir));
    directories.add(dir);
  }
  const land: LandOptions = { ...options.land, directoryReady: true };
  for (const [index, group] of groups.entries()) {
    if (failure !== undefined) break;
    const first = group[0]!;
    const ranges = group.map(rangeOf);
    const lowest = ranges[0]!;
    const name = rawFileName({
      partition: lowest.partition,
      firstOffset: lowest.first_offset,
      lastOffset: lowest.last_offset,
      more: ranges.length - 1,
    });
    const path = `${partitionDir(first.key)}/${name}`;
    const records = group.length === 1 ? first.records : group.flatMap((b) => b.records);
    const bytes = encoder.encode(records, resolver);
    const task = landFile(join(root, path), bytes, land).then(
      (landed) => {
        files[index] = {
          path,
          type: first.key.type,
          province: first.key.province,
          month: first.key.month,
          rows: records.length,
          bytes: landed.bytes,
          min_time: new Date(Math.min(...group.map((b) => b.minTime))).toISOString(),
          max_time: new Date(Math.max(...group.map((b) => b.maxTime))).toISOString(),
          sha256: landed.sha256,
          source: ranges.length === 1 ? lowest : { offsets: ranges },
        };
      },
      (error: unknown) => {
        failure ??= { error };
      },
    );
    landing.add(task);
    void task.finally(() => landing.delete(task));
    if (landing.size >= LANDING_CONCURRENCY) await Promise.race(landing);
  }
  await Promise.all(landing);
  if (failure !== undefined) throw failure.error;
  return files;
}
