// `npm run bench:api`: the API on a real PostgreSQL with the national demo registry, under 500 concurrent
// clients for 60 s — member search, scoped member lists and event ingestion at the same time — printing each
// figure and, last, one JSON line:
// {"members":…,"search_p50_ms":…,"search_p99_ms":…,"scoped_list_p99_ms":…,"reads_per_s":…,"ingest_events_per_s":…,"errors":…}
//   node bench/run.mjs [--members N] [--duration 60] [--connections 500] [--prepare-only]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { prepareDatabase } from './setup.mjs';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: String(Number.MAX_SAFE_INTEGER) },
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '500' },
    batch: { type: 'string', default: '500' },
    'prepare-only': { type: 'boolean', default: false },
  },
});
const DURATION_S = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const BATCH = Number(values.batch);
const TODAY = '2026-06-30';
const PASSWORD = 'VwuDemo-2025!';
const log = (line) => process.stdout.write(`[bench:api] ${line}\n`);

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHealth(base, child) {
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the API did not become healthy in 150 s');
}

async function signIn(base, username) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()).accessToken;
}

/** Search words and units to list, drawn from the registry of the leader's province. */
async function workload(url, province) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = await client.query(
      'SELECT full_name FROM member WHERE province_key = $1 ORDER BY id LIMIT 5000',
      [province],
    );
    const units = await client.query(
      `SELECT DISTINCT commune_key AS k FROM member WHERE province_key = $1 LIMIT 200`,
      [province],
    );
    const queries = names.rows.map((r, i) => {
      const words = r.full_name.split(' ');
      // Full names, "middle given" and given names alone; accents kept for half of them.
      const q = i % 3 === 0 ? r.full_name : i % 3 === 1 ? words.slice(-2).join(' ') : words.at(-1);
      return i % 2 === 0
        ? q
        : q.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    });
    return { queries, communes: units.rows.map((r) => r.k) };
  } finally {
    await client.end();
  }
}

function eventBodies(unit, count) {
  const bodies = [];
  for (let b = 0; b < count; b += 1) {
    const events = [];
    for (let i = 0; i < BATCH; i += 1) {
      events.push({
        event_id: `bench-${randomBytes(8).toString('hex')}`,
        type: 'meeting.held',
        schema_version: 2,
        occurred_at: '2026-05-15T19:00:00+07:00',
        unit_code: i % 2 === 0 ? unit : `${unit}-01`,
        attrs: { format: 'hybrid', attendees: 20 + (i % 30), minority_attendees: i % 5, duration_min: 90 },
      });
    }
    bodies.push(JSON.stringify(events));
  }
  return bodies;
}

function cycle(items) {
  let i = 0;
  return () => items[i++ % items.length];
}

function run(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('error', reject);
  });
}

/** Failed requests: connection errors (timeouts included) and answers other than 2xx. */
function failures(result) {
  return result.errors + result.non2xx;
}

/** One request of each kind before the load, so that a broken setup shows its answer instead of a count. */
async function probe(name, url, init) {
  const t0 = Date.now();
  const response = await fetch(url, init);
  const text = await response.text();
  log(
    `probe ${name}: ${response.status} in ${Date.now() - t0} ms${response.ok ? '' : ` ${text.slice(0, 300)}`}`,
  );
}

