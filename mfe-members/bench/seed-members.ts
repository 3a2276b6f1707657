// Fills the registry with a province's worth of members straight through SQL (the benchmark's starting
// state, not a code path the console uses): realistic names folded with the API's own search key, spread
// over the province's branches, in batches of `unnest` arrays.
import type { Hierarchy, UnitKey } from '@vwu/contracts';
import type { Store } from '@vwu/api';
import { searchKey } from '../../api/src/members/search-text.ts';
import { memberSheet } from '../test/e2e/member-sheet.ts';

const BATCH = 10_000;

/** The 2025 branches below a province, with their communes. */
export function branchesOf(hierarchy: Hierarchy, province: UnitKey): { branch: string; commune: string }[] {
  const out: { branch: string; commune: string }[] = [];
  for (const commune of hierarchy.children(province)) {
    for (const branch of hierarchy.children(commune.key))
      out.push({ branch: branch.key, commune: commune.key });
  }
  return out;
}

const iso = (typed: string) => typed.split('/').reverse().join('-');

/**
 * Inserts `count` members spread over `province`'s branches; resolves the seconds it took.
 *
 * @example await seedMembers(store, hierarchy, '2025:80', 1_000_000)
 */
export async function seedMembers(
  store: Store,
  hierarchy: Hierarchy,
  province: UnitKey,
  count: number,
  log: (line: string) => void,
): Promise<number> {
  const started = performance.now();
  const places = branchesOf(hierarchy, province);
  // Secondary indexes are dropped for the bulk load and built again after it, with the definitions the
  // migrations gave them (read back from the catalogue): one build beats a million index updates.
  const { rows: indexes } = await store.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes
     WHERE tablename = 'member' AND indexname NOT IN (
       SELECT conname FROM pg_constraint WHERE conrelid = 'member'::regclass)`,
  );
  for (const index of indexes) await store.query(`DROP INDEX ${index.name}`);
  const now = new Date().toISOString();
  for (let from = 0; from < count; from += BATCH) {
    const size = Math.min(BATCH, count - from);
    const sheet = memberSheet(size, 0, 1000 + from / BATCH);
    const cols = {
      key: [] as string[],
      name: [] as string[],
      search: [] as string[],
      born: [] as string[],
      ethnicity: [] as string[],
      phone: [] as string[],
      unit: [] as string[],
      commune: [] as string[],
      joined: [] as string[],
    };
    sheet.rows.forEach((row, i) => {
      const n = from + i;
      const place = places[n % places.length]!;
      cols.key.push(`bench${String(n).padStart(9, '0')}`);
      cols.name.push(row[1]!);
      cols.search.push(searchKey(row[1]!));
      cols.born.push(iso(row[2]!));
      cols.ethnicity.push(row[4]!);
      cols.phone.push(`0${String(300_000_000 + ((n * 104_729) % 600_000_000)).padStart(9, '0')}`);
      cols.unit.push(place.branch);
      cols.commune.push(place.commune);
      cols.joined.push(iso(row[8]!));
    });
    await store.query(
      `INSERT INTO member (member_key, full_name, name_search, date_of_birth, ethnicity, phone, unit_key,
         commune_key, province_key, joined_on, demo, created_at, updated_at)
       SELECT k, n, s, b::date, e, p, u, c, $10, j::date, true, $11, $11
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[]) AS t(k, n, s, b, e, p, u, c, j)`,
      [
        cols.key,
        cols.name,
        cols.search,
        cols.born,
        cols.ethnicity,
        cols.phone,
        cols.unit,
        cols.commune,
        cols.joined,
        province,
        now,
      ],
    );
    if ((from / BATCH) % 10 === 9) log(`  seeded ${(from + size).toLocaleString('en')} members`);
  }
  for (const index of indexes) await store.query(index.def);
  await store.query('ANALYZE member');
  return (performance.now() - started) / 1000;
}
