/**
 * Reading event files back, by the two paths readers use: parquet-wasm (what the browser runs: Parquet →
 * Arrow) and DuckDB native (what the API and the rollups run). Both give plain {@link EventRow}s, so the
 * same file can be checked to read identically both ways.
 */
import { readFile } from 'node:fs/promises';
import { tableFromIPC, type Table } from 'apache-arrow';
import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { readParquet } from 'parquet-wasm';
import { EVENT_COLUMNS, tableRows, type Cell, type EventRow } from './event-rows.js';

/**
 * Parquet bytes → an Arrow JS table through parquet-wasm.
 *
 * @example const table = parquetToArrow(await readFile(path)); table.numRows
 */
export function parquetToArrow(bytes: Uint8Array): Table {
  return tableFromIPC(readParquet(bytes).intoIPCStream());
}

/** Every row of one Parquet file, read with parquet-wasm. */
export async function readRowsWasm(path: string): Promise<EventRow[]> {
  return tableRows(parquetToArrow(await readFile(path)));
}

function plainDuck(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'bigint' ? Number(v) : v)) as string[] | number[];
  return value as Cell;
}

/**
 * Every row of some Parquet files, read with DuckDB native in file order. The connection is the caller's
 * (it decides threads and memory); the file list is a bound parameter, never spliced into SQL.
 *
 * @example const rows = await readRowsDuckDB(connection, [join(root, file.path)]);
 */
export async function readRowsDuckDB(
  connection: DuckDBConnection,
  paths: readonly string[],
): Promise<EventRow[]> {
  if (paths.length === 0) return [];
  const reader = await connection.runAndReadAll(
    'SELECT * FROM read_parquet($files, union_by_name = true)',
    { files: listValue([...paths]) },
    { files: LIST(VARCHAR) },
  );
  return reader.getRowObjectsJS().map((object) => {
    const row: Record<string, Cell> = {};
    for (const name of EVENT_COLUMNS) row[name] = plainDuck(object[name]);
    return row as EventRow;
  });
}

/**
 * Number of rows in some Parquet files, from their footers (no data pages read), with DuckDB native.
 */
export async function countRowsDuckDB(
  connection: DuckDBConnection,
  paths: readonly string[],
): Promise<number> {
  if (paths.length === 0) return 0;
  const reader = await connection.runAndReadAll(
    'SELECT count(*) AS n FROM read_parquet($files)',
    { files: listValue([...paths]) },
    { files: LIST(VARCHAR) },
  );
  return Number(reader.getRowObjectsJS()[0]?.['n'] ?? 0);
}