async function main() {
  const members = Number(values.members);
  const db = await prepareDatabase({ members, today: TODAY, log });
  if (values['prepare-only']) {
    await db.stopServer();
    return;
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const scratch = mkdtempSync(join(tmpdir(), 'vwu-bench-api-'));
  const child = spawn(process.execPath, [new URL('../dist/server.js', import.meta.url).pathname], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ACCESS_TOKEN_TTL_S: '3600',
      LOGIN_RATE_PER_IP: '1000',
      INGEST_RATE_PER_MIN: '1000000',
      INGEST_MAX_EVENTS: String(Math.max(1000, BATCH)),
      EVENT_LOG_DIR: join(scratch, 'event-log'),
      ANALYTICS_DIR: join(scratch, 'analytics'),
      KAFKA_BROKERS: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitForHealth(base, child);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const hasTayNinh =
      (await client.query("SELECT 1 FROM member WHERE province_key = '2025:80' LIMIT 1")).rowCount > 0;
    await client.end();
    const [leader, province] = hasTayNinh ? ['leader.tayninh', '2025:80'] : ['leader.hanoi', '2025:01'];
    const leaderToken = await signIn(base, leader);
    const officerToken = await signIn(base, 'officer.tanninh');
    const { queries, communes } = await workload(db.url, province);
    if (queries.length === 0) throw new Error(`no members in ${province}: load more (--members)`);
    log(
      `${db.members.toLocaleString('en')} members; ${leader} searches ${province} and lists ${communes.length} communes; officer.tanninh ingests batches of ${BATCH}`,
    );

    const auth = (token) => ({ authorization: `Bearer ${token}` });
    const sampleBody = eventBodies('2025:25459', 1)[0];
    await probe(
      'search',
      `${base}/api/units/${province}/members?limit=20&q=${encodeURIComponent(queries[0])}`,
      { headers: auth(leaderToken) },
    );
    await probe('list', `${base}/api/units/${communes[0]}/members?limit=50`, { headers: auth(leaderToken) });
    await probe('ingest', `${base}/api/events`, {
      method: 'POST',
      headers: { ...auth(officerToken), 'content-type': 'application/json' },
      body: sampleBody,
    });
    const nextQuery = cycle(queries);
    const nextCommune = cycle(communes);
    const nextBody = cycle(eventBodies('2025:25459', 40));
    const share = (n) => Math.max(1, Math.round(CONNECTIONS * n));
    const common = {
      url: base,
      duration: DURATION_S,
      timeout: 20,
      renderProgressBar: false,
      renderResultsTable: false,
    };
    const started = Date.now();
    const [search, list, ingest] = await Promise.all([
      run({
        ...common,
        connections: share(0.4),
        headers: auth(leaderToken),
        requests: [
          {
            setupRequest: (r) => ({
              ...r,
              path: `/api/units/${province}/members?limit=20&q=${encodeURIComponent(nextQuery())}`,
            }),
          },
        ],
      }),
      run({
        ...common,
        connections: share(0.4),
        headers: auth(leaderToken),
        requests: [{ setupRequest: (r) => ({ ...r, path: `/api/units/${nextCommune()}/members?limit=50` }) }],
      }),
      run({
        ...common,
        connections: CONNECTIONS - 2 * share(0.4),
        method: 'POST',
        headers: { ...auth(officerToken), 'content-type': 'application/json' },
        requests: [{ setupRequest: (r) => ({ ...r, path: '/api/events', body: nextBody() }) }],
      }),
    ]);
    const seconds = (Date.now() - started) / 1000;
    const ok = (r) => r['2xx'];
    const figures = {
      members: db.members,
      search_p50_ms: search.latency.p50,
      search_p99_ms: search.latency.p99,
      scoped_list_p99_ms: list.latency.p99,
      reads_per_s: Math.round((ok(search) + ok(list)) / seconds),
      ingest_events_per_s: Math.round((ok(ingest) * BATCH) / seconds),
      errors: failures(search) + failures(list) + failures(ingest),
    };
    for (const [name, r] of Object.entries({ search, list, ingest })) {
      log(
        `${name}: ${r.requests.total} requests, ${Math.round(r.requests.average)}/s, latency p50 ${r.latency.p50} ms p99 ${r.latency.p99} ms, 2xx ${r['2xx']}, non-2xx ${r.non2xx}, errors ${r.errors} (timeouts ${r.timeouts})`,
      );
    }
    log(`${CONNECTIONS} connections for ${seconds.toFixed(1)} s`);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    rmSync(scratch, { recursive: true, force: true });
    await db.stopServer();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
