/**
 * `npm run bench:encoders [-- --events N]` — the file side's figures, measured on about N demo events
 * (medium scale, default 1 M):
 *
 * 1. Encoders. The files the sink would write, encoded by the direct encoder (records → Parquet, the sink's
 *    choice), and as Arrow batches by parquet-wasm and by DuckDB native (rows appended through data chunks,
 *    then `COPY … TO (FORMAT parquet, COMPRESSION zstd)`), in two shapes:
 *    one file per output partition (what the sink lands) and 100 k-row batches per type (no per-file
 *    overhead). Sampled files are read back with DuckDB native and parquet-wasm and compared value by value.
 * 2. Sink. The real `PartitionWriter` (direct encoder → atomic landing → manifest) over four source
 *    partitions, rotation by count only.
 * 3. Compaction. One `compact()` pass over what the sink landed: per partition, DuckDB merges the files of
 *    the four source partitions into one sorted file and the manifest swaps them atomically. Then the merge
 *    engine alone on one large partition (every meeting, in 20 k-row files).
 *
 * The last line of output is one JSON object with the figures.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { RecordBatch } from 'apache-arrow';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadHierarchy } from '@vwu/contracts/node';
import { generateEvents } from '../demo/events.js';
import { buildWorld } from '../demo/world.js';
import { silentLogger, systemClock } from '../ingest/log.js';
import { ManifestStore } from '../manifest/store.js';
import { buildEventBatch, occurredAtMs, type SinkRecord } from '../parquet/arrow-batch.js';
import { duckdbEncoder, wasmFileEncoder, type FileEncoder } from '../parquet/file-encoders.js';
import { directEncoder } from '../parquet/direct-encoder.js';
import { tableRows } from '../parquet/event-rows.js';
import { readRowsDuckDB, readRowsWasm } from '../parquet/readers.js';
import { UnitResolver } from '../parquet/unit-resolver.js';
import { compact } from '../sink/compact.js';
import { landBuffers } from '../sink/land-files.js';
import { vietnamMonth } from '../sink/layout.js';
import { PartitionWriter } from '../sink/partition-writer.js';
import { recoverSink } from '../sink/recovery.js';

const SEED = 2025;
const SOURCE_PARTITIONS = 4;

interface ShapeResult {
  encoder: string;
  shape: string;
  files: number;
  rows: number;
  rowsPerS: number;
  bytes: number;
  roundTrip: boolean;
}

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`--${name} expects a positive number`);
  return value;
}

/** About `target` demo events over four source partitions, each with consecutive offsets. */
function demoRecords(target: number): SinkRecord[] {
  const world = buildWorld(loadHierarchy(), SEED, 'medium');
  const records: SinkRecord[] = [];
  const next = new Array<number>(SOURCE_PARTITIONS).fill(0);
  const ingestedAt = Date.UTC(2026, 0, 1);
  for (const batch of generateEvents(world, { from: '2025-03-01', to: '2025-12-31' })) {
    for (const event of batch) {
      const partition = records.length % SOURCE_PARTITIONS;
      records.push({ event, partition, offset: next[partition]!++, ingestedAt });
    }
    if (records.length >= target) break;
  }
  return records;
}

function groupBy(
  records: readonly SinkRecord[],
  key: (r: SinkRecord) => string,
  maxRows: number,
): SinkRecord[][] {
  const groups = new Map<string, SinkRecord[]>();
  for (const r of records) {
    const k = key(r);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [r]);
    else group.push(r);
  }
  return [...groups.values()].flatMap((g) =>
    Array.from({ length: Math.ceil(g.length / maxRows) }, (_, i) => g.slice(i * maxRows, (i + 1) * maxRows)),
  );
}

async function sampleRoundTrip(
  reader: DuckDBConnection,
  batches: readonly RecordBatch[],
  paths: readonly string[],
): Promise<boolean> {
  const step = Math.max(1, Math.floor(paths.length / 12));
  for (let i = 0; i < paths.length; i += step) {
    const expected = tableRows(batches[i]!);
    if (!isDeepStrictEqual(await readRowsWasm(paths[i]!), expected)) return false;
    if (!isDeepStrictEqual(await readRowsDuckDB(reader, [paths[i]!]), expected)) return false;
  }
  return true;
}

