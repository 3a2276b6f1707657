// Loads the demo member registry (pipeline's generator, national scale by default) into PostgreSQL for the
// API benchmark: secondary indexes dropped (their definitions kept in `bench_dropped_index`), rows streamed as
// CSV through `psql \copy` in chunks that commit on their own (a stopped load resumes where it was), indexes
// rebuilt, then ANALYZE. Does nothing when the table already holds the wanted number of demo members.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { buildWorld, generateMembers, registrySize } from '@vwu/pipeline';
import { searchKey } from '../dist/members/search-text.js';

const COLUMNS = [
  'member_key',
  'full_name',
  'name_search',
  'date_of_birth',
  'gender',
  'ethnicity',
  'religion',
  'phone',
  'address',
  'education',
  'unit_key',
  'commune_key',
  'province_key',
  'joined_on',
  'left_on',
  'card_status',
  'roles',
  'honorary',
  'trained',
  'status',
  'demo',
  'created_at',
  'updated_at',
];
const CHUNK_ROWS = 500_000;

function csv(value) {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(m, at) {
  return [
    m.member_key,
    m.full_name,
    searchKey(m.full_name),
    m.date_of_birth,
    'female',
    m.ethnicity,
    m.religion,
    m.phone,
    m.address,
    m.education,
    m.branch,
    m.commune,
    m.province,
    m.joined_on,
    m.left_on,
    m.card_status,
    `{${m.roles.join(',')}}`,
    m.honorary,
    m.trainings.length > 0,
    m.left_on === null ? 'active' : 'left',
    true,
    at,
    at,
  ]
    .map(csv)
    .join(',');
}

/** One `psql \copy` of some CSV lines, committed when it returns. */
async function copyChunk(url, lines) {
  const psql = spawn(
    'psql',
    [
      url,
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy member (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`,
    ],
    { stdio: ['pipe', 'inherit', 'inherit'] },
  );
  const done = once(psql, 'exit');
  for (let i = 0; i < lines.length; i += 5000) {
    if (!psql.stdin.write(`${lines.slice(i, i + 5000).join('\n')}\n`)) await once(psql.stdin, 'drain');
  }
  psql.stdin.end();
  const [code] = await done;
  if (code !== 0) throw new Error(`psql \\copy exited with ${code}`);
}

async function dropIndexes(pool) {
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_dropped_index (name text PRIMARY KEY, def text NOT NULL)',
  );
  const { rows: saved } = await pool.query('SELECT count(*)::int AS n FROM bench_dropped_index');
  if (saved[0].n > 0) return;
  const { rows } = await pool.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.tablename = 'member' AND i.schemaname = current_schema()
       AND i.indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'member'::regclass)`,
  );
  for (const index of rows) {
    await pool.query('INSERT INTO bench_dropped_index (name, def) VALUES ($1, $2)', [
      index.indexname,
      index.indexdef,
    ]);
    await pool.query(`DROP INDEX IF EXISTS ${index.indexname}`);
  }
}

async function rebuildIndexes(pool, log) {
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_dropped_index (name text PRIMARY KEY, def text NOT NULL)',
  );
  const { rows } = await pool.query('SELECT name, def FROM bench_dropped_index ORDER BY name');
  if (rows.length === 0) return;
  const client = await pool.connect();
  try {
    await client.query("SET maintenance_work_mem = '1GB'");
    for (const index of rows) {
      const t0 = Date.now();
      await client.query(index.def);
      await client.query('DELETE FROM bench_dropped_index WHERE name = $1', [index.name]);
      log(`  index ${index.name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    await client.query('ANALYZE member');
  } finally {
    client.release();
  }
}

/**
 * Makes `member` hold the first `target` demo members of the national registry (all of it by default).
 *
 * @param {{ url: string, pool: import('pg').Pool, hierarchy: import('@vwu/contracts').Hierarchy, target: number, today: string, log: (line: string) => void }} options
 * @returns {Promise<number>} demo members in the table afterwards
 */
export async function loadMembers({ url, pool, hierarchy, target: wanted, today, log }) {
  const world = buildWorld(hierarchy, 2025, 'national');
  // Second registrations of migrant members are left out: their keys may meet other members' keys.
  const target = Math.min(wanted, registrySize(world, today));
  const {
    rows: [{ n }],
  } = await pool.query('SELECT count(*)::int AS n FROM member WHERE demo');
  if (n >= target) {
    await rebuildIndexes(pool, log);
    log(`members: ${n.toLocaleString('en')} loaded`);
    return n;
  }
  log(`members: loading ${(target - n).toLocaleString('en')} more, up to ${target.toLocaleString('en')}…`);
  await dropIndexes(pool);
  const started = Date.now();
  const at = new Date(`${today}T00:00:00Z`).toISOString();
  let index = 0;
  let loaded = n;
  let lines = [];
  // The generator's keys are not unique at national scale (a few collide): the first one wins.
  const seen = new Set();
  for (const member of generateMembers(world, hierarchy, today, { duplicates: false })) {
    if (index >= target) break;
    if (seen.has(member.member_key)) continue;
    seen.add(member.member_key);
    index += 1;
    if (index <= n) continue;
    lines.push(row(member, at));
    if (lines.length === CHUNK_ROWS || index === target) {
      await copyChunk(url, lines);
      loaded += lines.length;
      lines = [];
      log(
        `  ${loaded.toLocaleString('en')} rows (${Math.round((loaded - n) / ((Date.now() - started) / 1000))}/s)`,
      );
    }
  }
  if (lines.length > 0) {
    await copyChunk(url, lines);
    loaded += lines.length;
  }
  log(`  copied in ${((Date.now() - started) / 1000).toFixed(0)} s; rebuilding the indexes…`);
  await rebuildIndexes(pool, log);
  log(`members: ${loaded.toLocaleString('en')} loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return loaded;
}
