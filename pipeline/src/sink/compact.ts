/**
 * Compaction: per output partition, merge the small files into one file sorted by (occurred_at, event_id)
 * with DuckDB native, land it atomically, then swap the manifest entries in one atomic write (the new file
 * in, the merged files out to `retired`). Readers of any manifest generation see every row exactly once:
 * before the swap only the small files are listed, after it only the merged one. The small files stay on
 * disk for a grace period so readers still holding an older generation can finish.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Clock, Logger } from '../ingest/log.js';
import { isCompacted, type ManifestFile, type RawSource } from '../manifest/manifest.js';
import { ManifestConflictError, type ManifestStore } from '../manifest/store.js';
import { ROW_GROUP_ROWS } from '../parquet/encoders.js';
import { landFile, type LandOptions } from './atomic-file.js';
import { compactedFileName, partitionDir, partitionId } from './layout.js';

/** Compaction settings. */
export interface CompactionOptions {
  store: ManifestStore;
  /** A DuckDB connection the caller owns (threads and memory are the caller's choice). */
  connection: DuckDBConnection;
  clock: Clock;
  logger: Logger;
  /** Files below this size are merged; default 32 MiB. */
  smallBytes?: number;
  /** A partition is compacted once it has this many small files; default 2. */
  minFiles?: number;
  /** Retired files are deleted this long after their swap; default 5 minutes. */
  graceMs?: number;
  land?: LandOptions;
}

/** What one compaction pass did. */
export interface CompactionReport {
  partitions: number;
  filesIn: number;
  filesOut: number;
  rows: number;
  bytesIn: number;
  bytesOut: number;
  seconds: number;
  /** Retired files deleted by the sweep at the end of the pass. */
  deleted: string[];
}

/** Default compaction thresholds. */
export const COMPACTION_DEFAULTS = { smallBytes: 32 * 1024 * 1024, minFiles: 2, graceMs: 5 * 60_000 } as const;

/** The small files of each partition that should be merged, by partition id. */
export function compactionPlan(files: readonly ManifestFile[], smallBytes: number, minFiles: number): ManifestFile[][] {
  const groups = new Map<string, ManifestFile[]>();
  for (const file of files) {
    if (file.bytes >= smallBytes) continue;
    const id = partitionId(file);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [file]);
    else group.push(file);
  }
  return [...groups.values()].filter((g) => g.length >= minFiles);
}

/** Per source partition, the lowest first and highest last offset of the merged files. */
function mergedOffsets(files: readonly ManifestFile[]): RawSource[] {
  const byPartition = new Map<number, RawSource>();
  for (const file of files) {
    for (const range of isCompacted(file.source) ? file.source.offsets : [file.source]) {
      const seen = byPartition.get(range.partition);
      byPartition.set(range.partition, {
        partition: range.partition,
        first_offset: Math.min(seen?.first_offset ?? range.first_offset, range.first_offset),
        last_offset: Math.max(seen?.last_offset ?? range.last_offset, range.last_offset),
      });
    }
  }
  return [...byPartition.values()].sort((a, b) => a.partition - b.partition);
}

/**
 * Merges one partition's files into one sorted file and lands it (not yet listed).
 *
 * @throws when DuckDB fails or the merged row count differs from the listed one; nothing is listed then.
 */
export async function mergeFiles(
  store: ManifestStore,
  connection: DuckDBConnection,
  files: readonly ManifestFile[],
  land: LandOptions = {},
): Promise<ManifestFile> {
  const first = files[0];
  if (first === undefined) throw new RangeError('nothing to merge');
  const root = store.root;
  const inputs = listValue(files.map((f) => join(root, f.path)));
  const landed = await landFile(
    (sha256) => join(root, partitionDir(first), compactedFileName(sha256)),
    async (tempPath) => {
      await connection.run(
        `COPY (SELECT * FROM read_parquet($files) ORDER BY occurred_at, event_id) TO $path ` +
          `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS})`,
        { files: inputs, path: tempPath },
        { files: LIST(VARCHAR), path: VARCHAR },
      );
    },
    land,
  );
  const rows = files.reduce((n, f) => n + f.rows, 0);
  const counted = await connection.runAndReadAll('SELECT count(*) AS n FROM read_parquet($path)', { path: landed.path });
  if (Number(counted.getRowObjectsJS()[0]?.['n']) !== rows) {
    throw new Error(`merged ${partitionId(first)}: ${String(counted.getRowObjectsJS()[0]?.['n'])} rows, expected ${rows}`);
  }
  return {
    path: `${partitionDir(first)}/${compactedFileName(landed.sha256)}`,
    type: first.type,
    province: first.province,
    month: first.month,
    rows,
    bytes: landed.bytes,
    min_time: files.reduce((m, f) => (f.min_time < m ? f.min_time : m), first.min_time),
    max_time: files.reduce((m, f) => (f.max_time > m ? f.max_time : m), first.max_time),
    sha256: landed.sha256,
    source: { compacted_from: files.length, offsets: mergedOffsets(files) },
  };
}

/**
 * One compaction pass over every partition with enough small files, then a sweep of retired files past their
 * grace period. Safe to run while the sink lands files and readers read: each swap is one manifest write,
 * and a swap whose inputs changed meanwhile is abandoned.
 *
 * @example
 * const report = await compact({ store, connection, clock: systemClock, logger });
 */
export async function compact(options: CompactionOptions): Promise<CompactionReport> {
  const smallBytes = options.smallBytes ?? COMPACTION_DEFAULTS.smallBytes;
  const minFiles = options.minFiles ?? COMPACTION_DEFAULTS.minFiles;
  const started = performance.now();
  const report: CompactionReport = { partitions: 0, filesIn: 0, filesOut: 0, rows: 0, bytesIn: 0, bytesOut: 0, seconds: 0, deleted: [] };
  for (const group of compactionPlan(options.store.current().files, smallBytes, minFiles)) {
    const merged = await mergeFiles(options.store, options.connection, group, options.land);
    try {
      await options.store.commit({ add: [merged], retire: group.map((f) => f.path) });
    } catch (error) {
      if (!(error instanceof ManifestConflictError)) throw error;
      if (!options.store.current().files.some((f) => f.path === merged.path)) await rm(join(options.store.root, merged.path), { force: true });
      options.logger.log('warn', 'compaction swap abandoned: the partition changed meanwhile', { partition: partitionId(group[0]!), error: error.message });
      continue;
    }
    report.partitions += 1;
    report.filesIn += group.length;
    report.filesOut += 1;
    report.rows += merged.rows;
    report.bytesIn += group.reduce((n, f) => n + f.bytes, 0);
    report.bytesOut += merged.bytes;
  }
  report.deleted = await options.store.sweep(options.graceMs ?? COMPACTION_DEFAULTS.graceMs);
  report.seconds = (performance.now() - started) / 1000;
  options.logger.log('info', 'compaction pass', { ...report, deleted: report.deleted.length });
  return report;
}
