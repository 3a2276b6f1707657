// Global setup of the `postgres` project: the real PostgreSQL server from tests/infra/postgres.mjs (installed
// and started when missing), handed to the test files as `testDatabaseUrl`. Stopped at the end only when this
// run started it, and kept when VWU_KEEP_SERVERS=1.
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type {} from '../helpers/context.js';

interface PostgresInfo {
  url: string;
  startedNow: boolean;
}

interface PostgresInfra {
  ensurePostgres(): Promise<PostgresInfo>;
  stopPostgres(): Promise<PostgresInfo>;
}

/** The infra script lives in the `tests` workspace; loaded by path, typed by the contract it documents. */
const INFRA = fileURLToPath(new URL('../../../tests/infra/postgres.mjs', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const infra = (await import(INFRA)) as PostgresInfra;
  const postgres = await infra.ensurePostgres();
  project.provide('testDatabaseUrl', postgres.url);
  return async () => {
    if (postgres.startedNow && process.env.VWU_KEEP_SERVERS !== '1') await infra.stopPostgres();
  };
}
