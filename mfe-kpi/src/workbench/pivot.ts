/**
 * The pivot from the query's long answer: one row per combination of row dimensions, one column per
 * combination of column dimensions × measure. Pure data: the table, the chart and the exports all read it.
 */
import type { Cell } from '../engine/protocol.js';
import type { Dimension, Measure } from './catalogue.js';

/** A combination of dimension values (null: the event has no such attribute). */
export type PivotKey = (string | null)[];

/** One leaf column: a combination of column dimensions and a measure. */
export interface PivotColumn {
  key: PivotKey;
  measure: Measure;
}

/** A pivot table. */
export interface Pivot {
  rowDims: Dimension[];
  colDims: Dimension[];
  measures: Measure[];
  rowKeys: PivotKey[];
  columns: PivotColumn[];
  /** `cells[r][c]`: the value of row key r in column c (null: no events). */
  cells: (number | null)[][];
  /** Column combinations beyond {@link MAX_COLUMNS} left out. */
  droppedColumns: number;
}

/** Leaf columns shown at most (a pivot wider than this is unreadable; the SQL editor has the rest). */
export const MAX_COLUMNS = 120;

const keyOf = (key: PivotKey) => JSON.stringify(key);

function text(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  return typeof cell === 'string' ? cell : JSON.stringify(cell);
}

function number(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string' && cell !== '' && Number.isFinite(Number(cell))) return Number(cell);
  return null;
}

/**
 * Builds the pivot from rows with columns `d0…` (row dimensions, then column dimensions) and `m0…`.
 *
 * @example
 * toPivot([{ d0: '2025-10', d1: 'online', m0: 3 }], { rowDims: [month], colDims: [format], measures: [meetings] })
 * // rowKeys [['2025-10']], columns [{ key: ['online'], measure: meetings }], cells [[3]]
 */
export function toPivot(
  rows: readonly Record<string, Cell>[],
  shape: { rowDims: Dimension[]; colDims: Dimension[]; measures: Measure[] },
): Pivot {
  const { rowDims, colDims, measures } = shape;
  const rowIndex = new Map<string, number>();
  const colIndex = new Map<string, number>();
  const rowKeys: PivotKey[] = [];
  const colKeys: PivotKey[] = [];
  let droppedColumns = 0;
  const maxColKeys = Math.max(1, Math.floor(MAX_COLUMNS / Math.max(1, measures.length)));
  const values: { r: number; c: number; row: Record<string, Cell> }[] = [];
  for (const row of rows) {
    const rk = rowDims.map((_, i) => text(row[`d${i}`]));
    const ck = colDims.map((_, i) => text(row[`d${rowDims.length + i}`]));
    let r = rowIndex.get(keyOf(rk));
    if (r === undefined) {
      r = rowKeys.push(rk) - 1;
      rowIndex.set(keyOf(rk), r);
    }
    let c = colIndex.get(keyOf(ck));
    if (c === undefined) {
      if (colKeys.length >= maxColKeys) {
        droppedColumns += 1;
        colIndex.set(keyOf(ck), -1);
        continue;
      }
      c = colKeys.push(ck) - 1;
      colIndex.set(keyOf(ck), c);
    }
    if (c >= 0) values.push({ r, c, row });
  }
  const order = colKeys
    .map((key, i) => ({ key, i }))
    .sort((a, b) => keyOf(a.key).localeCompare(keyOf(b.key)));
  const position = new Map(order.map((o, p) => [o.i, p]));
  const columns: PivotColumn[] = order.flatMap((o) => measures.map((measure) => ({ key: o.key, measure })));
  const cells = rowKeys.map(() => new Array<number | null>(columns.length).fill(null));
  for (const { r, c, row } of values) {
    const base = position.get(c)! * measures.length;
    measures.forEach((_, m) => {
      cells[r]![base + m] = number(row[`m${m}`]);
    });
  }
  return { rowDims, colDims, measures, rowKeys, columns, cells, droppedColumns };
}
