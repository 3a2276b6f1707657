import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, readdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import { launchChromium } from '../../tests/infra/chromium.mjs';
const dist = '/work/main/mfe-kpi/dist';
const data = process.env.DATA ?? '/tmp/kpi-small';
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let file;
  if (url.pathname.startsWith('/kpi/')) file = join(dist, url.pathname.slice(5));
  else if (url.pathname.startsWith('/data/')) file = join(data, decodeURIComponent(url.pathname.slice(6)));
  else if (url.pathname === '/') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end('<!doctype html><title>t</title>'); }
  if (!file || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const worker = readdirSync(join(dist, 'assets')).find((f) => f.startsWith('analytics-worker-') && f.endsWith('.js'));
const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8'));
const types = (process.env.TYPES ?? 'meeting.held,document.received,document.issued,post.published,training.held').split(',');
const files = manifest.files.filter((f) => f.province === '2025:80' && types.includes(f.type)).map((f) => ({ url: `${base}/data/${f.path}`, sha256: f.sha256, bytes: f.bytes, rows: f.rows, eventType: f.type, province: f.province, month: f.month }));
const browser = await launchChromium();
const page = await browser.newPage();
const requests = [];
page.context().on('request', (r) => requests.push(r.url()));
page.context().on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
page.on('console', (m) => console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base + '/');
const sqls = (process.env.SQL ?? "SELECT month, count(*) n, sum(attendees) a FROM meeting_held GROUP BY 1 ORDER BY 1").split(';;');
const out = await page.evaluate(async ({ url, files, sqls, bundle }) => {
  const w = new Worker(url, { type: 'module' });
  let id = 0; const waiters = new Map(); const progress = [];
  w.onmessage = (e) => { const m = e.data; if (m.type === 'progress') { progress.push(m.progress); return; } const f = waiters.get(m.id); waiters.delete(m.id); f(m); };
  w.onerror = (e) => console.log('worker error', e.message);
  const send = (msg) => new Promise((r) => { const i = ++id; waiters.set(i, r); w.postMessage({ ...msg, id: i }); });
  const t0 = performance.now();
  const started = await send({ type: 'start', ...(bundle ? { bundle } : {}) });
  const t1 = performance.now();
  const loaded = await send({ type: 'load', files });
  const t2 = performance.now();
  const results = [];
  for (const sql of [...sqls, ...sqls, ...sqls, ...sqls]) { const q0 = performance.now(); const r = await send({ type: 'query', sql, params: [] }); results.push({ r, wall: performance.now() - q0 }); }
  await send({ type: 'retain', sha256: [] });
  const loaded2 = await send({ type: 'load', files });
  await send({ type: 'retain', sha256: [] });
  const loaded3 = await send({ type: 'load', files });
  console.warn('L2', JSON.stringify(loaded2), 'L3', JSON.stringify(loaded3));
  return { started, loaded, results, startWall: t1 - t0, loadWall: t2 - t1, progressCount: progress.length, lastProgress: progress.at(-1), loaded2 };
}, { url: `${base}/kpi/assets/${worker}`, files, sqls, bundle: process.env.BUNDLE });
console.log(JSON.stringify({ started: out.started.info, loaded: out.loaded.summary, q: out.results.map((r) => [r.r.result?.ms ?? r.r.error, r.wall]), startWall: out.startWall, loadWall: out.loadWall }, null, 1));
console.log('foreign requests:', requests.filter((u) => !u.startsWith(base)));
console.log('requests:', requests.length);
await browser.close();
server.close();
