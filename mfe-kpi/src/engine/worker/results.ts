/**
 * Query results as plain data for `postMessage`: column names and types, and rows of plain cells, so the
 * main thread needs no Arrow library for a dashboard's few hundred rows.
 */
import type { Cell, QueryResult, ResultColumn } from '../protocol.js';

/** The part of an Arrow table this reads (DuckDB-WASM's bundled Arrow version). */
export interface ArrowLike {
  numRows: number;
  schema: { fields: { name: string; type: { toString(): string } }[] };
  getChildAt(index: number): { get(row: number): unknown } | null;
}

/**
 * A cell as plain data: BIGINT as a number (as text beyond 2^53), dates and timestamps as ISO text, lists
 * as arrays, binary as hex.
 *
 * @example plainCell(42n) // 42
 */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('');
  if (typeof value === 'object' && Symbol.iterator in value) {
    return Array.from(value as Iterable<unknown>, plainCell);
  }
  return String(value);
}

/**
 * An Arrow table as a {@link QueryResult}, cut at `maxRows`.
 *
 * @example toQueryResult(conn.query('SELECT 1 AS one'), 1000, 0.4).rows // [{ one: 1 }]
 */
export function toQueryResult(table: ArrowLike, maxRows: number, ms: number): QueryResult {
  const columns: ResultColumn[] = table.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
  const vectors = columns.map((_, i) => table.getChildAt(i));
  // Arrow JS gives timestamps and dates as epoch milliseconds: as ISO text they keep their meaning.
  const instants = columns.map((c) => /^(Timestamp|Date)/.test(c.type));
  const count = Math.min(table.numRows, maxRows);
  const rows: Record<string, Cell>[] = new Array(count);
  for (let r = 0; r < count; r += 1) {
    const row: Record<string, Cell> = {};
    for (let c = 0; c < columns.length; c += 1) {
      const value = vectors[c]?.get(r);
      row[columns[c]!.name] =
        instants[c] && typeof value === 'number' ? new Date(value).toISOString() : plainCell(value);
    }
    rows[r] = row;
  }
  return { columns, rows, rowCount: table.numRows, ms };
}
