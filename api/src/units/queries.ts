import { foldVietnamese, type StructureId, type Unit, type UnitLevel } from '@vwu/contracts';
import { scopeCondition } from '../access/scope.js';
import { SqlParams } from '../store/sql-params.js';
import type { Queryable } from '../store/store.js';

/** An `org_unit` row. */
interface UnitRow {
  key: string;
  structure: StructureId;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parent_key: string | null;
  depth: number;
  valid_from: string | null;
  valid_to: string | null;
  demo: boolean;
}

/** A unit as the API returns it. */
export interface UnitView {
  key: string;
  structure: StructureId;
  code: string;
  name: string;
  type: string;
  level: UnitLevel;
  parentKey: string | null;
  depth: number;
  validFrom: string | null;
  validTo: string | null;
  demo: boolean;
}

const COLUMNS =
  'u.key, u.structure, u.code, u.name, u.type, u.level, u.parent_key, u.depth, u.valid_from, u.valid_to, u.demo';

const LEVEL_ORDER =
  "CASE u.level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2 WHEN 'commune' THEN 3 ELSE 4 END";

/** Folded type words a name may start with ('phuong ba dinh' → 'ba dinh'), as in the contracts' search. */
const TYPE_WORDS = '^(chi hoi|tinh|thanh pho|quan|huyen|thi xa|thi tran|xa|phuong|dac khu) ';

function view(row: UnitRow): UnitView {
  return {
    key: row.key,
    structure: row.structure,
    code: row.code,
    name: row.name,
    type: row.type,
    level: row.level,
    parentKey: row.parent_key,
    depth: row.depth,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    demo: row.demo,
  };
}

/** The stored unit of a key, or `undefined` when it is not loaded. */
export async function findUnit(q: Queryable, key: string): Promise<UnitView | undefined> {
  const { rows } = await q.query<UnitRow>(`SELECT ${COLUMNS} FROM org_unit u WHERE u.key = $1`, [key]);
  return rows[0] === undefined ? undefined : view(rows[0]);
}

/**
 * Children of a unit that lie in `scope`, in path order; with `at`, only those in force on that date.
 *
 * @example await childrenIn(store, '2025:80', scopeUnit, '2025-09-01')
 */
export async function childrenIn(q: Queryable, key: string, scope: Unit, at?: string): Promise<UnitView[]> {
  const p = new SqlParams();
  const conditions = [`u.parent_key = ${p.add(key)}`, scopeCondition('u', scope, p)];
  if (at !== undefined) {
    const date = p.add(at);
    conditions.push(
      `(u.valid_from IS NULL OR u.valid_from <= ${date}::date)`,
      `(u.valid_to IS NULL OR u.valid_to > ${date}::date)`,
    );
  }
  const { rows } = await q.query<UnitRow>(
    `SELECT ${COLUMNS} FROM org_unit u WHERE ${conditions.join(' AND ')} ORDER BY u.path`,
    p.values,
  );
  return rows.map(view);
}

/** What {@link searchUnits} looks for. */
export interface UnitSearch {
  query: string;
  structure?: StructureId | undefined;
  level?: UnitLevel | undefined;
  limit: number;
  /** Results must lie in every one of these units (the caller's scope, and `within` when given). */
  inside: readonly Unit[];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Diacritic-insensitive name search over `name_folded` (trigram index for substrings, btree for prefixes):
 * exact names first, then names starting with the query (with or without the type word), then other
 * matches; ties by level, 2025 before pre2025, then path. Branches only when `level: 'branch'` is asked,
 * since their generated names repeat in every commune.
 *
 * @returns the folded query and the results.
 */
export async function searchUnits(
  q: Queryable,
  search: UnitSearch,
): Promise<{ query: string; results: UnitView[] }> {
  const needle = foldVietnamese(search.query);
  if (needle === '') return { query: needle, results: [] };
  const p = new SqlParams();
  const exact = p.add(needle);
  const prefix = p.add(`${escapeLike(needle)}%`);
  const conditions = [`u.name_folded LIKE ${p.add(`%${escapeLike(needle)}%`)}`];
  conditions.push(search.level === undefined ? "u.level <> 'branch'" : `u.level = ${p.add(search.level)}`);
  if (search.structure !== undefined) conditions.push(`u.structure = ${p.add(search.structure)}`);
  for (const unit of search.inside) conditions.push(scopeCondition('u', unit, p));
  const bare = `regexp_replace(u.name_folded, ${p.add(TYPE_WORDS)}, '')`;
  const rank =
    `CASE WHEN u.name_folded = ${exact} OR ${bare} = ${exact} THEN 0 ` +
    `WHEN u.name_folded LIKE ${prefix} OR ${bare} LIKE ${prefix} THEN 1 ELSE 2 END`;
  const { rows } = await q.query<UnitRow>(
    `SELECT ${COLUMNS} FROM org_unit u WHERE ${conditions.join(' AND ')}
      ORDER BY ${rank}, ${LEVEL_ORDER}, CASE u.structure WHEN '2025' THEN 0 ELSE 1 END, u.path
      LIMIT ${p.add(search.limit)}`,
    p.values,
  );
  return { query: needle, results: rows.map(view) };
}

/** One stored old→new link. */
export interface LineageLink {
  oldKey: string;
  newKey: string;
  type: 'full' | 'partial';
  weight: number;
}

/** Stored links into a 2025 unit (`side: 'new'`) or out of an old unit (`side: 'old'`), in path order. */
export async function lineageLinks(q: Queryable, key: string, side: 'old' | 'new'): Promise<LineageLink[]> {
  const other = side === 'new' ? 'old_key' : 'new_key';
  const { rows } = await q.query<{
    old_key: string;
    new_key: string;
    type: 'full' | 'partial';
    weight: number;
  }>(
    `SELECT l.old_key, l.new_key, l.type, l.weight FROM unit_lineage l JOIN org_unit u ON u.key = l.${other}
      WHERE l.${side}_key = $1 ORDER BY u.path`,
    [key],
  );
  return rows.map((r) => ({ oldKey: r.old_key, newKey: r.new_key, type: r.type, weight: r.weight }));
}
