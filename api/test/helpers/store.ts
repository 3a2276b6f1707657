// The store of one test file: PGlite in memory by default, or, when TEST_DATABASE_URL is set (or the
// `postgres` project provides a server), a uniquely named database on the real PostgreSQL server, dropped
// afterwards. `filled` stores start from the run's template (test units and demo accounts).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPgliteStore, openPostgresStore, type Store } from '../../src/index.js';
import { fillTemplate } from '../setup/template.js';
import type {} from './context.js';

/** A store for one test file and how to remove it. */
export interface TestStore {
  store: Store;
  kind: 'pglite' | 'postgres';
  /** The database URL on PostgreSQL (to open a second connection pool), `undefined` on PGlite. */
  url: string | undefined;
  /** Closes the store and, on PostgreSQL, drops the database. */
  dispose(): Promise<void>;
}

/** The PostgreSQL URL of this run, or `undefined` for PGlite. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL ?? inject('testDatabaseUrl');
}

async function onServer(url: string, sql: (client: pg.Client) => string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql(client));
  } finally {
    await client.end();
  }
}

async function postgresStore(url: string, template: string | undefined): Promise<TestStore> {
  const name = `vwu_t_${randomBytes(6).toString('hex')}`;
  await onServer(url, (c) => {
    const source = template === undefined ? '' : ` TEMPLATE ${c.escapeIdentifier(template)}`;
    return `CREATE DATABASE ${c.escapeIdentifier(name)}${source}`;
  });
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const store = await openPostgresStore(dbUrl.toString(), { maxConnections: 4 });
  return {
    store,
    kind: 'postgres',
    url: dbUrl.toString(),
    async dispose() {
      await store.close();
      await onServer(url, (c) => `DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
    },
  };
}

/**
 * Opens a store for a test file: empty, or `filled` (migrated, test provinces, demo accounts) from the run's
 * template when there is one, else filled here.
 */
export async function openTestStore(filled: boolean): Promise<TestStore> {
  const url = testDatabaseUrl();
  const pgliteTemplate = filled ? inject('pgliteTemplate') : undefined;
  const pgliteStart = filled ? pgliteTemplate : inject('pgliteEmpty');
  const postgresTemplate = filled ? inject('postgresTemplate') : undefined;
  const testStore =
    url !== undefined
      ? await postgresStore(url, postgresTemplate)
      : await openPgliteStore(
          null,
          pgliteStart === undefined ? {} : { from: new Blob([readFileSync(pgliteStart)]) },
        ).then((store): TestStore => ({
          store,
          kind: 'pglite',
          url: undefined,
          dispose: () => store.close(),
        }));
  const fromTemplate = url !== undefined ? postgresTemplate !== undefined : pgliteTemplate !== undefined;
  if (filled && !fromTemplate) {
    try {
      await fillTemplate(testStore.store);
    } catch (error) {
      await testStore.dispose();
      throw error;
    }
  }
  return testStore;
}
