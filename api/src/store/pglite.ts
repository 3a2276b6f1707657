import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { QueryResult, Queryable, Store } from './store.js';

/** Type OIDs whose text form we keep as plain JS values on both engines. */
const OID = { int8: 20, date: 1082 } as const;

/** Same value shapes as the `pg` store: int8 as number, date as 'YYYY-MM-DD'. */
const parsers = {
  [OID.int8]: (value: string) => Number(value),
  [OID.date]: (value: string) => value,
};

type PGliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(db: PGliteLike): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await db.query<T>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await db.exec(sql);
    },
  };
}

/**
 * Opens embedded PostgreSQL (PGlite) in `dataDir`, or in memory when `dataDir` is `null`, with the
 * `pg_trgm` extension available.
 *
 * @example const store = await openPgliteStore(null); // a fresh in-memory database
 */
export async function openPgliteStore(dataDir: string | null): Promise<Store> {
  const options = { extensions: { pg_trgm }, parsers };
  const db = dataDir === null ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  const self = wrap(db);
  return {
    kind: 'pglite',
    query: self.query,
    exec: self.exec,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
