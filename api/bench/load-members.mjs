// Loads the demo member registry (pipeline's generator, national scale by default) into PostgreSQL for the
// API benchmark: secondary indexes dropped, rows streamed as CSV through `psql \copy`, indexes rebuilt, then
// ANALYZE. Skipped when the table already holds the wanted number of demo members.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { buildWorld, generateMembers } from '@vwu/pipeline';
import { searchKey } from '../dist/members/search-text.js';

const COLUMNS = [
  'member_key', 'full_name', 'name_search', 'date_of_birth', 'gender', 'ethnicity', 'religion', 'phone',
  'address', 'education', 'unit_key', 'commune_key', 'province_key', 'joined_on', 'left_on', 'card_status',
  'roles', 'honorary', 'trained', 'status', 'demo', 'created_at', 'updated_at',
];

function csv(value) {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(m, at) {
  return [
    m.member_key, m.full_name, searchKey(m.full_name), m.date_of_birth, 'female', m.ethnicity, m.religion,
    m.phone, m.address, m.education, m.branch, m.commune, m.province, m.joined_on, m.left_on, m.card_status,
    `{${m.roles.join(',')}}`, m.honorary, m.trainings.length > 0, m.left_on === null ? 'active' : 'left', true,
    at, at,
  ].map(csv).join(',');
}

/**
 * Makes `member` hold `target` demo members (the first `target` of the national registry).
 *
 * @param {{ url: string, pool: import('pg').Pool, hierarchy: import('@vwu/contracts').Hierarchy, target: number, today: string, log: (line: string) => void }} options
 * @returns {Promise<number>} members in the table afterwards
 */
export async function loadMembers({ url, pool, hierarchy, target, today, log }) {
  const { rows: [{ n }] } = await pool.query('SELECT count(*)::int AS n FROM member WHERE demo');
  if (n >= target) {
    log(`members: ${n.toLocaleString('en')} already loaded`);
    return n;
  }
  log(`members: loading ${target.toLocaleString('en')} (table had ${n.toLocaleString('en')})…`);
  const { rows: indexes } = await pool.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.tablename = 'member' AND i.schemaname = current_schema()
       AND i.indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'member'::regclass)`,
  );
  await pool.query('TRUNCATE member RESTART IDENTITY CASCADE');
  for (const index of indexes) await pool.query(`DROP INDEX ${index.indexname}`);

  const started = Date.now();
  const psql = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-c',
    `\\copy member (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`], { stdio: ['pipe', 'inherit', 'inherit'] });
  const done = once(psql, 'exit');
  const world = buildWorld(hierarchy, 2025, 'national');
  const at = new Date(`${today}T00:00:00Z`).toISOString();
  let count = 0;
  let chunk = [];
  for (const member of generateMembers(world, hierarchy, today)) {
    chunk.push(row(member, at));
    count += 1;
    if (chunk.length === 5000 || count === target) {
      if (!psql.stdin.write(`${chunk.join('\n')}\n`)) await once(psql.stdin, 'drain');
      chunk = [];
      if (count % 1_000_000 === 0) log(`  ${count.toLocaleString('en')} rows (${Math.round(count / ((Date.now() - started) / 1000))}/s)`);
    }
    if (count === target) break;
  }
  if (chunk.length > 0) psql.stdin.write(`${chunk.join('\n')}\n`);
  psql.stdin.end();
  const [code] = await done;
  if (code !== 0) throw new Error(`psql \\copy exited with ${code}`);
  log(`  copied ${count.toLocaleString('en')} rows in ${((Date.now() - started) / 1000).toFixed(0)} s; rebuilding ${indexes.length} indexes…`);
  const client = await pool.connect();
  try {
    await client.query("SET maintenance_work_mem = '1GB'");
    await client.query('SET max_parallel_maintenance_workers = 2');
    for (const index of indexes) {
      const t0 = Date.now();
      await client.query(index.indexdef);
      log(`  ${index.indexname}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    await client.query('ANALYZE member');
  } finally {
    client.release();
  }
  log(`members: ${count.toLocaleString('en')} loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return count;
}
