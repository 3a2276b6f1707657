import { foldVietnamese, STRUCTURES, type Hierarchy, type Unit, type UnitKey } from '@vwu/contracts';
import type { Queryable, Store } from '../store/store.js';

/** Options of {@link loadUnits}. */
export interface LoadUnitsOptions {
  /** Units to load (their ancestors come too, so that every parent exists); all when omitted. */
  include?: (unit: Unit) => boolean;
  /** Rows per INSERT statement (default 5,000). */
  chunkSize?: number;
}

/** What {@link loadUnits} wrote. */
export interface LoadUnitsReport {
  units: number;
  lineage: number;
}

const UPSERT_UNITS = `
INSERT INTO org_unit (key, structure, code, name, name_folded, type, level, parent_key, path, depth, valid_from, valid_to, demo)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::smallint[], $11::date[], $12::date[], $13::boolean[])
ON CONFLICT (key) DO UPDATE SET
  name = EXCLUDED.name, name_folded = EXCLUDED.name_folded, type = EXCLUDED.type, level = EXCLUDED.level,
  parent_key = EXCLUDED.parent_key, path = EXCLUDED.path, depth = EXCLUDED.depth,
  valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, demo = EXCLUDED.demo
WHERE (org_unit.name, org_unit.type, org_unit.level, org_unit.parent_key, org_unit.path, org_unit.depth,
       org_unit.valid_from, org_unit.valid_to, org_unit.demo)
  IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.type, EXCLUDED.level, EXCLUDED.parent_key, EXCLUDED.path,
       EXCLUDED.depth, EXCLUDED.valid_from, EXCLUDED.valid_to, EXCLUDED.demo)`;

const UPSERT_LINEAGE = `
INSERT INTO unit_lineage (old_key, new_key, type, weight)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[])
ON CONFLICT (old_key, new_key) DO UPDATE SET type = EXCLUDED.type, weight = EXCLUDED.weight
WHERE (unit_lineage.type, unit_lineage.weight) IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.weight)`;

/** Keys of the units to load: those `include` accepts and all their ancestors. */
function selectKeys(
  hierarchy: Hierarchy,
  include: ((unit: Unit) => boolean) | undefined,
): Set<string> | undefined {
  if (include === undefined) return undefined;
  const keys = new Set<string>();
  for (const structure of STRUCTURES) {
    for (const unit of hierarchy.units(structure)) {
      if (!include(unit)) continue;
      for (
        let key: UnitKey | null = unit.key;
        key !== null && !keys.has(key);
        key = hierarchy.get(key).parent
      ) {
        keys.add(key);
      }
    }
  }
  return keys;
}

/**
 * Runs `fn` with the secondary indexes of `tables` dropped, then rebuilds them from their own catalog
 * definitions (so the migrations stay their only source). Building a trigram index once is about ten times
 * faster than maintaining it row by row; used for a first load into empty tables.
 */
