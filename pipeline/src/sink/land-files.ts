/**
 * Landing a flush's buffers as raw event files: each buffer becomes one Arrow batch and one Parquet file
 * named by its source partition and offset range, landed atomically. Encoding runs one buffer after another
 * (it is CPU work); up to {@link LANDING_CONCURRENCY} landings are in flight, so the fsyncs of many small
 * files overlap.
 */
import { join } from 'node:path';
import type { ManifestFile } from '../manifest/manifest.js';
import { buildEventBatch, type SinkRecord } from '../parquet/arrow-batch.js';
import type { ParquetEncoder } from '../parquet/encoders.js';
import type { UnitResolver } from '../parquet/unit-resolver.js';
import { landFile, type LandOptions } from './atomic-file.js';
import { partitionDir, rawFileName, type PartitionKey } from './layout.js';

/** Files landed at once by one flush. */
export const LANDING_CONCURRENCY = 32;

/** The rows of one future raw file: one source partition, one output partition, offsets ascending. */
export interface PendingFile {
  key: PartitionKey;
  partition: number;
  records: readonly SinkRecord[];
  /** `occurred_at` range of the records, epoch milliseconds. */
  minTime: number;
  maxTime: number;
}

/**
 * Lands one raw file per pending file and returns their manifest entries in input order (not yet listed).
 * Resolves once
 * every landing settled; rejects with the first error, leaving any landed file unlisted (recovery or the
 * next flush replaces it).
 */
export async function landBuffers(
  pending: readonly PendingFile[],
  root: string,
  encoder: ParquetEncoder,
  resolver: UnitResolver,
  land: LandOptions = {},
): Promise<ManifestFile[]> {
  const files: ManifestFile[] = new Array<ManifestFile>(pending.length);
  const landing = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const [index, b] of pending.entries()) {
    if (failure !== undefined) break;
    const first = b.records[0]!.offset;
    const last = b.records[b.records.length - 1]!.offset;
    const path = `${partitionDir(b.key)}/${rawFileName({ partition: b.partition, firstOffset: first, lastOffset: last })}`;
    const bytes = encoder.encode([buildEventBatch(b.records, resolver)]);
    const task = landFile(join(root, path), bytes, land).then(
      (landed) => {
        files[index] = {
          path,
          type: b.key.type,
          province: b.key.province,
          month: b.key.month,
          rows: b.records.length,
          bytes: landed.bytes,
          min_time: new Date(b.minTime).toISOString(),
          max_time: new Date(b.maxTime).toISOString(),
          sha256: landed.sha256,
          source: { partition: b.partition, first_offset: first, last_offset: last },
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
