/**
 * The two Parquet encoders `bench:encoders` compares, as file writers: parquet-wasm (the sink's choice) and
 * the DuckDB native alternative — rows of an Arrow batch appended to a scratch table through data chunks
 * (the Node API has no Arrow import), then `COPY … TO` Parquet with ZSTD.
 */
import { writeFile } from 'node:fs/promises';
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBTimestampTZValue,
  INTEGER,
  LIST,
  TIMESTAMPTZ,
  TINYINT,
  VARCHAR,
  listValue,
  type DuckDBInstance,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import {
  Bool,
  Dictionary,
  Float64,
  Int32,
  Int64,
  Int8,
  List,
  TimestampMillisecond,
  Utf8,
  type DataType,
  type RecordBatch,
} from 'apache-arrow';
import { EVENT_SCHEMA } from './schema.js';
import { ROW_GROUP_ROWS, parquetWasmEncoder } from './encoders.js';

/** Rows per DuckDB data chunk (DuckDB's vector size). */
const CHUNK_ROWS = 2048;

function duckType(type: DataType): DuckDBType {
  if (type instanceof Utf8 || type instanceof Dictionary) return VARCHAR;
  if (type instanceof Int8) return TINYINT;
  if (type instanceof Int32) return INTEGER;
  if (type instanceof Int64) return BIGINT;
  if (type instanceof Float64) return DOUBLE;
  if (type instanceof Bool) return BOOLEAN;
  if (type instanceof TimestampMillisecond) return TIMESTAMPTZ;
  if (type instanceof List) return LIST(duckType(type.children[0]!.type as DataType));
  throw new TypeError(`no DuckDB type for ${String(type)}`);
}

function duckValue(type: DataType, value: unknown): DuckDBValue {
  if (value === null || value === undefined) return null;
  if (type instanceof TimestampMillisecond)
    return new DuckDBTimestampTZValue(BigInt(value as number) * 1000n);
  if (type instanceof List) return listValue(Array.from(value as Iterable<string | number>));
  return value as DuckDBValue;
}

/** A file-writing encoder: batches in, one file at `path` out; `close()` releases what it holds. */
export interface FileEncoder {
  readonly name: string;
  write(batches: readonly RecordBatch[], path: string): Promise<void>;
  close(): void;
}

/** The sink's encoder as a file writer. */
export function wasmFileEncoder(): FileEncoder {
  const encoder = parquetWasmEncoder();
  return {
    name: encoder.name,
    write: (batches, path) => writeFile(path, encoder.encode(batches)),
    close: () => undefined,
  };
}

/**
 * Makes the DuckDB encoder. The target path is a bound parameter of `COPY`, never spliced into SQL.
 *
 * @example const encoder = await duckdbEncoder(instance); await encoder.write([batch], '/tmp/x.parquet');
 */
export async function duckdbEncoder(instance: DuckDBInstance): Promise<FileEncoder> {
  const connection = await instance.connect();
  const fields = EVENT_SCHEMA.fields;
  const types = fields.map((f) => duckType(f.type as DataType));
  const columns = fields.map((f, i) => `"${f.name}" ${types[i]!.toString()}`).join(', ');
  return {
    name: 'duckdb',
    async write(batches, path) {
      await connection.run(`CREATE OR REPLACE TEMP TABLE encode_batch (${columns})`);
      try {
        const appender = await connection.createAppender('encode_batch');
        try {
          for (const batch of batches) {
            const vectors = fields.map((f) => batch.getChild(f.name)!);
            for (let start = 0; start < batch.numRows; start += CHUNK_ROWS) {
              const n = Math.min(CHUNK_ROWS, batch.numRows - start);
              const chunk = DuckDBDataChunk.create(types, n);
              chunk.setColumns(
                vectors.map((v, c) => {
                  const values: DuckDBValue[] = new Array<DuckDBValue>(n);
                  for (let r = 0; r < n; r++)
                    values[r] = duckValue(fields[c]!.type as DataType, v.get(start + r));
                  return values;
                }),
              );
              appender.appendDataChunk(chunk);
            }
          }
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
        await connection.run(
          `COPY encode_batch TO $path (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS})`,
          {
            path,
          },
        );
      } finally {
        await connection.run('DROP TABLE IF EXISTS encode_batch');
      }
    },
    close: () => connection.closeSync(),
  };
}
