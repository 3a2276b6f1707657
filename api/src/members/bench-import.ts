/**
 * Server-side figures for issue 7's `bench:members`: imports a 100,000-row XLSX of realistic members (from
 * the demo generator) through the API's upload and commit routes, then measures member search latency
 * (p50/p95 over varied queries, with and without diacritics, names and phones) on what was loaded. Runs on
 * PGlite in memory, or on PostgreSQL when DATABASE_URL is set (a scratch database it creates and drops).
 * Last line: `{"import_100k_s":…,"search_p95_ms":…,"store":"pglite"|"postgres"}`.
 *
 * Usage: node dist/members/bench-import.js [--rows 100000]
 */
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { parseUnitKey } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import { buildWorld, generateMembers } from '@vwu/pipeline';
import { buildApp } from '../app.js';
import { parseConfig } from '../config.js';
import { createDemoAccounts, DEMO_PASSWORD } from '../demo/accounts.js';
import { openStore } from '../store/open.js';
import { migrate } from '../store/migrations.js';
import { loadUnits, unitsAround } from '../units/loader.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(values.rows);
/** Provinces whose demo members fill the file (enough for 100k rows at medium scale); imported at central. */
const PROVINCES = ['2025:01', '2025:79', '2025:38', '2025:40', '2025:33'];
const PROVINCE = '2025:TW';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const hierarchy = loadHierarchy();
const config = parseConfig({
  ...process.env,
  PGLITE_DIR: process.env.PGLITE_DIR ?? 'memory',
  LOG_LEVEL: 'silent',
});
const store = await openStore(config.store);
const kind = store.kind;
try {
  await migrate(store);
  await loadUnits(store, hierarchy, {
    include: unitsAround(
      hierarchy,
      // Tây Ninh too: the demo accounts' scopes need it.
      [...PROVINCES, '2025:80'].map((k) => parseUnitKey(k)),
    ),
  });
  await createDemoAccounts(store, hierarchy, new Date());
  const app = await buildApp({ config, hierarchy, store, logger: false });
  const login = await app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { username: 'admin', password: DEMO_PASSWORD },
  });
  const auth = { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` };

  // A realistic file: demo registry members (medium scale) of a few large provinces, as a spreadsheet.
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Hội viên');
  sheet.addRow(['Họ và tên', 'Ngày sinh', 'Dân tộc', 'Số điện thoại', 'Ngày vào Hội', 'Chi hội', 'Địa chỉ']);
  const names: string[] = [];
  let n = 0;
  for (const m of generateMembers(buildWorld(hierarchy, 2025, 'medium'), hierarchy, '2026-11-21')) {
    if (!PROVINCES.includes(m.province)) continue;
    const [y, mo, d] = m.date_of_birth.split('-');
    sheet.addRow([
      m.full_name,
      `${d}/${mo}/${y}`,
      m.ethnicity,
      m.phone ?? '',
      m.joined_on,
      m.branch,
      m.address,
    ]);
    if (n % 97 === 0) names.push(m.full_name);
    if (++n === ROWS) break;
  }
  const data = Buffer.from(await book.xlsx.writeBuffer());
  console.log(
    `file: ${n.toLocaleString('en')} rows, ${(data.length / 1e6).toFixed(1)} MB XLSX; store: ${kind}`,
  );

  const boundary = '----vwubench';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.xlsx"\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const started = performance.now();
  const up = await app.inject({
    method: 'POST',
    url: `/units/${PROVINCE}/member-imports`,
    headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  const uploaded = performance.now();
  const preview = up.json<{ importId: string; suggestedMapping: Record<string, string> }>();
  const commit = await app.inject({
    method: 'POST',
    url: `/units/${PROVINCE}/member-imports/${preview.importId}/commit`,
    headers: auth,
    payload: { mapping: preview.suggestedMapping },
  });
  const importS = (performance.now() - started) / 1000;
  console.log(
    `upload + preview: ${((uploaded - started) / 1000).toFixed(1)} s; commit: ${((performance.now() - uploaded) / 1000).toFixed(1)} s`,
  );
  console.log(
    `commit answer: ${commit.statusCode} ${JSON.stringify({ ...commit.json(), errors: undefined })}`,
  );

  const queries = [
    ...names.slice(0, 60).map((name) =>
      name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase(),
    ),
    ...names.slice(60, 100),
    ...names.slice(100, 140).map((name) => name.split(' ').slice(-2).join(' ')),
    'nguyen thi hoa',
    'tran thi',
    'hoa',
    '0912',
    '098',
    'le thi thu',
  ];
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const r = await app.inject({
      method: 'GET',
      url: `/units/${PROVINCE}/members?limit=50&q=${encodeURIComponent(q)}`,
      headers: auth,
    });
    times.push(performance.now() - t0);
    if (r.statusCode !== 200) throw new Error(`search failed: ${r.statusCode} ${r.body}`);
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  console.log(
    `search over ${n.toLocaleString('en')} members (server side, app.inject): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${times.length} queries)`,
  );
  await app.close();
  console.log(
    JSON.stringify({
      import_100k_s: Number(importS.toFixed(1)),
      search_p95_ms: Number(p95.toFixed(1)),
      store: kind,
    }),
  );
} finally {
  await store.close();
}
