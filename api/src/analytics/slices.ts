import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { Hierarchy, Unit } from '@vwu/contracts';
import { sha256File, type ManifestRollup } from '@vwu/pipeline';
import type { FastifyBaseLogger } from 'fastify';
import { isInScope } from '../access/scope.js';

/** Directory of slices inside the analytics URL space (never a directory of the pipeline's data root). */
export const SLICES_PREFIX = 'slices';

/** A rollup file cut to one scope's subtree. */
export interface RollupSlice extends ManifestRollup {
  /** Where the slice lies on disk. */
  file: string;
  /** Scope key it was cut for. */
  scope: string;
  /** Path of the national rollup it was cut from. */
  from: string;
}

const scopeDir = (scope: string): string => `scope=${scope.replace(':', '_')}`;

/**
 * Rollup files cut to a scope. The pipeline's rollups are national (every unit of the country in one file),
 * so a province leader or commune officer cannot be given them; the API cuts each one to the scope's
 * subtree (the units of the scope and below, and the pre-2025 units that went into them) with DuckDB,
 * once per (rollup content, scope), and keeps the cut on disk named by the source's hash. Cutting runs in
 * the background, one file at a time; until a slice is ready the manifest simply does not list it.
 *
 * @example const slice = slices.get(rollup, scope); // undefined until cut; then a rollup entry of its own
 */
export class RollupSlices {
  private readonly ready = new Map<string, RollupSlice>();
  private readonly wanted = new Map<string, { rollup: ManifestRollup; scope: Unit }>();
  private readonly unitsOf = new Map<string, string[]>();
  private running: Promise<void> | undefined;
  private instance: Promise<DuckDBInstance> | undefined;

  /**
   * @param dataDir the pipeline's data root (source rollups).
   * @param dir where slices are kept.
   */
  constructor(
    private readonly dataDir: string,
    private readonly dir: string,
    private readonly hierarchy: Hierarchy,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** The URL-space path of the slice of `rollup` for `scope`. */
  pathOf(rollup: ManifestRollup, scope: string): string {
    return `${SLICES_PREFIX}/${scopeDir(scope)}/${rollup.path.replace(/^rollups\//, '')}`;
  }

  /** The slice if it is cut; otherwise schedules the cut and returns `undefined`. */
  get(rollup: ManifestRollup, scope: Unit): RollupSlice | undefined {
    const path = this.pathOf(rollup, scope.key);
    const known = this.ready.get(path) ?? this.fromDisk(path);
    if (known?.from === rollup.path) return known;
    if (!this.wanted.has(path)) this.wanted.set(path, { rollup, scope });
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return undefined;
  }

  /** A slice already cut, by its URL-space path (for the file route). */
  find(path: string): RollupSlice | undefined {
    return this.ready.get(path) ?? this.fromDisk(path);
  }

  /** Waits until every scheduled cut is done (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  /** Closes the DuckDB instance. */
  async close(): Promise<void> {
    await this.settle();
    (await this.instance)?.closeSync();
  }

  private fromDisk(path: string): RollupSlice | undefined {
    const meta = `${join(this.dir, path)}.json`;
    if (!existsSync(meta)) return undefined;
    const slice = JSON.parse(readFileSync(meta, 'utf8')) as RollupSlice;
    if (!existsSync(slice.file)) return undefined;
    this.ready.set(path, slice);
    return slice;
  }

  private async drain(): Promise<void> {
    this.instance ??= DuckDBInstance.create(':memory:', { threads: '1' });
    const connection = await (await this.instance).connect();
    try {
      for (const [path, { rollup, scope }] of this.wanted) {
        this.wanted.delete(path);
        try {
          this.ready.set(path, await this.cut(connection, path, rollup, scope));
        } catch (error) {
          this.log.error({ err: { message: (error as Error).message }, path }, 'rollup slice failed');
        }
      }
    } finally {
      connection.closeSync();
    }
  }

  private units(scope: Unit): string[] {
    let units = this.unitsOf.get(scope.key);
    if (units === undefined) {
      units = [...this.hierarchy.subtree(scope.key)].map((u) => u.key);
      if (scope.structure === '2025') {
        for (const old of this.hierarchy.units('pre2025'))
          if (isInScope(this.hierarchy, old.key, scope.key)) units.push(old.key);
      }
      this.unitsOf.set(scope.key, units);
    }
    return units;
  }

  private async cut(
    connection: DuckDBConnection,
    path: string,
    rollup: ManifestRollup,
    scope: Unit,
  ): Promise<RollupSlice> {
    await connection.run('CREATE OR REPLACE TEMP TABLE slice_units (unit VARCHAR PRIMARY KEY)');
    const appender = await connection.createAppender('slice_units');
    try {
      for (const unit of this.units(scope)) {
        appender.appendVarchar(unit);
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    const file = join(this.dir, path);
    mkdirSync(join(file, '..'), { recursive: true });
    const temp = `${file}.tmp`;
    rmSync(temp, { force: true });
    await connection.run(
      `COPY (SELECT r.* FROM read_parquet($source) r SEMI JOIN slice_units s ON s.unit = r.unit)
       TO $temp (FORMAT parquet, COMPRESSION zstd)`,
      { source: join(this.dataDir, rollup.path), temp },
      { source: VARCHAR, temp: VARCHAR },
    );
    const counted = await connection.runAndReadAll('SELECT count(*) AS n FROM read_parquet($temp)', { temp });
    renameSync(temp, file);
    const slice: RollupSlice = {
      path,
      grain: rollup.grain,
      view: rollup.view,
      month: rollup.month,
      rows: Number(counted.getRowObjectsJS()[0]?.['n'] ?? 0),
      bytes: statSync(file).size,
      sha256: await sha256File(file),
      file,
      scope: scope.key,
      from: rollup.path,
    };
    writeFileSync(`${file}.json`, JSON.stringify(slice));
    return slice;
  }
}
