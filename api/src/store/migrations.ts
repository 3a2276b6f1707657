import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable, Store } from './store.js';

/** `<api>/migrations`: both `src/store/` and `dist/store/` sit two levels under the package root. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Key of the transaction-scoped advisory lock that serialises migrations ('vwu1' in ASCII). */
const MIGRATION_LOCK = 0x76777531;

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** One forward-only migration file, `NNNN_name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** sha256 of the file's bytes, hex. */
  checksum: string;
}

/** What {@link migrate} did. */
export interface MigrationReport {
  /** File names applied by this call, in order. */
  applied: string[];
  /** Highest version now in the database (0 when none). */
  version: number;
}

/** The migrations cannot be applied safely; the message says which file and what to do. */
export class MigrationError extends Error {
  /** @param message names the file and the fix. */
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * Reads `NNNN_name.sql` files from `dir`, sorted by version.
 *
 * @throws MigrationError for a `.sql` file with another name, or two files with one version.
 */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
    const match = FILE_NAME.exec(file);
    if (match === null) {
      throw new MigrationError(
        `Migration file "${file}" must be named NNNN_name.sql (e.g. 0004_members.sql).`,
      );
    }
    const bytes = readFileSync(join(dir, file));
    migrations.push({
      version: Number(match[1]),
      name: file,
      sql: bytes.toString('utf8'),
      checksum: createHash('sha256').update(bytes).digest('hex'),
    });
  }
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous !== undefined && previous.version === m.version) {
      throw new MigrationError(`Migrations "${previous.name}" and "${m.name}" share version ${m.version}.`);
    }
  });
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

function checkApplied(applied: AppliedRow[], known: Map<number, Migration>): void {
  for (const row of applied) {
    const file = known.get(row.version);
    if (file === undefined) {
      throw new MigrationError(
        `The database has migration ${row.name}, which this build does not ship: it was made by a newer ` +
          'version of the API. Run that version, or restore a backup taken before it.',
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${file.name} was changed after it was applied (checksum differs). Migrations are ` +
          'forward-only: restore the original file and put the change in a new NNNN_name.sql.',
      );
    }
  }
}

async function appliedRows(tx: Queryable): Promise<AppliedRow[]> {
  await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const { rows } = await tx.query<AppliedRow>(
    'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
  );
  return rows;
}

/**
 * Applies pending migrations in version order, all in one transaction, after checking that every applied
 * migration is unchanged. On PostgreSQL an advisory lock makes concurrent starts wait for each other.
 *
 * @throws MigrationError when an applied migration changed or is unknown; the database is left untouched.
 * @example const { version } = await migrate(store);
 */
export async function migrate(
  store: Store,
  migrations: Migration[] = readMigrations(),
): Promise<MigrationReport> {
  const known = new Map(migrations.map((m) => [m.version, m]));
  return store.transaction(async (tx) => {
    if (store.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const applied = await appliedRows(tx);
    checkApplied(applied, known);
    const done = new Set(applied.map((row) => row.version));
    const report: MigrationReport = { applied: [], version: applied.at(-1)?.version ?? 0 };
    const pending = migrations.filter((m) => !done.has(m.version));
    const late = pending.find((m) => m.version < report.version);
    if (late !== undefined) {
      throw new MigrationError(
        `Migration ${late.name} is new but version ${report.version} is already applied. Migrations are ` +
          `forward-only: rename it to a version above ${report.version}.`,
      );
    }
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      report.applied.push(migration.name);
      report.version = migration.version;
    }
    return report;
  });
}

/** Highest applied migration version, or 0 on an empty database. */
export async function schemaVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ present: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS present",
  );
  if (rows[0]?.present !== true) return 0;
  const max = await q.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return max.rows[0]?.v ?? 0;
}
