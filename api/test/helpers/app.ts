// Builds the API for a test file on its own store (see store.ts), with a hand-moved clock and no logs.
import { parseUnitKey, type Hierarchy, type UnitKey } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import type { FastifyInstance } from 'fastify';
import { buildApp, parseConfig, type ApiConfig, type AppOptions, type Store } from '../../src/index.js';
import { TEST_START } from '../setup/template.js';
import { openTestStore } from './store.js';

/** A clock the test moves by hand. */
export class TestClock {
  now = TEST_START;

  /** Moves time forward. */
  advance(seconds: number): void {
    this.now += seconds * 1000;
  }

  /** The clock function to pass to the app. */
  readonly fn = (): number => this.now;
}

/** Settings for tests: a fixed secret, generous rate limits (a test that checks limits lowers them). */
export function testConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  const base = parseConfig({
    JWT_SECRET: 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz',
    PGLITE_DIR: 'memory',
  });
  return { ...base, loginRateLimit: { perIp: 10_000, perUser: 10_000 }, ...overrides };
}

/** Options of {@link startTestApp}. */
export interface TestAppOptions {
  config?: Partial<ApiConfig>;
  logger?: AppOptions['logger'];
  extend?: AppOptions['extend'];
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

/** Builds the app on a store filled with the test provinces (Tây Ninh, Hà Nội) and the demo accounts. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const hierarchy = loadHierarchy();
  const testStore = await openTestStore(true);
  const clock = new TestClock();
  const config = testConfig(options.config);
  try {
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
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
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
