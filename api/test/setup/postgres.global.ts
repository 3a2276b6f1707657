// Global setup of the `postgres` project: the real PostgreSQL server from tests/infra/postgres.mjs (installed
// and started when missing) and a template database filled once, which each test file copies with
// CREATE DATABASE … TEMPLATE. The server is stopped at the end only when this run started it, and kept when
// VWU_KEEP_SERVERS=1.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgresStore } from '../../src/index.js';
import type {} from '../helpers/context.js';
import { fillTemplate } from './template.js';

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

async function onServer(url: string, sql: (client: pg.Client) => string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql(client));
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const infra = (await import(INFRA)) as PostgresInfra;
  const postgres = await infra.ensurePostgres();
  const template = `vwu_api_template_${randomBytes(4).toString('hex')}`;
  await onServer(postgres.url, (c) => `CREATE DATABASE ${c.escapeIdentifier(template)}`);
  const templateUrl = new URL(postgres.url);
  templateUrl.pathname = `/${template}`;
  const store = await openPostgresStore(templateUrl.toString(), { maxConnections: 2 });
  try {
    await fillTemplate(store);
  } finally {
    await store.close();
  }
  project.provide('testDatabaseUrl', postgres.url);
  project.provide('postgresTemplate', template);
  return async () => {
    await onServer(
      postgres.url,
      (c) => `DROP DATABASE IF EXISTS ${c.escapeIdentifier(template)} WITH (FORCE)`,
    );
    if (postgres.startedNow && process.env.VWU_KEEP_SERVERS !== '1') await infra.stopPostgres();
  };
}
