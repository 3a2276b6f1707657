import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  MANIFEST_FILE,
  emptyManifest,
  readManifest,
  type Manifest,
  type ManifestFile,
  type ManifestRollup,
} from '@vwu/pipeline';

/** A listed file of either kind, found by path. */
export type ListedEntry = { kind: 'event'; file: ManifestFile } | { kind: 'rollup'; rollup: ManifestRollup };

/** The manifest as last read, with its entries by path. */
export interface LoadedManifest {
  manifest: Manifest;
  byPath: ReadonlyMap<string, ListedEntry>;
}

function index(manifest: Manifest): LoadedManifest {
  const byPath = new Map<string, ListedEntry>();
  for (const file of manifest.files) byPath.set(file.path, { kind: 'event', file });
  for (const rollup of manifest.rollups) byPath.set(rollup.path, { kind: 'rollup', rollup });
  return { manifest, byPath };
}

/**
 * Reads the pipeline's `manifest.json` through the pipeline's own reader (the only list of files readers
 * may use) and keeps it until the file changes: each call costs one `stat`, a new generation one parse.
 * A data root without a manifest reads as an empty manifest.
 *
 * @example const { manifest, byPath } = await new ManifestSource(config.analytics.dir).load();
 */
export class ManifestSource {
  private cached: { stamp: string; loaded: LoadedManifest } | undefined;
  private pending: Promise<LoadedManifest> | undefined;

  /** @param dir the pipeline's data root. */
  constructor(readonly dir: string) {}

  /**
   * The current manifest.
   *
   * @throws ManifestFormatError for a manifest the pipeline's reader refuses; I/O errors other than ENOENT.
   */
  async load(): Promise<LoadedManifest> {
    const stamp = await this.stamp();
    if (stamp === undefined) return index(emptyManifest(new Date(0).toISOString()));
    if (this.cached?.stamp === stamp) return this.cached.loaded;
    this.pending ??= readManifest(this.dir)
      .then((manifest) => {
        const loaded = index(manifest);
        this.cached = { stamp, loaded };
        return loaded;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  private async stamp(): Promise<string | undefined> {
    try {
      const s = await stat(join(this.dir, MANIFEST_FILE));
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
