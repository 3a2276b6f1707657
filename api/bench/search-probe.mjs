// Member search on its own, one query at a time, against the benchmark database: what a search costs in the
// store before any queueing (the load run measures it under 500 clients). Prints p50/p99/max per query shape.
//   node bench/search-probe.mjs [--unit 2025:01] [--queries 300] [--total]
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadHierarchy } from '@vwu/contracts/node';
import { openPostgresStore } from '../dist/index.js';
import { listMembers } from '../dist/members/member-page.js';
import { BENCH_DB } from './setup.mjs';

const { values } = parseArgs({
  options: {
    unit: { type: 'string', default: '2025:01' },
    queries: { type: 'string', default: '300' },
    total: { type: 'boolean', default: false },
  },
});
const URL_ = `postgres://vwu:${process.env.PG_PASSWORD || 'vwu'}@127.0.0.1:${process.env.PG_PORT || 54329}/${BENCH_DB}`;

/** The p-th percentile (nearest rank). */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

async function main() {
  const hierarchy = loadHierarchy();
  const unit = hierarchy.find(values.unit);
  if (unit === undefined) throw new Error(`unknown unit ${values.unit}`);
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  const column = { province: 'province_key', commune: 'commune_key' }[unit.level] ?? 'unit_key';
  const { rows } = await client.query(
    `SELECT full_name, phone FROM member WHERE ${column} = $1 ORDER BY id LIMIT $2`,
    [unit.key, Number(values.queries)],
  );
  await client.end();
  const shapes = {
    'full name': (r) => r.full_name,
    'last two words': (r) => r.full_name.split(' ').slice(-2).join(' '),
    'given name': (r) => fold(r.full_name.split(' ').at(-1)),
    'family name': (r) => fold(r.full_name.split(' ')[0]),
    'phone start': (r) => (r.phone ?? '0912').slice(0, 5),
    'phone end': (r) => (r.phone ?? '345678').slice(-6),
  };
  const store = await openPostgresStore(URL_, { maxConnections: 1 });
  try {
    const all = [];
    for (const [shape, make] of Object.entries(shapes)) {
      const times = [];
      for (const row of rows) {
        const t0 = performance.now();
        await listMembers(store, unit, { q: make(row), limit: 20, withTotal: values.total }, '2026-06-30');
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      process.stdout.write(
        `[search-probe] ${values.unit} ${shape.padEnd(15)} p50 ${percentile(times, 50).toFixed(1)} ms  p99 ${percentile(times, 99).toFixed(1)} ms  max ${times.at(-1).toFixed(1)} ms\n`,
      );
    }
    all.sort((a, b) => a - b);
    process.stdout.write(
      `${JSON.stringify({ unit: values.unit, searches: all.length, p50_ms: +percentile(all, 50).toFixed(1), p99_ms: +percentile(all, 99).toFixed(1) })}\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
