/**
 * The one storage interface of the API. Two implementations share it: PostgreSQL through `pg` (when
 * `DATABASE_URL` is set) and embedded PGlite (the default). Values always travel as parameters (`$1`, `$2`…),
 * never inside the SQL text.
 */

/** What a query returns: the rows and how many rows the statement touched. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** Something that runs SQL: the store itself, or a transaction. */
export interface Queryable {
  /**
   * Runs one statement with positional parameters.
   *
   * @example await q.query<{ n: number }>('SELECT count(*)::int AS n FROM org_unit WHERE depth = $1', [1])
   */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
}

/** Which engine a store runs on. */
export type StoreKind = 'pglite' | 'postgres';

/** A database: queries, transactions, and its own shutdown. */
export interface Store extends Queryable {
  readonly kind: StoreKind;
  /**
   * Runs `fn` inside one transaction: committed when it resolves, rolled back when it throws.
   *
   * @example await store.transaction(async (tx) => { await tx.query('UPDATE …', [id]); })
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes connections (or the embedded database). */
  close(): Promise<void>;
}

/** How to reach the store: a PostgreSQL URL, or PGlite in a data directory (`null` = in memory). */
export type StoreConfig = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };
