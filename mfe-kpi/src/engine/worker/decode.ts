/**
 * Parquet → Arrow IPC with parquet-wasm, reading only the columns of the file's event type (see
 * ../tables.ts). DuckDB never reads Parquet itself, so its parquet extension is never wanted (DuckDB-WASM
 * would download it from a third-party host).
 */
import initParquet, { readParquet } from 'parquet-wasm';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { columnsOf, type EventType } from '../tables.js';

/** Rows per Arrow batch out of parquet-wasm (its default of 1,024 makes many tiny batches). */
const BATCH_ROWS = 64 * 1024;

/**
 * Loads parquet-wasm's WebAssembly from this module's own asset; resolves with the milliseconds it took.
 *
 * @example const ms = await startParquet();
 */
export async function startParquet(): Promise<number> {
  const started = performance.now();
  await initParquet({ module_or_path: new URL(parquetWasm, import.meta.url) });
  return performance.now() - started;
}

/**
 * A Parquet file's columns for its type as an Arrow IPC stream.
 *
 * @throws parquet-wasm's error for a corrupt file or a missing column.
 * @example const ipc = decodeParquet(bytes, 'meeting.held');
 */
export function decodeParquet(bytes: Uint8Array, type: EventType): Uint8Array {
  return readParquet(bytes, { columns: columnsOf(type), batchSize: BATCH_ROWS }).intoIPCStream();
}
