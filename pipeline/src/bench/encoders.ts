/**
 * `npm run bench:encoders [-- --events N]` — which Parquet encoder the sink uses, measured.
 *
 * Generates about N demo events (medium scale, default 1 M), builds the Arrow batches the sink would write,
 * and encodes the same batches with parquet-wasm and with DuckDB native (rows appended to a table through
 * data chunks, then `COPY … TO (FORMAT parquet, COMPRESSION zstd)`), in two shapes: one file per output
 * partition (type × province × month, what the sink lands) and 100 k-row batches per type (throughput
 * without per-file overhead). Every file written is read back by DuckDB native and by parquet-wasm and
 * compared with the batch, value by value. The last line of output is one JSON object with the figures.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { RecordBatch } from 'apache-arrow';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadHierarchy } from '@vwu/contracts/node';
import { generateEvents } from '../demo/events.js';
import { buildWorld } from '../demo/world.js';
import { buildEventBatch, occurredAtMs, type SinkRecord } from '../parquet/arrow-batch.js';
import { parquetWasmEncoder } from '../parquet/encoders.js';
import { tableRows } from '../parquet/event-rows.js';
import { readRowsDuckDB, readRowsWasm } from '../parquet/readers.js';
import { UnitResolver } from '../parquet/unit-resolver.js';
import { vietnamMonth } from '../sink/layout.js';
import { duckdbEncoder } from '../parquet/duckdb-encoder.js';

const SEED = 2025;

/** A file-writing encoder: batches in, one file at `path` out. */
interface FileEncoder {
  name: string;
  write(batches: readonly RecordBatch[], path: string): Promise<void>;
  close(): void;
}

interface ShapeResult {
  encoder: string;
  shape: string;
  files: number;
  rows: number;
  seconds: number;
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

function demoRecords(target: number): SinkRecord[] {
  const world = buildWorld(loadHierarchy(), SEED, 'medium');
  const records: SinkRecord[] = [];
  const ingestedAt = Date.UTC(2025, 8, 1);
  for (const batch of generateEvents(world, { from: '2025-03-01', to: '2025-12-31' })) {
    for (const event of batch) records.push({ event, partition: 0, offset: records.length, ingestedAt });
    if (records.length >= target) break;
  }
  return records;
}

function groupBy(records: readonly SinkRecord[], key: (r: SinkRecord) => string, maxRows: number): SinkRecord[][] {
  const groups = new Map<string, SinkRecord[]>();
  for (const r of records) {
    const k = key(r);
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = []));
    g.push(r);
  }
  const out: SinkRecord[][] = [];
  for (const g of groups.values()) for (let i = 0; i < g.length; i += maxRows) out.push(g.slice(i, i + maxRows));
  return out;
}

function wasmFileEncoder(): FileEncoder {
  const encoder = parquetWasmEncoder();
  return {
    name: encoder.name,
    write: (batches, path) => writeFile(path, encoder.encode(batches)),
    close: () => undefined,
  };
}

async function sampleRoundTrip(connection: DuckDBConnection, batches: readonly RecordBatch[], paths: readonly string[]): Promise<boolean> {
  const step = Math.max(1, Math.floor(paths.length / 12));
  for (let i = 0; i < paths.length; i += step) {
    const expected = tableRows(batches[i]!);
    const [viaWasm, viaDuck] = [await readRowsWasm(paths[i]!), await readRowsDuckDB(connection, [paths[i]!])];
    if (!isDeepStrictEqual(viaWasm, expected) || !isDeepStrictEqual(viaDuck, expected)) return false;
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
  return { encoder: encoder.name, shape, files: paths.length, rows, seconds, rowsPerS: rows / seconds, bytes, roundTrip };
}

function line(r: ShapeResult): string {
  return (
    `${r.encoder.padEnd(13)} ${r.shape.padEnd(10)} ${String(r.files).padStart(6)} files ` +
    `${(r.rowsPerS / 1000).toFixed(0).padStart(6)} k rows/s  ${(r.bytes / 1e6).toFixed(1).padStart(7)} MB ` +
    `(${(r.bytes / r.rows).toFixed(1)} B/row)  round trip ${r.roundTrip ? 'identical' : 'DIFFERENT'}`
  );
}

async function main(): Promise<void> {
  const target = argument('events', 1_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'vwu-bench-encoders-'));
  const instance = await DuckDBInstance.create(':memory:');
  const reader = await instance.connect();
  try {
    let t = performance.now();
    const records = demoRecords(target);
    console.log(`${records.length.toLocaleString('en')} demo events generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const resolver = new UnitResolver(loadHierarchy());
    const shapes: Array<[string, SinkRecord[][]]> = [
      ['partition', groupBy(records, (r) => {
        const p = resolver.resolve(r.event.unit_code).currentProvince;
        return `${r.event.type}/${p}/${vietnamMonth(occurredAtMs(r.event))}`;
      }, 100_000)],
      ['type-100k', groupBy(records, (r) => r.event.type, 100_000)],
    ];
    const built: Array<[string, RecordBatch[]]> = [];
    const arrow: Record<string, number> = {};
    for (const [shape, groups] of shapes) {
      t = performance.now();
      built.push([shape, groups.map((g) => buildEventBatch(g, resolver))]);
      arrow[shape] = records.length / ((performance.now() - t) / 1000);
      console.log(`Arrow batches (${shape}): ${groups.length} batches, ${(arrow[shape]! / 1000).toFixed(0)} k rows/s`);
    }

    const results: ShapeResult[] = [];
    for (const make of [wasmFileEncoder, () => duckdbEncoder(instance)]) {
      const encoder = await make();
      try {
        for (const [shape, batches] of built) {
          const result = await runShape(encoder, shape, batches, dir, reader);
          results.push(result);
          console.log(line(result));
        }
      } finally {
        encoder.close();
      }
    }
    const valid = results.filter((r) => r.roundTrip && r.shape === 'partition');
    const best = valid.reduce<ShapeResult | undefined>((a, b) => (a === undefined || b.rowsPerS > a.rowsPerS ? b : a), undefined);
    console.log(`choice: ${best?.encoder ?? 'none round-trips'} (fastest on the files the sink writes, rows identical both ways)`);
    const figure = (e: string, s: string): number => Math.round(results.find((r) => r.encoder === e && r.shape === s)?.rowsPerS ?? 0);
    console.log(
      JSON.stringify({
        events: records.length,
        arrow_rows_per_s: Math.round(arrow['partition'] ?? 0),
        parquet_wasm_rows_per_s: figure('parquet-wasm', 'partition'),
        parquet_wasm_100k_rows_per_s: figure('parquet-wasm', 'type-100k'),
        duckdb_rows_per_s: figure('duckdb', 'partition'),
        duckdb_100k_rows_per_s: figure('duckdb', 'type-100k'),
        bytes_per_row: Number(((results[0]?.bytes ?? 0) / (results[0]?.rows ?? 1)).toFixed(1)),
        choice: best?.encoder ?? null,
      }),
    );
  } finally {
    reader.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
