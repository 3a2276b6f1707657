// The benchmark's database: the test PostgreSQL server (tests/infra/postgres.mjs), a database of its own
// (`vwu_bench`, kept between runs), migrated, with the org units, the demo accounts and the demo members.
import pg from 'pg';
import { loadHierarchy } from '@vwu/contracts/node';
import { createDemoAccounts, ensureUnits, migrate, openPostgresStore } from '../dist/index.js';
import { loadMembers } from './load-members.mjs';

const INFRA = new URL('../../tests/infra/postgres.mjs', import.meta.url);
export const BENCH_DB = 'vwu_bench';

/**
 * @param {{ members: number, today: string, log: (line: string) => void }} options
 * @returns {Promise<{ url: string, members: number, hierarchy: import('@vwu/contracts').Hierarchy, stopServer: () => Promise<void> }>}
 */
export async function prepareDatabase({ members, today, log }) {
  const infra = await import(INFRA.href);
  const server = await infra.ensurePostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DB]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE ${BENCH_DB}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${BENCH_DB}`;
  const hierarchy = loadHierarchy();
  const store = await openPostgresStore(url.toString(), { maxConnections: 2 });
  try {
    await migrate(store);
    const loaded = await ensureUnits(store, hierarchy);
    if (loaded !== undefined) log(`org units loaded: ${JSON.stringify(loaded)}`);
    await createDemoAccounts(store, hierarchy, new Date());
  } finally {
    await store.close();
  }
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    const count = await loadMembers({ url: url.toString(), pool, hierarchy, target: members, today, log });
    return {
      url: url.toString(),
      members: count,
      hierarchy,
      stopServer: async () => {
        if (server.startedNow && process.env.VWU_KEEP_SERVERS !== '1') await infra.stopPostgres();
      },
    };
  } finally {
    await pool.end();
  }
}
