/**
 * Start-up recovery of the file side. The manifest is the truth: temporary files are leftovers of
 * interrupted writes, and a Parquet file it does not list was either landed just before a crash (its offsets
 * were never committed, so the consumer reads them again) or is a compaction output whose swap never
 * happened (its rows are still in the listed files). Both are deleted; then the listed files give the
 * watermarks that make re-read rows duplicates — exactly once across restarts.
 */
import { readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ManifestStore } from '../manifest/store.js';
import { TEMP_MARKER, removeTempFiles } from './atomic-file.js';
import { durableStateOf, type DurableState } from './durable-state.js';
import type { Logger } from '../ingest/log.js';

/** What recovery found and did. */
export interface RecoveryReport {
  durable: DurableState;
  /** Temporary files deleted (absolute paths). */
  removedTemp: string[];
  /** Unlisted Parquet files deleted (paths relative to the root). */
  removedOrphans: string[];
}

async function parquetFiles(root: string): Promise<string[]> {
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith('.parquet'))
      .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Cleans a data root after a crash and reports, per source partition and output partition, the highest
 * offset already landed. Run it once at start, before the sink and the compactor, with the store they will
 * share.
 *
 * @example
 * const store = await ManifestStore.open(root, clock);
 * const { durable } = await recoverSink(store, logger);
 * const writer = new PartitionWriter({ root, store, durable, … });
 */
export async function recoverSink(store: ManifestStore, logger: Logger): Promise<RecoveryReport> {
  const root = store.root;
  const removedTemp = await removeTempFiles(root);
  // Scratch directories of interrupted compactions (`compaction.tmp-…`), emptied by the line above.
  for (const entry of await readdir(root, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || !entry.name.includes(TEMP_MARKER)) continue;
    await rm(join(root, entry.name), { recursive: true, force: true });
    removedTemp.push(join(root, entry.name));
  }
  const manifest = store.current();
  const known = new Set<string>([
    ...manifest.files.map((f) => f.path),
    ...manifest.retired.map((r) => r.path),
    ...manifest.rollups.map((r) => r.path),
  ]);
  const removedOrphans: string[] = [];
  for (const path of await parquetFiles(root)) {
    if (known.has(path)) continue;
    await rm(join(root, path), { force: true });
    removedOrphans.push(path);
  }
  const durable = durableStateOf(manifest.files);
  if (removedTemp.length > 0 || removedOrphans.length > 0) {
    logger.log('warn', 'sink recovery removed unlisted files', {
      temp: removedTemp.length,
      orphans: removedOrphans.length,
    });
  }
  logger.log('info', 'sink recovered', {
    generation: manifest.generation,
    files: manifest.files.length,
    partitions: Object.fromEntries(durable.highest),
  });
  return { durable, removedTemp, removedOrphans };
}
