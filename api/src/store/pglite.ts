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

/** Options of {@link openPgliteStore}. */
export interface PgliteStoreOptions {
  /** Start from a data-directory dump ({@link PgliteStore.dump}) instead of an empty cluster: a restore, or a test template. */
  from?: Blob;
}

/** A PGlite store, which can also dump its whole data directory. */
export interface PgliteStore extends Store {
  readonly kind: 'pglite';
  /** The data directory as an uncompressed tarball, for {@link PgliteStoreOptions.from}. */
  dump(): Promise<Blob>;
}

/**
 * Opens embedded PostgreSQL (PGlite) in `dataDir`, or in memory when `dataDir` is `null`, with the
 * `pg_trgm` extension available.
 *
 * @example const store = await openPgliteStore(null); // a fresh in-memory database
 */
export async function openPgliteStore(
  dataDir: string | null,
  pgliteOptions: PgliteStoreOptions = {},
): Promise<PgliteStore> {
  const options = {
    extensions: { pg_trgm },
    parsers,
    ...(pgliteOptions.from === undefined ? {} : { loadDataDir: pgliteOptions.from }),
  };
  const db = dataDir === null ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  const self = wrap(db);
  return {
    kind: 'pglite',
    query: self.query,
    exec: self.exec,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
    dump: () => db.dumpDataDir('none'),
  };
}
