/**
 * The pivot's SQL from a view: the chosen event types' tables unioned into one set of facts (only the
 * columns the view reads), filtered to the scope and months, grouped by the chosen dimensions, with one
 * aggregate per measure. Identifiers come from the catalogue and pass {@link ident}; every value (unit key,
 * months, filter values) is a `?` parameter of a prepared statement.
 */
import type { UnitLevel } from '@vwu/context';
import type { QueryParam } from '../engine/protocol.js';
import { EVENT_ATTRIBUTES, tableOf, type EventType } from '../engine/tables.js';
import { COLUMNS, dimensionOf, measureOf, type Dimension, type Measure } from './catalogue.js';
import { viewTypes, type ViewSpec } from './spec.js';

/** Where the view looks: the selected unit and the months. */
export interface QueryContext {
  unit: { key: string; level: UnitLevel };
  from: string;
  to: string;
  /** Event types whose tables exist (a type with no file in the months has none). */
  available: ReadonlySet<EventType>;
}

/** A pivot query: its SQL, its parameters, and what its `d0…`, `m0…` columns mean. */
export interface PivotQuery {
  sql: string;
  params: QueryParam[];
  /** Row dimensions then column dimensions: column `d<i>` of the answer. */
  dims: Dimension[];
  /** Measures: column `m<i>`. */
  measures: Measure[];
  types: EventType[];
}

/** A name that could not be an identifier of this module's tables. */
export class IdentifierError extends Error {
  override readonly name = 'IdentifierError';
}

/**
 * An identifier, double-quoted, after checking it is a plain lower-case name (so nothing it carries can
 * close the quotes).
 *
 * @throws IdentifierError for anything else.
 * @example ident('meeting_held') // '"meeting_held"'
 */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new IdentifierError(`not an identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** The envelope column a unit's subtree is found by; null for the whole country. */
export function scopeColumn(level: UnitLevel): string | null {
  switch (level) {
    case 'central':
      return null;
    case 'province':
      return 'current_province';
    case 'commune':
      return 'current_commune';
    case 'branch':
      return 'current_unit';
    case 'district':
      throw new IdentifierError('a district of the old structure is not a scope of the workbench');
  }
}

function facts(
  types: EventType[],
  columns: string[],
  scope: string | null,
): { sql: string; params: QueryParam[] } {
  const params: QueryParam[] = [];
  const parts = types.map((type) => {
    const own = new Set<string>(EVENT_ATTRIBUTES[type]);
    const cols = columns.map((name) =>
      own.has(name) ? ident(name) : `CAST(NULL AS ${COLUMNS[name]!.sqlType}) AS ${ident(name)}`,
    );
    const where = ['month >= ?', 'month <= ?'];
    if (scope !== null) where.push(`${ident(scope)} = ?`);
    params.push('$from', '$to', ...(scope === null ? [] : ['$unit']));
    return [
      `SELECT '${type}' AS event_type, month, current_province, current_commune, current_unit`,
      ...cols.map((c) => `, ${c}`),
      ` FROM ${ident(tableOf(type))} WHERE ${where.join(' AND ')}`,
    ].join('');
  });
  return { sql: parts.join('\n  UNION ALL\n  '), params };
}

/**
 * The pivot query of a view, or undefined when none of its event types has a table.
 *
 * @throws IdentifierError when the view names something outside the catalogue (a hand-edited URL).
 * @example
 * buildPivotQuery({ ...defaultSpec() }, { unit: { key: '2025:80', level: 'province' }, from: '2025-07', to: '2025-12', available })
 * // { sql: 'WITH facts AS (SELECT …) SELECT month AS "d0", … GROUP BY ALL ORDER BY ALL', params: ['2025-07', '2025-12', '2025:80', …] }
 */
export function buildPivotQuery(spec: ViewSpec, context: QueryContext): PivotQuery | undefined {
  const lookup = <T>(id: string, find: (id: string) => T | undefined, what: string): T => {
    const found = find(id);
    if (found === undefined) throw new IdentifierError(`unknown ${what}: ${JSON.stringify(id)}`);
    return found;
  };
  const dims = [...spec.rows, ...spec.cols].map((id) => lookup(id, dimensionOf, 'dimension'));
  const measures = spec.measures.map((id) => lookup(id, measureOf, 'measure'));
  const filtered = Object.entries(spec.filters)
    .filter(([id, values]) => id !== 'type' && values.length > 0)
    .map(([id, values]) => ({ dim: lookup(id, dimensionOf, 'dimension'), values }));
  const types = viewTypes(spec).filter((t) => context.available.has(t));
  if (types.length === 0 || measures.length === 0) return undefined;

  const columns = new Set<string>();
  for (const d of [...dims, ...filtered.map((f) => f.dim)]) if (d.column) columns.add(d.column.name);
  for (const m of measures) for (const c of m.columns) columns.add(c);
  const scope = scopeColumn(context.unit.level);
  const inner = facts(types, [...columns], scope);
  const bound = inner.params.map((p) =>
    p === '$from' ? context.from : p === '$to' ? context.to : p === '$unit' ? context.unit.key : p,
  );

  const select = [
    ...dims.map((d, i) => `${d.expr} AS ${ident(`d${i}`)}`),
    ...measures.map((m, i) => `${m.sql} AS ${ident(`m${i}`)}`),
  ];
  const where = filtered.map((f) => `${f.dim.expr} IN (${f.values.map(() => '?').join(', ')})`);
  const sql = [
    `WITH facts AS (\n  ${inner.sql}\n)`,
    `SELECT ${select.join(', ')}`,
    'FROM facts',
    where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    dims.length > 0 ? 'GROUP BY ALL ORDER BY ALL' : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return { sql, params: [...bound, ...filtered.flatMap((f) => f.values)], dims, measures, types };
}