async function withoutSecondaryIndexes(
  tx: Queryable,
  tables: readonly string[],
  fn: () => Promise<void>,
): Promise<void> {
  const { rows } = await tx.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique`,
    [tables],
  );
  // Index names come from the catalog, never from input.
  for (const index of rows) await tx.exec(`DROP INDEX ${index.name}`);
  await fn();
  for (const index of rows) await tx.exec(index.definition);
}

async function insertChunks(
  tx: Queryable,
  sql: string,
  columns: unknown[][],
  chunkSize: number,
): Promise<void> {
  const rows = columns[0]?.length ?? 0;
  for (let start = 0; start < rows; start += chunkSize) {
    await tx.query(
      sql,
      columns.map((column) => column.slice(start, start + chunkSize)),
    );
  }
}

function unitColumns(units: Unit[]): unknown[][] {
  return [
    units.map((u) => u.key),
    units.map((u) => u.structure),
    units.map((u) => u.code),
    units.map((u) => u.name),
    units.map((u) => foldVietnamese(u.name)),
    units.map((u) => u.type),
    units.map((u) => u.level),
    units.map((u) => u.parent),
    units.map((u) => u.path),
    units.map((u) => u.depth),
    units.map((u) => u.validFrom),
    units.map((u) => u.validTo),
    units.map((u) => u.demo),
  ];
}

/**
 * Old→new links with weights: an old unit that went into k new units gives each 1/k of its figures (the
 * contracts' resolve rule for direct links). Weights come from the whole lineage, so a subset keeps them.
 */
function lineageColumns(hierarchy: Hierarchy, keep: (key: string) => boolean): unknown[][] {
  const links: Array<{ old: string; next: string; type: string }> = [];
  const fanOut = new Map<string, number>();
  for (const unit of hierarchy.units('2025')) {
    for (const p of hierarchy.predecessors(unit.key)) {
      fanOut.set(p.unit, (fanOut.get(p.unit) ?? 0) + 1);
      if (keep(p.unit) && keep(unit.key)) links.push({ old: p.unit, next: unit.key, type: p.type });
    }
  }
  return [
    links.map((l) => l.old),
    links.map((l) => l.next),
    links.map((l) => l.type),
    links.map((l) => 1 / (fanOut.get(l.old) ?? 1)),
  ];
}

/**
 * Fills `org_unit` and `unit_lineage` from the hierarchy (both structures, demo branches included: about
 * 180,000 units and 94,000 links), in one transaction, with multi-row INSERTs of `unnest`ed arrays. Running
 * it again changes nothing (upserts that skip unchanged rows).
 *
 * @example await loadUnits(store, loadHierarchy()); // everything
 * @example await loadUnits(store, h, { include: unitsAround(h, ['2025:80']) }); // one province, both structures
 */
export async function loadUnits(
  store: Store,
  hierarchy: Hierarchy,
  options: LoadUnitsOptions = {},
): Promise<LoadUnitsReport> {
  const chunkSize = options.chunkSize ?? 5_000;
  const keys = selectKeys(hierarchy, options.include);
  const keep = (key: string): boolean => keys === undefined || keys.has(key);
  const units = STRUCTURES.flatMap((s) => hierarchy.units(s)).filter((u) => keep(u.key));
  const lineage = lineageColumns(hierarchy, keep);
  await store.transaction(async (tx) => {
    const insert = async (): Promise<void> => {
      await insertChunks(tx, UPSERT_UNITS, unitColumns(units), chunkSize);
      await insertChunks(tx, UPSERT_LINEAGE, lineage, chunkSize);
    };
    const { rows } = await tx.query<{ empty: boolean }>(
      'SELECT NOT EXISTS (SELECT 1 FROM org_unit) AS empty',
    );
    if (rows[0]?.empty === true) await withoutSecondaryIndexes(tx, ['org_unit', 'unit_lineage'], insert);
    else await insert();
  });
  return { units: units.length, lineage: lineage[0]?.length ?? 0 };
}

/**
 * A filter for {@link loadUnits}: the subtrees of `roots` and, for a 2025 root, of the old units it was made
 * from, so that a test database holds a few provinces in both structures with their lineage (the central
 * units come in as ancestors).
 *
 * @example unitsAround(h, [parseUnitKey('2025:80'), parseUnitKey('2025:01')])
 */
export function unitsAround(hierarchy: Hierarchy, roots: readonly UnitKey[]): (unit: Unit) => boolean {
  const paths = roots
    .flatMap((root) => [root, ...hierarchy.predecessors(root).map((p) => p.unit)])
    .map((key) => hierarchy.get(key).path);
  return (unit) => paths.some((path) => unit.path === path || unit.path.startsWith(`${path}/`));
}

/**
 * Loads every unit when the store does not hold exactly the hierarchy's units yet (first start, or a new
 * reference release); otherwise does nothing.
 *
 * @returns what was loaded, or `undefined` when the store was already complete.
 */
export async function ensureUnits(store: Store, hierarchy: Hierarchy): Promise<LoadUnitsReport | undefined> {
  const { rows } = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM org_unit');
  const expected = STRUCTURES.reduce((sum, s) => sum + hierarchy.count(s), 0);
  if (rows[0]?.n === expected) return undefined;
  return loadUnits(store, hierarchy);
}
