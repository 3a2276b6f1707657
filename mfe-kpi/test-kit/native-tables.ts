// The in-browser tables rebuilt with DuckDB native from the same Parquet files: same columns (the type's
// projection), same `file_no` and `month`, `occurred_at` as a UTC TIMESTAMP — so one SQL text runs on both
// and their answers can be compared.
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnsOf, isEventType, tableOf } from '../src/engine/index.js';
import type { ManifestFile } from '../src/engine/index.js';

/** Plain JS values of a native result, as the worker gives them (BIGINT → number, timestamps → ISO). */
export function plainRows(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const plain = (v: unknown): unknown => {
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map(plain);
    return v ?? null;
  };
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
}

/**
 * Creates the tables of `files` (data root `root`) in a native connection; file numbers follow the order.
 *
 * @example await loadNativeTables(connection, root, files);
 */
export async function loadNativeTables(
  connection: DuckDBConnection,
  root: string,
  files: readonly ManifestFile[],
): Promise<void> {
  await connection.run("SET TimeZone = 'UTC'");
  const created = new Set<string>();
  for (const [index, file] of files.entries()) {
    if (!isEventType(file.type)) throw new Error(`no table for ${file.type}`);
    const table = tableOf(file.type);
    const columns = columnsOf(file.type)
      .map((c) => (c === 'occurred_at' ? 'occurred_at::TIMESTAMP AS occurred_at' : c))
      .join(', ');
    const select = `SELECT $no::INTEGER AS file_no, $month::VARCHAR AS month, ${columns} FROM read_parquet($path)`;
    const values = { no: index + 1, month: file.month, path: join(root, file.path) };
    if (!created.has(table)) {
      await connection.run(`CREATE TABLE ${table} AS ${select}`, values);
      created.add(table);
    } else {
      await connection.run(`INSERT INTO ${table} ${select}`, values);
    }
  }
}
