/**
 * Which months' rollups are out of date. The sink reports the months of every file it lands; a periodic
 * task recomputes them. So that a crash between a landing and its rollup loses nothing, the rows each
 * month's rollups were computed from are kept in `<stateDir>/rollups.json`: at start every month whose
 * listed rows differ from that record is dirty (compaction keeps row counts, so it never dirties a month).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Manifest, ManifestFile } from '../manifest/manifest.js';
import { touchedMonths } from '../rollup/rollup.js';
import { landText } from '../sink/atomic-file.js';

/** Listed rows per month. */
function rowsByMonth(files: readonly Pick<ManifestFile, 'month' | 'rows'>[]): Map<string, number> {
  const rows = new Map<string, number>();
  for (const f of files) rows.set(f.month, (rows.get(f.month) ?? 0) + f.rows);
  return rows;
}

/** Months waiting for a rollup update, and the record of what was rolled up. */
export class RollupTracker {
  private readonly dirty = new Set<string>();

  private constructor(
    private readonly path: string,
    private readonly done: Map<string, number>,
  ) {}

  /**
   * Loads the record at `path` and marks dirty every month whose listed rows differ from it.
   *
   * @example const tracker = await RollupTracker.open(join(stateDir, 'rollups.json'), store.current());
   */
  static async open(path: string, manifest: Manifest): Promise<RollupTracker> {
    let done = new Map<string, number>();
    try {
      done = new Map(Object.entries(JSON.parse(await readFile(path, 'utf8')) as Record<string, number>));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const tracker = new RollupTracker(path, done);
    const listed = rowsByMonth(manifest.files);
    for (const month of new Set([...listed.keys(), ...manifest.rollups.map((r) => r.month)]))
      if (listed.get(month) !== done.get(month))
        tracker.touched(manifest.files.filter((f) => f.month === month));
    for (const month of listed.keys()) if (listed.get(month) !== done.get(month)) tracker.dirty.add(month);
    return tracker;
  }

  /** Marks the months whose rollups landed files change dirty (see `touchedMonths`). */
  touched(files: readonly Pick<ManifestFile, 'month' | 'type'>[]): void {
    for (const month of touchedMonths(files)) this.dirty.add(month);
  }

  /** Months waiting, oldest first. */
  pending(): string[] {
    return [...this.dirty].sort();
  }

  /**
   * Takes up to `max` waiting months, newest first, for an update (they are dirty again after
   * {@link RollupTracker.failed}).
   */
  take(max = Number.POSITIVE_INFINITY): string[] {
    const months = this.pending().reverse().slice(0, max);
    for (const m of months) this.dirty.delete(m);
    return months;
  }

  /** Puts months back after a failed update. */
  failed(months: readonly string[]): void {
    for (const m of months) this.dirty.add(m);
  }

  /** Records the rows the updated months were computed from (the manifest at the update). */
  async updated(months: readonly string[], files: readonly ManifestFile[]): Promise<void> {
    const listed = rowsByMonth(files);
    for (const month of months) {
      const rows = listed.get(month);
      if (rows === undefined) this.done.delete(month);
      else this.done.set(month, rows);
    }
    await mkdir(dirname(this.path), { recursive: true });
    await landText(this.path, JSON.stringify(Object.fromEntries(this.done)));
  }
}
