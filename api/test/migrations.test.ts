// Forward-only versioned migrations on the store of the run (PGlite or PostgreSQL): applied in order and
// recorded with checksums; a changed, unknown or late migration stops the start with a clear error and
// leaves the database untouched.
import { loadHierarchy } from '@vwu/contracts/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MigrationError,
  buildApp,
  migrate,
  openPostgresStore,
  readMigrations,
  schemaVersion,
  type Migration,
} from '../src/index.js';
import { testConfig } from './helpers/app.js';
import { openTestStore, type TestStore } from './helpers/store.js';

let s: TestStore;

beforeEach(async () => {
  s = await openTestStore(false);
});

afterEach(async () => {
  await s?.dispose();
});

const shipped = readMigrations();
/** The version of the newest migration this build ships. */
const LATEST = shipped[shipped.length - 1]?.version ?? 0;

function variant(changes: Partial<Migration>, index = 0): Migration[] {
  return shipped.map((m, i) => (i === index ? { ...m, ...changes } : m));
}

async function tables(): Promise<string[]> {
  const { rows } = await s.store.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  it('ship as NNNN_name.sql files in version order', () => {
    expect(shipped.slice(0, 3).map((m) => m.name)).toEqual([
      '0001_org_units.sql',
      '0002_accounts.sql',
      '0003_audit_log.sql',
    ]);
    expect(shipped.every((m) => /^\d{4}_[a-z0-9_]+\.sql$/.test(m.name))).toBe(true);
    expect(shipped.every((m, i) => i === 0 || m.version > (shipped[i - 1]?.version ?? 0))).toBe(true);
    expect(shipped.every((m) => /^[0-9a-f]{64}$/.test(m.checksum))).toBe(true);
  });

  it('apply every migration once, in order, then nothing', async () => {
    expect(await schemaVersion(s.store)).toBe(0);
    const first = await migrate(s.store);
    expect(first).toEqual({ applied: shipped.map((m) => m.name), version: LATEST });
    expect(await tables()).toEqual(
      expect.arrayContaining([
        'app_user',
        'audit_log',
        'org_unit',
        'refresh_token',
        'schema_migrations',
        'unit_lineage',
      ]),
    );
    expect(await migrate(s.store)).toEqual({ applied: [], version: LATEST });
    expect(await schemaVersion(s.store)).toBe(LATEST);
  });

  it('apply once when two processes start together (advisory lock on PostgreSQL)', async () => {
    const other = s.url === undefined ? s.store : await openPostgresStore(s.url, { maxConnections: 1 });
    try {
      const reports = await Promise.all([migrate(s.store), migrate(other)]);
      expect(reports.flatMap((r) => r.applied).sort()).toEqual(shipped.map((m) => m.name));
      expect(reports.map((r) => r.version)).toEqual([LATEST, LATEST]);
    } finally {
      if (other !== s.store) await other.close();
    }
  });

  it('apply only the pending ones', async () => {
    await migrate(s.store, shipped.slice(0, 1));
    expect(await migrate(s.store)).toEqual({
      applied: shipped.slice(1).map((m) => m.name),
      version: LATEST,
    });
  });

  it.each([
    {
      case: 'an applied migration was edited',
      next: () => variant({ checksum: 'f'.repeat(64) }),
      message: /0001_org_units\.sql was changed after it was applied/,
    },
    {
      case: 'the database is newer than the code',
      next: () => shipped.slice(0, 2),
      message: /0003_audit_log\.sql, which this build does not ship/,
    },
  ])('refuse to start when $case', async ({ next, message }) => {
    await migrate(s.store);
    const before = await tables();
    await expect(migrate(s.store, next())).rejects.toThrow(MigrationError);
    await expect(migrate(s.store, next())).rejects.toThrow(message);
    expect(await tables()).toEqual(before);
  });

  it('refuse a new migration numbered below an applied one', async () => {
    const later: Migration = {
      version: 4,
      name: '0004_later.sql',
      sql: 'SELECT 1',
      checksum: 'b'.repeat(64),
    };
    await migrate(s.store, [...shipped.slice(0, 2), later]);
    await expect(migrate(s.store, [...shipped, later])).rejects.toThrow(
      /0003_audit_log\.sql is new but version 4 is already applied/,
    );
  });

  it('roll back a failing migration entirely', async () => {
    const broken: Migration = {
      version: 4,
      name: '0004_broken.sql',
      sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();',
      checksum: 'a'.repeat(64),
    };
    await expect(migrate(s.store, [...shipped, broken])).rejects.toThrow();
    expect(await tables()).toEqual([]);
  });

  it('stop the app from starting with the migration error, naming the file', async () => {
    await migrate(s.store, variant({ checksum: 'e'.repeat(64) }, 1));
    const start = buildApp({
      config: testConfig(),
      hierarchy: loadHierarchy(),
      logger: false,
      store: s.store,
    });
    await expect(start).rejects.toThrow(/0002_accounts\.sql was changed/);
  });
});
