/**
 * Many partitions merged by one DuckDB statement. A pass over a busy root has thousands of partitions with
 * a few small files each; one `COPY … PARTITION BY` per batch writes all their merged files natively, where
 * a statement per partition would spend its time on per-statement and per-file overhead. Each output file is
 * then fsynced and renamed to its content-hash name in its partition's directory — still unlisted: the
 * caller lists them (and retires their inputs) in one manifest write. A crash before that leaves only
 * unlisted files, which recovery deletes.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { INTEGER, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { sourceRanges, type ManifestFile, type RawSource } from '../manifest/manifest.js';
import type { ManifestStore } from '../manifest/store.js';
import { ROW_GROUP_ROWS } from '../parquet/encoders.js';
import { SORT_COLUMNS } from '../parquet/schema.js';
import { TEMP_MARKER, ensureDirectory, fsyncPath, randomSuffix, sha256File } from './atomic-file.js';
import { compactedFileName, partitionDir, partitionId } from './layout.js';

/** One partition's merged file (landed, not listed) and the files it replaces. */
export interface Merged {
  group: ManifestFile[];
  file: ManifestFile;
}

/** Per source partition, the lowest first and highest last offset of the merged files. */
export function mergedOffsets(files: readonly ManifestFile[]): RawSource[] {
  const byPartition = new Map<number, RawSource>();
  for (const file of files) {
    for (const range of sourceRanges(file.source)) {
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

/** The manifest entry of a merged file. */
export function mergedEntry(
  group: readonly ManifestFile[],
  path: string,
  bytes: number,
  sha256: string,
): ManifestFile {
  const first = group[0]!;
  return {
    path,
    type: first.type,
    province: first.province,
    month: first.month,
    rows: group.reduce((n, f) => n + f.rows, 0),
    bytes,
    min_time: group.reduce((m, f) => (f.min_time < m ? f.min_time : m), first.min_time),
    max_time: group.reduce((m, f) => (f.max_time > m ? f.max_time : m), first.max_time),
    sha256,
    source: { compacted_from: group.length, offsets: mergedOffsets(group) },
  };
}

/**
 * Merges every group (the small files of one partition each) with one `COPY … PARTITION_BY`, rows sorted
 * by {@link SORT_COLUMNS} within each output, and lands one file per group under its content-hash name.
 *
 * @throws when DuckDB fails or an output's row count differs from its inputs'; nothing is listed then and
 * every output of the batch is removed.
 */
export async function mergeGroups(
  store: ManifestStore,
  connection: DuckDBConnection,
  groups: readonly (readonly ManifestFile[])[],
): Promise<Merged[]> {
  const root = store.root;
  const scratch = join(root, `compaction${TEMP_MARKER}${randomSuffix()}`);
  const files = groups.flatMap((g) => g.map((f) => join(root, f.path)));
  const parts = groups.flatMap((g, i) => g.map(() => i));
  const landed: string[] = [];
  try {
    await connection.run(
      `COPY (
         SELECT * EXCLUDE (filename) FROM read_parquet($files, filename = true)
         JOIN (SELECT unnest($files) AS filename, unnest($parts) AS vwu_part) USING (filename)
         ORDER BY vwu_part, ${SORT_COLUMNS.join(', ')}
       ) TO $dir (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS}, PARTITION_BY (vwu_part),
                  FILENAME_PATTERN 'merged${TEMP_MARKER}{i}')`,
      { files: listValue(files), parts: listValue(parts), dir: scratch },
      { files: LIST(VARCHAR), parts: LIST(INTEGER), dir: VARCHAR },
    );
    const outputs: string[] = [];
    for (const [i, group] of groups.entries()) {
      const names = await readdir(join(scratch, `vwu_part=${i}`));
      if (names.length !== 1)
        throw new Error(`merged ${partitionId(group[0]!)}: ${names.length} output files, expected 1`);
      outputs.push(join(scratch, `vwu_part=${i}`, names[0]!));
    }
    const counted = await connection.runAndReadAll(
      'SELECT file_name, sum(num_rows)::BIGINT AS n FROM parquet_file_metadata($files) GROUP BY file_name',
      { files: listValue(outputs) },
      { files: LIST(VARCHAR) },
    );
    const rowsOf = new Map(counted.getRowObjectsJS().map((r) => [String(r['file_name']), Number(r['n'])]));
    const merged: Merged[] = [];
    const dirs = new Set<string>();
    for (const [i, group] of groups.entries()) {
      const output = outputs[i]!;
      const expected = group.reduce((n, f) => n + f.rows, 0);
      if (rowsOf.get(output) !== expected)
        throw new Error(
          `merged ${partitionId(group[0]!)}: ${String(rowsOf.get(output))} rows, expected ${expected}`,
        );
      await fsyncPath(output);
      const sha256 = await sha256File(output);
      const dir = partitionDir(group[0]!);
      const path = `${dir}/${compactedFileName(sha256)}`;
      await ensureDirectory(join(root, dir));
      await rename(output, join(root, path));
      landed.push(join(root, path));
      dirs.add(join(root, dir));
      merged.push({
        group: [...group],
        file: mergedEntry(group, path, (await stat(join(root, path))).size, sha256),
      });
    }
    for (const dir of dirs) await fsyncPath(dir);
    return merged;
  } catch (error) {
    for (const path of landed) await rm(path, { force: true });
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
