/**
 * What the listed files already hold, per source partition and output partition: the highest Kafka offset
 * landed. Because each (source partition, output partition) buffer is written in offset order and every
 * flush lists its files in one manifest write, the rows landed for a pair are exactly those at or below its
 * watermark — so a re-read row is a duplicate exactly when its offset is at or below the watermark.
 */
import { sourceRanges, type ManifestFile } from '../manifest/manifest.js';
import { partitionId, type PartitionKey } from './layout.js';

/** Highest landed offsets. */
export interface DurableState {
  /** Per `${sourcePartition}|${type}/${province}/${month}`: the highest landed offset. */
  watermarks: Map<string, number>;
  /** Per source partition: the highest offset in any listed file. */
  highest: Map<number, number>;
}

/** The watermark key of a source partition and an output partition. */
export function watermarkKey(sourcePartition: number, key: PartitionKey): string {
  return `${sourcePartition}|${partitionId(key)}`;
}

/** Raises the watermarks with one more landed range. */
export function recordLanded(
  state: DurableState,
  sourcePartition: number,
  key: PartitionKey,
  lastOffset: number,
): void {
  const k = watermarkKey(sourcePartition, key);
  state.watermarks.set(k, Math.max(state.watermarks.get(k) ?? -1, lastOffset));
  state.highest.set(sourcePartition, Math.max(state.highest.get(sourcePartition) ?? -1, lastOffset));
}

/**
 * The durable state the listed files describe.
 *
 * @example const state = durableStateOf(store.current().files); state.highest.get(0) // 41_999
 */
export function durableStateOf(files: readonly ManifestFile[]): DurableState {
  const state: DurableState = { watermarks: new Map(), highest: new Map() };
  for (const file of files) {
    for (const range of sourceRanges(file.source))
      recordLanded(state, range.partition, file, range.last_offset);
  }
  return state;
}
