/**
 * The unit → ancestor table the rollup query joins on: each unit with itself and every unit above it, so one
 * join adds a unit's figures to its commune, district (before 2025), province and central totals.
 */
import { VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { parseUnitKey, type Hierarchy, type UnitLevel } from '@vwu/contracts';

/** One (unit, ancestor-or-self) pair with the ancestor's level and parent. */
export interface AncestorRow {
  unit: string;
  ancestor: string;
  level: UnitLevel;
  parent: string | null;
}

/** Name of the temporary table {@link loadAncestors} fills. */
export const ANCESTORS_TABLE = 'rollup_ancestors';

/**
 * Ancestor-or-self rows of some units, in the hierarchy's order.
 *
 * @throws UnitNotFoundError for a unit the hierarchy does not know.
 * @example ancestorRows(h, ['2025:00004-07']).map((r) => r.ancestor) // ['2025:00004-07', '2025:00004', '2025:01', '2025:TW']
 */
export function ancestorRows(hierarchy: Hierarchy, units: Iterable<string>): AncestorRow[] {
  const rows: AncestorRow[] = [];
  for (const text of new Set(units)) {
    const unit = hierarchy.get(parseUnitKey(text));
    for (const a of [unit, ...hierarchy.ancestors(unit.key).reverse()]) {
      rows.push({ unit: text, ancestor: a.key, level: a.level, parent: a.parent });
    }
  }
  return rows;
}

/** Replaces the connection's temporary ancestors table with `rows`, appended (no SQL built from values). */
export async function loadAncestors(
  connection: DuckDBConnection,
  rows: readonly AncestorRow[],
): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${ANCESTORS_TABLE} (unit VARCHAR, ancestor VARCHAR, level VARCHAR, parent VARCHAR)`,
  );
  const appender = await connection.createAppender(ANCESTORS_TABLE);
  try {
    for (const row of rows) {
      appender.appendVarchar(row.unit);
      appender.appendVarchar(row.ancestor);
      appender.appendVarchar(row.level);
      if (row.parent === null) appender.appendNull();
      else appender.appendValue(row.parent, VARCHAR);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
