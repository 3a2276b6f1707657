/**
 * How a search finds its rows (migration 0050). A name search matches members with a word starting with each
 * word of the search, in order ("nguyen hoa" finds "Nguyễn Thị Hoà"); a phone search matches the start or the
 * end of the number. Both are answered by indexes that hold the scope:
 *
 * - names: `member_search_terms(...)`, a GIN index whose lexemes are the words of the folded name alone
 *   (central scope) and prefixed with the member's province, commune and unit (`2025:80|hoa`), so a search in
 *   a province reads that province's posting lists only;
 * - phones: btree indexes on the number and on the number reversed, with the scope columns in the key.
 *
 * Sorted by name, a search first walks the scope's name index in order for a bounded number of entries
 * ({@link ORDERED_SCAN_ROWS}): a common word fills the page there at once. When it does not, the matches are
 * rare in the scope and the GIN index gives all of them after that point, sorted (see `listMembers`).
 */
import type { Unit } from '@vwu/contracts';
import type { SqlParams } from '../store/sql-params.js';
import { escapeLike, type MemberSearch } from './search-text.js';

/** Which word of a name the first word of a search may start: any, the first (family name), a later one. */
export type FirstWord = 'any' | 'first' | 'later';

/** The lexeme prefix of a scope: `''` for the whole country, else the unit key. */
export function scopePrefix(unit: Unit): string {
  return unit.level === 'central' ? '' : unit.key;
}

/**
 * Middle names nearly every member has ("Thị" for women, "Văn" for men): in a search with other words they
 * select nothing, and their posting lists are the longest of all, so the GIN query leaves them to the exact
 * check.
 */
const EVERYWHERE = new Set(['thi', 'van']);

/**
 * The tsquery text of a name search in a scope. Words before the last are whole words (the person typed the
 * space after them); the last may be the start of a word. The first word of the search is looked for on the
 * name's first word (`^`), a later word (`|`) or either; the others on later words only (the words of a search
 * match in order).
 *
 * @example termsQuery(['nguyen', 'hoa'], '2025:80', 'first') // "'2025:80^nguyen' & '2025:80|hoa':*"
 */
export function termsQuery(tokens: readonly string[], prefix: string, first: FirstWord): string {
  const last = tokens.length - 1;
  const term = (mark: '^' | '|', i: number) =>
    `'${`${prefix}${mark}${tokens[i] ?? ''}`.replace(/['\\]/g, (c) => `\\${c}`)}'${i === last ? ':*' : ''}`;
  const kept = tokens
    .map((_, i) => i)
    .filter((i) => i === 0 || !EVERYWHERE.has(tokens[i] ?? '') || i === last);
  return kept
    .map((i) => {
      if (i > 0 || first === 'later') return term('|', i);
      if (first === 'first') return term('^', i);
      return `(${term('^', i)} | ${term('|', i)})`;
    })
    .join(' & ');
}

/**
 * The LIKE pattern on `' ' || name_search` (spaces doubled) of the words of a search: each starts a word, in order, and each
 * but the last is a whole word.
 *
 * @example wordsPattern(['nguyen', 'hoa']) // '% nguyen % hoa%'
 */
export function wordsPattern(tokens: readonly string[]): string {
  return `${tokens.map((token) => `% ${escapeLike(token)}`).join(' ')}%`;
}

/**
 * The words condition alone, on the name column `column` (no index: checks rows another index found). Spaces
 * are doubled so that the space ending one whole word still leaves one to start the next.
 */
export function wordsCondition(column: string, search: NameSearch, p: SqlParams): string {
  return `(' ' || replace(${column}, ' ', '  ')) LIKE ${p.add(wordsPattern(search.tokens))}`;
}

/** A name search. */
export type NameSearch = MemberSearch & { kind: 'name' };

/** The GIN condition and the exact check of a name search on a `member` row aliased `m`. */
export function nameCondition(search: NameSearch, unit: Unit, first: FirstWord, p: SqlParams): string {
  return (
    `member_search_terms(m.province_key, m.commune_key, m.unit_key, m.name_search) @@ ` +
    `${p.add(termsQuery(search.tokens, scopePrefix(unit), first))}::tsquery AND ${wordsCondition('m.name_search', search, p)}`
  );
}

/**
 * The full condition of a search on a `member` row aliased `m` within `unit`: the index condition and the
 * exact check.
 */
export function searchCondition(search: MemberSearch, unit: Unit, p: SqlParams): string {
  if (search.kind === 'phone') {
    // parseSearch leaves digits only: nothing to escape.
    const { digits } = search;
    const reversed = [...digits].reverse().join('');
    return `(m.phone LIKE ${p.add(`${digits}%`)} OR reverse(m.phone) LIKE ${p.add(`${reversed}%`)})`;
  }
  return nameCondition(search, unit, 'any', p);
}