async function runShape(
  encoder: FileEncoder,
  shape: string,
  batches: readonly RecordBatch[],
  dir: string,
  reader: DuckDBConnection,
): Promise<ShapeResult> {
  const paths = batches.map((_, i) => join(dir, `${encoder.name}-${shape}-${i}.parquet`));
  const rows = batches.reduce((n, b) => n + b.numRows, 0);
  const start = performance.now();
  for (let i = 0; i < batches.length; i++) await encoder.write([batches[i]!], paths[i]!);
  const seconds = (performance.now() - start) / 1000;
  let bytes = 0;
  for (const p of paths) bytes += (await stat(p)).size;
  const roundTrip = await sampleRoundTrip(reader, batches, paths);
  for (const p of paths) await rm(p);
  return {
    encoder: encoder.name,
    shape,
    files: paths.length,
    rows,
    rowsPerS: rows / seconds,
    bytes,
    roundTrip,
  };
}

function line(r: ShapeResult): string {
  return (
    `${r.encoder.padEnd(13)} ${r.shape.padEnd(10)} ${String(r.files).padStart(6)} files ` +
    `${(r.rowsPerS / 1000).toFixed(0).padStart(6)} k rows/s  ${(r.bytes / 1e6).toFixed(1).padStart(7)} MB ` +
    `(${(r.bytes / r.rows).toFixed(1)} B/row)  round trip ${r.roundTrip ? 'identical' : 'DIFFERENT'}`
  );
}

async function benchEncoders(
  records: readonly SinkRecord[],
  resolver: UnitResolver,
  instance: DuckDBInstance,
  dir: string,
): Promise<Record<string, unknown>> {
  const partitionOf = (r: SinkRecord): string =>
    `${r.event.type}/${resolver.resolve(r.event.unit_code).currentProvince}/${vietnamMonth(occurredAtMs(r.event))}`;
  const built: Array<[string, RecordBatch[]]> = [];
  const recordsOf = new WeakMap<RecordBatch, SinkRecord[]>();
  let arrowRowsPerS = 0;
  for (const [shape, groups] of [
    ['partition', groupBy(records, partitionOf, 100_000)],
    ['type-100k', groupBy(records, (r) => r.event.type, 100_000)],
  ] as const) {
    const t = performance.now();
    built.push([
      shape,
      groups.map((g) => {
        const batch = buildEventBatch(g, resolver);
        recordsOf.set(batch, g);
        return batch;
      }),
    ]);
    const rate = records.length / ((performance.now() - t) / 1000);
    if (shape === 'partition') arrowRowsPerS = rate;
    console.log(`Arrow batches (${shape}): ${groups.length} batches, ${(rate / 1000).toFixed(0)} k rows/s`);
  }
  const reader = await instance.connect();
  const results: ShapeResult[] = [];
  try {
    const direct = directEncoder();
    const directFile = (): FileEncoder => ({
      name: direct.name,
      write: (batches, path) => writeFile(path, direct.encode(batches.flatMap((b) => recordsOf.get(b)!), resolver)),
      close: () => undefined,
    });
    for (const make of [directFile, wasmFileEncoder, () => duckdbEncoder(instance)]) {
      const encoder = await make();
      try {
        for (const [shape, batches] of built) {
          results.push(await runShape(encoder, shape, batches, dir, reader));
          console.log(line(results[results.length - 1]!));
        }
      } finally {
        encoder.close();
      }
    }
  } finally {
    reader.closeSync();
  }
  const best = results
    .filter((r) => r.roundTrip && r.shape === 'partition')
    .sort((a, b) => b.rowsPerS - a.rowsPerS)[0];
  console.log(
    `choice: ${best?.encoder ?? 'none round-trips'} (fastest on the files the sink lands; rows identical both ways)`,
  );
  const figure = (e: string, s: string): number =>
    Math.round(results.find((r) => r.encoder === e && r.shape === s)?.rowsPerS ?? 0);
  const bytesPerRow = (e: string, s: string): number => {
    const r = results.find((x) => x.encoder === e && x.shape === s);
    return r === undefined ? 0 : Number((r.bytes / r.rows).toFixed(1));
  };
  return {
    arrow_rows_per_s: Math.round(arrowRowsPerS),
    direct_rows_per_s: figure('direct', 'partition'),
    direct_100k_rows_per_s: figure('direct', 'type-100k'),
    direct_100k_bytes_per_row: bytesPerRow('direct', 'type-100k'),
    parquet_wasm_rows_per_s: figure('parquet-wasm', 'partition'),
    parquet_wasm_100k_rows_per_s: figure('parquet-wasm', 'type-100k'),
    parquet_wasm_100k_bytes_per_row: bytesPerRow('parquet-wasm', 'type-100k'),
    duckdb_rows_per_s: figure('duckdb', 'partition'),
    duckdb_100k_rows_per_s: figure('duckdb', 'type-100k'),
    duckdb_100k_bytes_per_row: bytesPerRow('duckdb', 'type-100k'),
    choice: best?.encoder ?? null,
  };
}

