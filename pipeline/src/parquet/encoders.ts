/**
 * Arrow record batch → Parquet bytes. The sink's encoder is parquet-wasm (Rust arrow-rs compiled to
 * WebAssembly, the same library the browser reads with): ZSTD, page-level statistics with column indexes,
 * row groups of at most 128 Ki rows, dictionary pages for repeated strings, and the Arrow schema embedded so
 * Arrow readers get dictionary columns back. `npm run bench:encoders` compares it with DuckDB's writer.
 */
import { Table, tableToIPC, type RecordBatch } from 'apache-arrow';
import {
  Compression,
  EnabledStatistics,
  Table as WasmTable,
  WriterPropertiesBuilder,
  writeParquet,
} from 'parquet-wasm';

/** Rows per Parquet row group: large enough for good compression, small enough to skip by statistics. */
export const ROW_GROUP_ROWS = 128 * 1024;

/** Writes Arrow record batches as one Parquet file's bytes. */
export interface ParquetEncoder {
  readonly name: string;
  /** Encodes batches (one schema) into one Parquet file, row groups in order. */
  encode(batches: readonly RecordBatch[]): Uint8Array;
}

/** Options of {@link parquetWasmEncoder}. */
export interface ParquetWasmOptions {
  rowGroupRows?: number;
  /** `zstd` (default) for files readers get; `uncompressed` for scratch files read once by DuckDB. */
  compression?: 'zstd' | 'uncompressed';
}

/**
 * The parquet-wasm encoder.
 *
 * @example
 * const bytes = parquetWasmEncoder().encode([buildEventBatch(records, resolver)]);
 */
export function parquetWasmEncoder(options: ParquetWasmOptions = {}): ParquetEncoder {
  const rowGroupRows = options.rowGroupRows ?? ROW_GROUP_ROWS;
  return {
    name: 'parquet-wasm',
    encode(batches) {
      const ipc = tableToIPC(new Table(batches), 'stream');
      const properties = new WriterPropertiesBuilder()
        .setCompression(options.compression === 'uncompressed' ? Compression.UNCOMPRESSED : Compression.ZSTD)
        .setStatisticsEnabled(EnabledStatistics.Page)
        .setMaxRowGroupSize(rowGroupRows)
        .setDictionaryEnabled(true)
        .setCreatedBy('vwu-pipeline (parquet-wasm)')
        .build();
      return writeParquet(WasmTable.fromIPCStream(ipc), properties);
    },
  };
}
