import pg from 'pg';
import type { QueryResult, Queryable, Store } from './store.js';

/** Type OIDs whose text form we keep as plain JS values on both engines. */
const OID = { int8: 20, date: 1082 } as const;

/** Per-pool type parsers (never pg's global ones): int8 as number, date as 'YYYY-MM-DD'. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.int8) return (value: string) => Number(value);
    if (oid === OID.date) return (value: string) => value;
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await client.query(sql, [...params]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** Most connections the pool opens (default 10). */
  maxConnections?: number;
  /** Told when an idle connection breaks (the pool replaces it on the next checkout). */
  onIdleError?: (error: Error) => void;
}

/**
 * Connects a pool to PostgreSQL at `url` and checks that the server answers.
 *
 * @throws the connection error, with the password removed from any message that would show the URL.
 * @example const store = await openPostgresStore(process.env.DATABASE_URL!);
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, types });
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    await pool.query('SELECT 1');
  } catch (cause) {
    await pool.end();
    throw cause;
  }
  const self = wrap(pool);
  return {
    kind: 'postgres',
    query: self.query,
    exec: self.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A failed ROLLBACK means the connection is unusable: it is destroyed below, the first error is thrown.
        broken = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
