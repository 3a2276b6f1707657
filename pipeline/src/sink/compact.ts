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
import { isCompacted, type ManifestFile, type RawSource } from '../manifest/manifest.js';
import { ManifestConflictError, type ManifestStore } from '../manifest/store.js';
import { ROW_GROUP_ROWS } from '../parquet/encoders.js';
import { SORT_COLUMNS } from '../parquet/schema.js';
import { landFile, type LandOptions } from './atomic-file.js';
import { compactedFileName, partitionDir, partitionId } from './layout.js';

/** Compaction settings. */
export interface CompactionOptions {
  store: ManifestStore;
  /** The DuckDB instance to merge with (threads and memory are the caller's choice); connections close in the pass. */
  instance: DuckDBInstance;
  /** Partitions merged at once, each on its own connection; default 2. */
  concurrency?: number;
  /** Merged partitions swapped per manifest write; default {@link SWAP_BATCH}. */
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
  concurrency: 2,
} as const;

/** Merged partitions swapped into the manifest per write: one write per partition would dominate at scale. */
export const SWAP_BATCH = 64;

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

interface Merged {
  group: ManifestFile[];
  file: ManifestFile;
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
 * grace period. `concurrency` partitions merge at once, each on its own connection; finished merges are
 * swapped into the manifest {@link SWAP_BATCH} at a time, each swap one atomic write. Safe to run while the
 * sink lands files and readers read.
 *
 * @example
 * const report = await compact({ store, instance, clock: systemClock, logger });
 */
export async function compact(options: CompactionOptions): Promise<CompactionReport> {
  const smallBytes = options.smallBytes ?? COMPACTION_DEFAULTS.smallBytes;
  const minFiles = options.minFiles ?? COMPACTION_DEFAULTS.minFiles;
  const concurrency = Math.max(1, options.concurrency ?? COMPACTION_DEFAULTS.concurrency);
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
  const connections: DuckDBConnection[] = [];
  let pending: Merged[] = [];
  let swapping: Promise<void> = Promise.resolve();
  const flushSwaps = (): void => {
    const batch = pending;
    pending = [];
    if (batch.length > 0) swapping = swapping.then(() => swap(options, batch, report));
  };
  try {
    for (let i = 0; i < Math.min(concurrency, plan.length); i++)
      connections.push(await options.instance.connect());
    let next = 0;
    let failed = false;
    const workers = await Promise.allSettled(
      connections.map(async (connection) => {
        for (let g = next++; g < plan.length && !failed; g = next++) {
          const group = plan[g]!;
          try {
            pending.push({ group, file: await mergeFiles(options.store, connection, group, options.land) });
          } catch (error) {
            failed = true;
            throw error;
          }
          if (pending.length >= swapBatch) flushSwaps();
        }
      }),
    );
    flushSwaps();
    await swapping;
    const failure = workers.find((w): w is PromiseRejectedResult => w.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  } finally {
    for (const connection of connections) connection.closeSync();
  }
  report.deleted = await options.store.sweep(options.graceMs ?? COMPACTION_DEFAULTS.graceMs);
  report.seconds = (performance.now() - started) / 1000;
  options.logger.log('info', 'compaction pass', { ...report, deleted: report.deleted.length });
  return report;
}
