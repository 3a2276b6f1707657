/**
 * The conditions of the scoped member list: filters, diacritic-insensitive search, sort and keyset (cursor)
 * paging. Every condition is a parameter; the unit condition comes from {@link membersWithin}. The page
 * itself is read in `member-page.ts`.
 */
import type { Unit } from '@vwu/contracts';
import { apiError } from '../errors.js';
import type { SqlParams } from '../store/sql-params.js';
import { membersWithin } from './member-scope.js';
import type { MemberRow } from './member-rows.js';
import type { MemberListQueryString } from './schemas.js';
import { searchCondition } from './member-search.js';
import { parseSearch } from './search-text.js';

/** The filters of the list and the export. */
export type MemberFilters = Omit<MemberListQueryString, 'cursor' | 'limit' | 'withTotal'>;

export type SortKey = NonNullable<MemberListQueryString['sort']>;

const SORT_COLUMN: Record<string, string> = {
  name: 'm.name_search',
  joinedOn: 'm.joined_on',
  dateOfBirth: 'm.date_of_birth',
};

/** Today minus `years` as an ISO date. */
function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/** The WHERE conditions of `filters` within `unit` without the search. */
export function plainConditions(unit: Unit, filters: MemberFilters, today: string, p: SqlParams): string[] {
  const conditions = [membersWithin('m', unit, p)];
  const status = filters.status ?? 'active';
  if (status !== 'all') conditions.push(`m.status = ${p.add(status)}`);
  if (filters.branch !== undefined) conditions.push(`m.unit_key = ${p.add(filters.branch)}`);
  if (filters.ethnicity !== undefined) conditions.push(`m.ethnicity = ${p.add(filters.ethnicity)}`);
  if (filters.cardStatus !== undefined) conditions.push(`m.card_status = ${p.add(filters.cardStatus)}`);
  if (filters.role !== undefined) conditions.push(`${p.add(filters.role)} = ANY (m.roles)`);
  if (filters.trained !== undefined) conditions.push(`m.trained = ${p.add(filters.trained)}`);
  if (filters.honorary !== undefined) conditions.push(`m.honorary = ${p.add(filters.honorary)}`);
  if (filters.joinYear !== undefined) {
    conditions.push(`m.joined_on >= ${p.add(`${filters.joinYear}-01-01`)}::date`);
    conditions.push(`m.joined_on < ${p.add(`${filters.joinYear + 1}-01-01`)}::date`);
  }
  if (filters.ageBand !== undefined) {
    const band = { under_30: [0, 30], '30_44': [30, 45], '45_59': [45, 60], '60_plus': [60, 200] }[
      filters.ageBand
    ];
    const [min, max] = band as [number, number];
    conditions.push(`m.date_of_birth <= ${p.add(yearsBefore(today, min))}::date`);
    conditions.push(`m.date_of_birth > ${p.add(yearsBefore(today, max))}::date`);
  }
  return conditions;
}

/** The WHERE conditions of `filters` within `unit`, and the folded search text when there is one. */
export function filterConditions(
  unit: Unit,
  filters: MemberFilters,
  today: string,
  p: SqlParams,
): { conditions: string[]; query: string | null } {
  const conditions = plainConditions(unit, filters, today, p);
  const search = parseSearch(filters.q);
  if (search !== undefined) conditions.push(searchCondition(search, unit, p));
  return {
    conditions,
    query: search === undefined ? null : search.kind === 'phone' ? search.digits : search.key,
  };
}

/** ORDER BY of a sort key, and the column of its value. */
export function orderOf(sort: SortKey = 'name'): { column: string; desc: boolean; orderBy: string } {
  const desc = sort.startsWith('-');
  const column = SORT_COLUMN[desc ? sort.slice(1) : sort] ?? 'm.name_search';
  const dir = desc ? 'DESC' : 'ASC';
  return { column, desc, orderBy: `${column} ${dir}, m.id ${dir}` };
}

/** The cursor after `row` for `sort`. */
export function cursorAfter(row: MemberRow, sort: SortKey = 'name'): string {
  const base = sort.replace('-', '');
  const value =
    base === 'joinedOn' ? row.joined_on : base === 'dateOfBirth' ? row.date_of_birth : row.name_search;
  return Buffer.from(JSON.stringify([sort, value, row.id])).toString('base64url');
}

/**
 * The keyset condition of a cursor.
 *
 * @throws ApiError MEMBER_CURSOR_INVALID for a cursor of another sort or a tampered one.
 */
export function cursorCondition(cursor: string, sort: SortKey = 'name', p: SqlParams): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw apiError('MEMBER_CURSOR_INVALID');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== sort ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'number' ||
    !Number.isSafeInteger(parsed[2])
  )
    throw apiError('MEMBER_CURSOR_INVALID');
  const { column, desc } = orderOf(sort);
  const cast = column === 'm.name_search' ? '::text' : '::date';
  return `(${column}, m.id) ${desc ? '<' : '>'} (${p.add(parsed[1])}${cast}, ${p.add(parsed[2])}::bigint)`;
}
