/**
 * Compaction: per output partition, merge the small files into one file sorted by (occurred_at, event_id)
 * with DuckDB native, land it atomically, then swap the manifest entries in one atomic write (the new file
 * in, the merged files out to `retired`). Readers of any manifest generation see every row exactly once:
 * before the swap only the small files are listed, after it only the merged one. The small files stay on
 * disk for a grace period so readers still holding an older generation can finish.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBInstance } from '@duckdb/node-api';
import type { Clock, Logger } from '../ingest/log.js';
import type { ManifestFile } from '../manifest/manifest.js';
import { ManifestConflictError, type ManifestStore } from '../manifest/store.js';
import { ROW_GROUP_ROWS } from '../parquet/encoders.js';
import { SORT_COLUMNS } from '../parquet/schema.js';
import { landFile, type LandOptions } from './atomic-file.js';
import { compactedFileName, partitionDir, partitionId } from './layout.js';
import { mergeGroups, mergedEntry, type Merged } from './compact-batch.js';

/** Compaction settings. */
export interface CompactionOptions {
  store: ManifestStore;
  /** The DuckDB instance to merge with (threads and memory are the caller's choice); its connection closes in the pass. */
  instance: DuckDBInstance;
  /** Partitions merged by one DuckDB statement and swapped by one manifest write; default {@link SWAP_BATCH}. */
  swapBatch?: number;
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
export const COMPACTION_DEFAULTS = {
  smallBytes: 32 * 1024 * 1024,
  minFiles: 2,
  graceMs: 5 * 60_000,
} as const;

/**
 * Partitions merged by one statement and swapped by one manifest write: per-statement, per-file and
 * per-write overheads would dominate a pass over thousands of partitions of a few small files each.
 */
export const SWAP_BATCH = 256;

/** The small files of each partition that should be merged, by partition id. */
export function compactionPlan(
  files: readonly ManifestFile[],
  smallBytes: number,
  minFiles: number,
): ManifestFile[][] {
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
        `COPY (SELECT * FROM read_parquet($files) ORDER BY ${SORT_COLUMNS.join(', ')}) TO $path ` +
          `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS})`,
        { files: inputs, path: tempPath },
        { files: LIST(VARCHAR), path: VARCHAR },
      );
    },
    land,
  );
  const rows = files.reduce((n, f) => n + f.rows, 0);
  const counted = await connection.runAndReadAll('SELECT count(*) AS n FROM read_parquet($path)', {
    path: landed.path,
  });
  if (Number(counted.getRowObjectsJS()[0]?.['n']) !== rows) {
    throw new Error(
      `merged ${partitionId(first)}: ${String(counted.getRowObjectsJS()[0]?.['n'])} rows, expected ${rows}`,
    );
  }
  return mergedEntry(
    files,
    `${partitionDir(first)}/${compactedFileName(landed.sha256)}`,
    landed.bytes,
    landed.sha256,
  );
}

/**
 * Lists merged files and retires their inputs in one manifest write; on a conflict (an input no longer
 * listed), retries each merge alone and abandons — and deletes — the ones that still conflict.
 */
async function swap(
  options: CompactionOptions,
  merged: readonly Merged[],
  report: CompactionReport,
): Promise<void> {
  const { store } = options;
  const apply = (m: Merged): void => {
    report.partitions += 1;
    report.filesIn += m.group.length;
    report.filesOut += 1;
    report.rows += m.file.rows;
    report.bytesIn += m.group.reduce((n, f) => n + f.bytes, 0);
    report.bytesOut += m.file.bytes;
  };
  const change = (ms: readonly Merged[]) => ({
    add: ms.map((m) => m.file),
    retire: ms.flatMap((m) => m.group.map((f) => f.path)),
  });
  try {
    await store.commit(change(merged));
    merged.forEach(apply);
    return;
  } catch (error) {
    if (!(error instanceof ManifestConflictError)) throw error;
  }
  for (const m of merged) {
    try {
      await store.commit(change([m]));
      apply(m);
    } catch (error) {
      if (!(error instanceof ManifestConflictError)) throw error;
      if (!store.current().files.some((f) => f.path === m.file.path))
        await rm(join(store.root, m.file.path), { force: true });
      options.logger.log('warn', 'compaction swap abandoned: the partition changed meanwhile', {
        partition: partitionId(m.file),
        error: error.message,
      });
    }
  }
}

/**
 * One compaction pass over every partition with enough small files, then a sweep of retired files past their
 * grace period. Partitions are merged {@link SWAP_BATCH} at a time by one DuckDB statement and swapped into
 * the manifest by one atomic write per batch. Safe to run while the sink lands files and readers read.
 *
 * @example
 * const report = await compact({ store, instance, clock: systemClock, logger });
 */
export async function compact(options: CompactionOptions): Promise<CompactionReport> {
  const smallBytes = options.smallBytes ?? COMPACTION_DEFAULTS.smallBytes;
  const minFiles = options.minFiles ?? COMPACTION_DEFAULTS.minFiles;
  const swapBatch = Math.max(1, options.swapBatch ?? SWAP_BATCH);
  const started = performance.now();
  const report: CompactionReport = {
    partitions: 0,
    filesIn: 0,
    filesOut: 0,
    rows: 0,
    bytesIn: 0,
    bytesOut: 0,
    seconds: 0,
    deleted: [],
  };
  const plan = compactionPlan(options.store.current().files, smallBytes, minFiles);
  if (plan.length > 0) {
    const connection = await options.instance.connect();
    try {
      for (let start = 0; start < plan.length; start += swapBatch) {
        const batch = plan.slice(start, start + swapBatch);
        const merged =
          batch.length === 1
            ? [
                {
                  group: batch[0]!,
                  file: await mergeFiles(options.store, connection, batch[0]!, options.land),
                },
              ]
            : await mergeGroups(options.store, connection, batch);
        await swap(options, merged, report);
      }
    } finally {
      connection.closeSync();
    }
  }
  report.deleted = await options.store.sweep(options.graceMs ?? COMPACTION_DEFAULTS.graceMs);
  report.seconds = (performance.now() - started) / 1000;
  options.logger.log('info', 'compaction pass', { ...report, deleted: report.deleted.length });
  return report;
}