async function benchSinkAndCompaction(
  records: readonly SinkRecord[],
  resolver: UnitResolver,
  instance: DuckDBInstance,
  dir: string,
): Promise<Record<string, unknown>> {
  const root = join(dir, 'data');
  const store = await ManifestStore.open(root, systemClock);
  const { durable } = await recoverSink(store, silentLogger);
  const writer = new PartitionWriter({
    root,
    resolver,
    manifest: store,
    clock: systemClock,
    logger: silentLogger,
    durable,
    idleMs: 1e12,
    maxAgeMs: 1e12,
  });
  const t = performance.now();
  for (const r of records) writer.append(r);
  await writer.flushAll();
  const sinkSeconds = (performance.now() - t) / 1000;
  const landed = store.current().files;
  console.log(
    `sink: ${landed.length} files, ${(records.length / sinkSeconds / 1000).toFixed(0)} k rows/s (append → direct encoder → atomic landing → manifest)`,
  );

  const report = await compact({ store, instance, clock: systemClock, logger: silentLogger });
  const rowsPerS = report.rows / report.seconds;
  console.log(
    `compaction: ${report.partitions} partitions, ${report.filesIn} → ${report.filesOut} files, ${report.rows.toLocaleString('en')} rows in ${report.seconds.toFixed(1)} s ` +
      `= ${(rowsPerS / 1000).toFixed(0)} k rows/s; ${(report.bytesIn / 1e6).toFixed(1)} MB → ${(report.bytesOut / 1e6).toFixed(1)} MB`,
  );
  const biggest = [...store.current().files].sort((a, b) => b.rows - a.rows)[0];
  console.log(`largest partition after compaction: ${biggest?.path ?? '-'} (${biggest?.rows ?? 0} rows)`);
  return {
    sink_rows_per_s: Math.round(records.length / sinkSeconds),
    sink_files: landed.length,
    compaction_rows_per_s: Math.round(rowsPerS),
    compaction_partitions: report.partitions,
    compaction_files_in: report.filesIn,
  };
}

/**
 * The merge engine on one large partition: every meeting of the run written as 20 k-row raw files of one
 * synthetic partition, then one compaction pass merges them into one sorted file.
 */
async function benchLargePartition(
  records: readonly SinkRecord[],
  resolver: UnitResolver,
  instance: DuckDBInstance,
  dir: string,
): Promise<Record<string, unknown>> {
  const root = join(dir, 'large');
  const store = await ManifestStore.open(root, systemClock);
  const meetings = records.filter((r) => r.event.type === 'meeting.held');
  const key = { type: 'meeting.held' as const, province: '2025:00', month: '2025-01' };
  const pending = [];
  for (let i = 0; i < meetings.length; i += 20_000) {
    const chunk = meetings.slice(i, i + 20_000).map((r, j) => ({ ...r, partition: 0, offset: i + j }));
    const times = chunk.map((r) => occurredAtMs(r.event));
    pending.push({
      key,
      partition: 0,
      records: chunk,
      minTime: Math.min(...times),
      maxTime: Math.max(...times),
    });
  }
  const files = await landBuffers(pending, root, directEncoder(), resolver);
  await store.commit({ add: files });
  const report = await compact({ store, instance, clock: systemClock, logger: silentLogger });
  const rowsPerS = report.rows / report.seconds;
  console.log(
    `compaction, one large partition: ${report.filesIn} files, ${report.rows.toLocaleString('en')} rows in ` +
      `${report.seconds.toFixed(1)} s = ${(rowsPerS / 1000).toFixed(0)} k rows/s`,
  );
  return { compaction_large_rows_per_s: Math.round(rowsPerS), compaction_large_rows: report.rows };
}

async function main(): Promise<void> {
  const target = argument('events', 1_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'vwu-bench-encoders-'));
  const instance = await DuckDBInstance.create(':memory:');
  try {
    console.log(`${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)}`);
    const t = performance.now();
    const records = demoRecords(target);
    console.log(
      `${records.length.toLocaleString('en')} demo events generated in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const resolver = new UnitResolver(loadHierarchy());
    const encoders = await benchEncoders(records, resolver, instance, dir);
    const files = await benchSinkAndCompaction(records, resolver, instance, dir);
    const large = await benchLargePartition(records, resolver, instance, dir);
    console.log(
      JSON.stringify({
        events: records.length,
        load_average: Number(loadavg()[0]!.toFixed(2)),
        ...encoders,
        ...files,
        ...large,
      }),
    );
  } finally {
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
