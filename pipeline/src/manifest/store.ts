/**
 * The one writer of `manifest.json`. Holds the current manifest in memory, applies changes one at a time
 * (the sink's landings and the compactor's swaps queue behind each other), and writes every generation
 * atomically. A change is cheap at scale: files are kept in a map by path, and one flush of many partitions
 * is one write.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { landText, type LandOptions } from '../sink/atomic-file.js';
import type { Clock } from '../ingest/log.js';
import {
  MANIFEST_FILE,
  MANIFEST_VERSION,
  readManifest,
  type Manifest,
  type ManifestFile,
  type ManifestRollup,
  type RetiredFile,
} from './manifest.js';

/** One atomic change to the manifest. */
export interface ManifestChange {
  /** Files to list. A path already listed is an error. */
  add?: readonly ManifestFile[];
  /** Listed files to take out; they move to `retired` until {@link ManifestStore.sweep} deletes them. */
  retire?: readonly string[];
  /** Rollup files to list, replacing any listed under the same path. */
  rollups?: readonly ManifestRollup[];
  /** Rollup paths to take out (retired like files). */
  retireRollups?: readonly string[];
}

/** Thrown when a change does not fit the current manifest (a path listed twice, a retire of an unlisted file). */
export class ManifestConflictError extends Error {
  override readonly name = 'ManifestConflictError';
}

const byPath = (a: { path: string }, b: { path: string }): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/**
 * Owns `manifest.json` under a data root. One store per root and process: it is the serialisation point.
 *
 * @example
 * const store = await ManifestStore.open(root, systemClock);
 * await store.commit({ add: [file] });
 */
export class ManifestStore {
  private readonly files = new Map<string, ManifestFile>();
  private readonly rollups = new Map<string, ManifestRollup>();
  private retired: RetiredFile[];
  private generation: number;
  private published: Manifest;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly root: string,
    private readonly clock: Clock,
    initial: Manifest,
    private readonly landOptions: LandOptions,
  ) {
    for (const f of initial.files) this.files.set(f.path, f);
    for (const r of initial.rollups) this.rollups.set(r.path, r);
    this.retired = [...initial.retired];
    this.generation = initial.generation;
    this.published = initial;
  }

  /** Opens the store of a data root, reading the manifest written last (or starting empty). */
  static async open(root: string, clock: Clock, landOptions: LandOptions = {}): Promise<ManifestStore> {
    return new ManifestStore(root, clock, await readManifest(root), landOptions);
  }

  /** The manifest as last written. Treat as read-only. */
  current(): Manifest {
    return this.published;
  }

  /**
   * Applies a change and writes the new generation atomically; resolves once it is durable. Changes run in
   * call order. On a failed write the in-memory manifest is left as it was.
   *
   * @throws ManifestConflictError when the change does not fit; nothing is written.
   */
  commit(change: ManifestChange): Promise<Manifest> {
    const run = this.queue.then(() => this.apply(change));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Deletes retired files older than `graceMs` and drops them from the manifest. Readers holding an older
   * generation had `graceMs` to finish with them.
   *
   * @returns the deleted paths.
   */
  sweep(graceMs: number): Promise<string[]> {
    const run = this.queue.then(async () => {
      const cutoff = this.clock.now() - graceMs;
      const due = this.retired.filter((r) => Date.parse(r.retired_at) <= cutoff);
      if (due.length === 0) return [];
      for (const r of due) await rm(join(this.root, r.path), { force: true });
      const gone = new Set(due.map((r) => r.path));
      await this.write(this.retired.filter((r) => !gone.has(r.path)));
      return [...gone];
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(change: ManifestChange): Promise<Manifest> {
    for (const file of change.add ?? []) {
      if (this.files.has(file.path)) throw new ManifestConflictError(`${file.path} is already listed`);
    }
    for (const path of change.retire ?? []) {
      if (!this.files.has(path)) throw new ManifestConflictError(`${path} is not listed, cannot retire it`);
    }
    for (const path of change.retireRollups ?? []) {
      if (!this.rollups.has(path)) throw new ManifestConflictError(`rollup ${path} is not listed`);
    }
    const previous = { files: new Map(this.files), rollups: new Map(this.rollups) };
    const at = new Date(this.clock.now()).toISOString();
    const retiredNow: RetiredFile[] = [];
    for (const path of change.retire ?? []) {
      this.files.delete(path);
      retiredNow.push({ path, retired_at: at });
    }
    for (const path of change.retireRollups ?? []) {
      this.rollups.delete(path);
      retiredNow.push({ path, retired_at: at });
    }
    for (const file of change.add ?? []) this.files.set(file.path, file);
    for (const rollup of change.rollups ?? []) {
      const replaced = this.rollups.get(rollup.path);
      if (replaced !== undefined && replaced.sha256 !== rollup.sha256) {
        throw new ManifestConflictError(
          `rollup ${rollup.path} exists with other content; land it under a new name`,
        );
      }
      this.rollups.set(rollup.path, rollup);
    }
    try {
      return await this.write([...this.retired, ...retiredNow]);
    } catch (error) {
      this.files.clear();
      for (const [k, v] of previous.files) this.files.set(k, v);
      this.rollups.clear();
      for (const [k, v] of previous.rollups) this.rollups.set(k, v);
      throw error;
    }
  }

  private async write(retired: RetiredFile[]): Promise<Manifest> {
    const manifest: Manifest = {
      version: MANIFEST_VERSION,
      generation: this.generation + 1,
      generated_at: new Date(this.clock.now()).toISOString(),
      files: [...this.files.values()].sort(byPath),
      retired,
      rollups: [...this.rollups.values()].sort(byPath),
    };
    await landText(join(this.root, MANIFEST_FILE), JSON.stringify(manifest), this.landOptions);
    this.generation = manifest.generation;
    this.retired = retired;
    this.published = manifest;
    return manifest;
  }
}
