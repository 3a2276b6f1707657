/**
 * A name search sorted by name, first page fast in a scope of millions. Three index paths, each bounded:
 *
 * 1. the scope's name index read in order from the cursor, {@link ORDERED_SCAN_ROWS} entries at most, each
 *    checked against the words: a common word ("hoa", "thi lan") fills the page here;
 * 2. otherwise the matches are rare in the scope. The names starting with the search's first word are one
 *    contiguous range of the name index ("nguyen thi lan…"): read in order the same way, then, if the range is
 *    long and still short of matches, from the GIN index (`^` lexemes) after the last entry read;
 * 3. the other matches (first word of the search on a later word of the name) come from the GIN index
 *    (`|` lexemes), which for a family name holds few of them.
 *
 * Paths 2 and 3 split the names by whether they start with the first word, so the page is the rows of 3 below
 * that range, then those of 2, then those of 3 above it.
 */
import type { Unit } from '@vwu/contracts';
import { SqlParams } from '../store/sql-params.js';
import type { Queryable } from '../store/store.js';
import {
  cursorCondition,
  orderOf,
  plainConditions,
  type MemberFilters,
  type SortKey,
} from './member-list.js';
import { MEMBER_COLUMNS, type MemberRow } from './member-rows.js';
import { membersWithin } from './member-scope.js';
import { nameCondition, wordsCondition, type FirstWord, type NameSearch } from './member-search.js';

/** Entries of the name index read in order before a search turns to the GIN index. */
export const ORDERED_SCAN_ROWS = 2000;

/** Where a name search stands: scope, filters, order, and what it looks for. */
interface SearchPlan {
  q: Queryable;
  unit: Unit;
  filters: MemberFilters;
  today: string;
  search: NameSearch;
  sort: SortKey | undefined;
  desc: boolean;
}

/** A position in name order: rows strictly after it (in the sort's direction). */
interface Edge {
  name: string;
  id: number;
}

/** A range of names: those starting with `prefix`. */
type Range = { prefix: string } | null;

const after = (plan: SearchPlan, edge: Edge, p: SqlParams) =>
  `(m.name_search, m.id) ${plan.desc ? '<' : '>'} (${p.add(edge.name)}::text, ${p.add(edge.id)}::bigint)`;

/** Names starting with `prefix`, as a btree range (C.UTF-8 and PGlite's C collation sort by code point). */
const inRange = (prefix: string, p: SqlParams) =>
  `m.name_search >= ${p.add(prefix)} AND m.name_search < ${p.add(`${prefix}\u{10FFFF}`)}`;

/** Whether `edge` comes before every name starting with `prefix`, in the sort's direction. */
const beforeRange = (plan: SearchPlan, edge: Edge, prefix: string) =>
  plan.desc ? edge.name > `${prefix}\u{10FFFF}` : edge.name < prefix;

/**
 * The matches among the first {@link ORDERED_SCAN_ROWS} entries of the scope's name index after `start`
 * (within `range`), in order, at most `take`; and the last entry read when the scan stopped at its bound.
 */
async function orderedScan(
  plan: SearchPlan,
  start: { cursor: string } | { edge: Edge } | null,
  range: Range,
  take: number,
): Promise<{ rows: MemberRow[]; edge: Edge | null }> {
  const dir = plan.desc ? 'DESC' : 'ASC';
  const scan = (p: SqlParams) => {
    const where = [membersWithin('m', plan.unit, p)];
    if (start !== null && 'cursor' in start) where.push(cursorCondition(start.cursor, plan.sort, p));
    // An edge before the range says nothing more than the range; as a row comparison it would make the
    // index start at the edge and walk up to the range.
    if (start !== null && 'edge' in start && !(range !== null && beforeRange(plan, start.edge, range.prefix)))
      where.push(after(plan, start.edge, p));
    if (range !== null) where.push(inRange(range.prefix, p));
    return `FROM member m WHERE ${where.join(' AND ')} ORDER BY m.name_search ${dir}, m.id ${dir}`;
  };
  const p = new SqlParams();
  const inner = `SELECT m.id, m.name_search ${scan(p)} LIMIT ${p.add(ORDERED_SCAN_ROWS)}`;
  const filters = plainConditions(plan.unit, plan.filters, plan.today, p);
  const { rows } = await plan.q.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM (${inner}) s JOIN member m ON m.id = s.id
      WHERE ${wordsCondition('s.name_search', plan.search, p)} AND ${filters.join(' AND ')}
      ORDER BY m.name_search ${dir}, m.id ${dir} LIMIT ${p.add(take)}`,
    p.values,
  );
  if (rows.length >= take) return { rows, edge: null };
  const pe = new SqlParams();
  const { rows: last } = await plan.q.query<{ name_search: string; id: number }>(
    `SELECT m.name_search, m.id ${scan(pe)} OFFSET ${pe.add(ORDERED_SCAN_ROWS - 1)} LIMIT 1`,
    pe.values,
  );
  const edge = last[0];
  return { rows, edge: edge === undefined ? null : { name: edge.name_search, id: Number(edge.id) } };
}

/** The matches after `edge` found through the GIN index, sorted, at most `take`. */
async function indexed(
  plan: SearchPlan,
  edge: Edge,
  first: FirstWord,
  range: { inside: boolean; prefix: string },
  take: number,
): Promise<MemberRow[]> {
  const p = new SqlParams();
  const conditions = plainConditions(plan.unit, plan.filters, plan.today, p);
  conditions.push(nameCondition(plan.search, plan.unit, first, p), after(plan, edge, p));
  conditions.push(range.inside ? inRange(range.prefix, p) : `NOT (${inRange(range.prefix, p)})`);
  const dir = plan.desc ? 'DESC' : 'ASC';
  // `|| ''` keeps the planner off walking the name index row by row for matches it believes common.
  const { rows } = await plan.q.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM member m WHERE ${conditions.join(' AND ')}
      ORDER BY (m.name_search || '') ${dir}, m.id ${dir} LIMIT ${p.add(take)}`,
    p.values,
  );
  return rows;
}

/**
 * Up to `take` members within `unit` matching the name search of `filters`, sorted by name (either way),
 * after `cursor`.
 *
 * @example await nameSearchRows(store, unit, { q: 'nguyen thi hoa' }, search, undefined, '2026-06-30', 21)
 */
export async function nameSearchRows(
  q: Queryable,
  unit: Unit,
  filters: MemberFilters & { cursor?: string },
  search: NameSearch,
  today: string,
  take: number,
): Promise<MemberRow[]> {
  const plan: SearchPlan = {
    q,
    unit,
    filters,
    today,
    search,
    sort: filters.sort,
    desc: orderOf(filters.sort).desc,
  };
  const start = filters.cursor === undefined ? null : { cursor: filters.cursor };
  const head = await orderedScan(plan, start, null, take);
  if (head.edge === null) return head.rows;
  const need = take - head.rows.length;
  const prefix = search.tokens[0] ?? '';
  const range = await orderedScan(plan, { edge: head.edge }, { prefix }, need);
  const starting =
    range.edge === null
      ? range.rows
      : [
          ...range.rows,
          ...(await indexed(plan, range.edge, 'first', { inside: true, prefix }, need - range.rows.length)),
        ];
  const others = await indexed(plan, head.edge, 'later', { inside: false, prefix }, need);
  // `others` lie outside the range: those before it in the sort's direction come first.
  const before = others.filter((row) => row.name_search < prefix !== plan.desc);
  const beyond = others.filter((row) => row.name_search < prefix === plan.desc);
  return [...head.rows, ...before, ...starting, ...beyond].slice(0, take);
}
