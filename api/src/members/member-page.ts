/**
 * One page of the scoped member list (and of the export, page by page): the rows, the cursor after them and,
 * when asked, a count of the matches bounded by {@link TOTAL_CAP} (an exact count of a million-member
 * province costs a scan of it on every first page; the answer says when the count stopped at the cap).
 */
import type { Unit } from '@vwu/contracts';
import { SqlParams } from '../store/sql-params.js';
import type { Queryable } from '../store/store.js';
import { cursorAfter, cursorCondition, filterConditions, orderOf } from './member-list.js';
import { MEMBER_COLUMNS, type MemberRow } from './member-rows.js';
import { nameSearchRows } from './name-search.js';
import type { MemberListQueryString } from './schemas.js';
import { parseSearch } from './search-text.js';

/** Matches counted at most for `withTotal`: beyond it the answer says `totalCapped`. */
export const TOTAL_CAP = { list: 10_000, search: 1_000 } as const;

/** One page of the list. */
export interface MemberPage {
  rows: MemberRow[];
  nextCursor: string | null;
  /** Matches, counted up to {@link TOTAL_CAP} (`withTotal` only). */
  total: number | undefined;
  /** The matches are more than `total` (the count stopped at the cap). */
  totalCapped: boolean | undefined;
  query: string | null;
}

/** How many rows match `conditions`, counted up to `cap`. */
async function cappedCount(
  q: Queryable,
  conditions: string[],
  p: SqlParams,
  cap: number,
): Promise<{ total: number; capped: boolean }> {
  const counted = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM member m WHERE ${conditions.join(' AND ')}
      LIMIT ${p.add(cap + 1)}) c`,
    p.values,
  );
  const n = counted.rows[0]?.n ?? 0;
  return { total: Math.min(n, cap), capped: n > cap };
}

/**
 * A page of members within `unit` matching `query`, sorted, after `query.cursor`.
 *
 * @example await listMembers(store, unit, { q: 'nguyen thi hoa', limit: 50 }, '2025-09-01')
 */
export async function listMembers(
  q: Queryable,
  unit: Unit,
  query: MemberListQueryString,
  today: string,
): Promise<MemberPage> {
  const search = parseSearch(query.q);
  const limit = query.limit ?? 100;
  let counted: { total: number; capped: boolean } | undefined;
  if (query.withTotal === true) {
    const pc = new SqlParams();
    const cap = search === undefined ? TOTAL_CAP.list : TOTAL_CAP.search;
    counted = await cappedCount(q, filterConditions(unit, query, today, pc).conditions, pc, cap);
  }
  const p = new SqlParams();
  const { conditions, query: folded } = filterConditions(unit, query, today, p);
  let rows: MemberRow[];
  const { column, desc } = orderOf(query.sort);
  if (search?.kind === 'name' && column === 'm.name_search') {
    rows = await nameSearchRows(q, unit, query, search, today, limit + 1);
  } else {
    if (query.cursor !== undefined) conditions.push(cursorCondition(query.cursor, query.sort, p));
    const dir = desc ? 'DESC' : 'ASC';
    // A phone search is sorted after its own index found the rows (`|| ''`: not by walking the name index).
    const key = search !== undefined && column === 'm.name_search' ? `(${column} || '')` : column;
    ({ rows } = await q.query<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM member m WHERE ${conditions.join(' AND ')}
        ORDER BY ${key} ${dir}, m.id ${dir} LIMIT ${p.add(limit + 1)}`,
      p.values,
    ));
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last !== undefined ? cursorAfter(last, query.sort) : null;
  return { rows: page, nextCursor, total: counted?.total, totalCapped: counted?.capped, query: folded };
}
