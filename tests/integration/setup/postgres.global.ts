// Global setup of the `integration` project: a real PostgreSQL server (tests/infra/postgres.mjs).
// Stopped at the end only if this run started it, and kept when VWU_KEEP_SERVERS=1.
import type { TestProject } from 'vitest/node';
import { ensurePostgres, stopPostgres } from '../../infra/postgres.mjs';
import type {} from './context.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await ensurePostgres();
  project.provide('postgres', { url: postgres.url, version: postgres.version });
  process.env.DATABASE_URL = postgres.url;
  return async () => {
    if (postgres.startedNow && process.env.VWU_KEEP_SERVERS !== '1') await stopPostgres();
  };
}
