// Builds the API for a test file against the store the run selects: PGlite in memory by default, or, when
// TEST_DATABASE_URL is set (or the `postgres` project provides one), a fresh database on the real PostgreSQL
// server, created for this file and dropped afterwards.
import { randomBytes } from 'node:crypto';
import { parseUnitKey, type Hierarchy, type UnitKey } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import {
  buildApp,
  createDemoAccounts,
  loadUnits,
  migrate,
  openPgliteStore,
  openPostgresStore,
  parseConfig,
  unitsAround,
  type ApiConfig,
  type AppOptions,
  type Store,
} from '../../src/index.js';
import type {} from './context.js';

/** A clock the test moves by hand. */
export class TestClock {
  now: number;

  constructor(start = Date.parse('2025-09-01T02:00:00Z')) {
    this.now = start;
  }

  /** Moves time forward. */
  advance(seconds: number): void {
    this.now += seconds * 1000;
  }

  /** The clock function to pass to the app. */
  readonly fn = (): number => this.now;
}

/** The PostgreSQL URL of this run, or `undefined` for PGlite. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL ?? inject('testDatabaseUrl');
}

/** A store for one test file and how to remove it. */
export interface TestStore {
  store: Store;
  kind: 'pglite' | 'postgres';
  /** Closes the store and, on PostgreSQL, drops the database. */
  dispose(): Promise<void>;
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Opens an empty store: a new in-memory PGlite, or a new uniquely named database on the test server. */
export async function openTestStore(): Promise<TestStore> {
  const url = testDatabaseUrl();
  if (url === undefined) {
    const store = await openPgliteStore(null);
    return { store, kind: 'pglite', dispose: () => store.close() };
  }
  const name = `vwu_t_${randomBytes(6).toString('hex')}`;
  await admin(url, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const store = await openPostgresStore(dbUrl.toString(), { maxConnections: 4 });
  return {
    store,
    kind: 'postgres',
    async dispose() {
      await store.close();
      await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}

/** Settings for tests: a fixed secret, generous rate limits (a test that checks limits lowers them). */
export function testConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  const base = parseConfig({ JWT_SECRET: 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz', PGLITE_DIR: 'memory' });
  return { ...base, loginRateLimit: { perIp: 10_000, perUser: 10_000 }, ...overrides };
}

/** Tây Ninh and Hà Nội in both structures: the default units of a test database. */
export const TEST_PROVINCES = ['2025:80', '2025:01'] as const;

/** Options of {@link startTestApp}. */
export interface TestAppOptions {
  config?: Partial<ApiConfig>;
  /** 2025 provinces (or other units) whose subtrees, with their predecessors, are loaded. */
  roots?: readonly string[];
  logger?: AppOptions['logger'];
  extend?: AppOptions['extend'];
  /** Create the demo accounts (default true). */
  demoAccounts?: boolean;
}

/** A running app for one test file. */
export interface TestApp {
  app: FastifyInstance;
  store: Store;
  kind: 'pglite' | 'postgres';
  clock: TestClock;
  hierarchy: Hierarchy;
  config: ApiConfig;
  close(): Promise<void>;
}

/** Parses a unit key written in a test. */
export function key(text: string): UnitKey {
  return parseUnitKey(text);
}

/**
 * Opens a test store, migrates it, loads the units around `roots` and the demo accounts, and builds the app
 * on it with a hand-moved clock and no logs (unless a logger is given).
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const hierarchy = loadHierarchy();
  const testStore = await openTestStore();
  const clock = new TestClock();
  const config = testConfig(options.config);
  try {
    await migrate(testStore.store);
    const roots = (options.roots ?? TEST_PROVINCES).map(key);
    await loadUnits(testStore.store, hierarchy, { include: unitsAround(hierarchy, roots) });
    if (options.demoAccounts !== false) await createDemoAccounts(testStore.store, hierarchy, new Date(clock.now));
    const app = await buildApp({
      config,
      hierarchy,
      clock: clock.fn,
      logger: options.logger ?? false,
      store: testStore.store,
      ...(options.extend === undefined ? {} : { extend: options.extend }),
    });
    return {
      app,
      store: testStore.store,
      kind: testStore.kind,
      clock,
      hierarchy,
      config,
      async close() {
        await app.close();
        await testStore.dispose();
      },
    };
  } catch (error) {
    await testStore.dispose();
    throw error;
  }
}

/** Signs in through the API and returns the access token and refresh token. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ accessToken: string; refreshToken: string }>();
  return { accessToken: body.accessToken, refreshToken: body.refreshToken };
}

/** Rows in each table, to check that a refused request wrote nothing. */
export async function tableCounts(store: Store): Promise<Record<string, number>> {
  const tables = ['org_unit', 'unit_lineage', 'app_user', 'refresh_token', 'audit_log', 'schema_migrations'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0]?.n ?? -1;
  }
  return counts;
}
