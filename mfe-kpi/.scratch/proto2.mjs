import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, readdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import { launchChromium } from '../../tests/infra/chromium.mjs';
const dist = '/work/main/mfe-kpi/dist';
const data = process.env.DATA ?? '/tmp/kpi-small';
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let file, cache = 'no-store';
  if (url.pathname.startsWith('/kpi/')) { file = join(dist, url.pathname.slice(5)); cache = 'public, max-age=31536000, immutable'; }
  else if (url.pathname.startsWith('/data/')) file = join(data, decodeURIComponent(url.pathname.slice(6)));
  else if (url.pathname === '/') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end('<!doctype html><title>t</title><link rel="icon" href="data:,">'); }
  if (!file || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const worker = readdirSync(join(dist, 'assets')).find((f) => f.startsWith('analytics-worker-') && f.endsWith('.js'));
const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8'));
const types = (process.env.TYPES ?? 'meeting.held,document.received,document.issued,post.published,training.held').split(',');
const files = manifest.files.filter((f) => f.province === '2025:80' && types.includes(f.type)).map((f) => ({ url: `${base}/data/${f.path}`, sha256: f.sha256, bytes: f.bytes, rows: f.rows, eventType: f.type, province: f.province, month: f.month }));
const browser = await launchChromium();
const context = await browser.newContext();
const sql = process.env.SQL ?? "SELECT month, count(*) n, sum(attendees) a FROM meeting_held GROUP BY 1 ORDER BY 1";
for (const visit of [1, 2, 3]) {
  const page = await context.newPage();
  page.on('console', (m) => console.log('console:', m.text()));
  await page.goto(base + '/');
  const out = await page.evaluate(async ({ url, files, sql, bundle }) => {
    const t0 = performance.now();
    const w = new Worker(url, { type: 'module' });
    let id = 0; const waiters = new Map();
    w.onmessage = (e) => { const m = e.data; if (m.type === 'progress') return; const f = waiters.get(m.id); waiters.delete(m.id); f(m); };
    const send = (msg) => new Promise((r) => { const i = ++id; waiters.set(i, r); w.postMessage({ ...msg, id: i }); });
    const [started, loaded] = await Promise.all([send({ type: 'start', ...(bundle ? { bundle } : {}) }), send({ type: 'load', files })]);
    const t1 = performance.now();
    const q = [];
    for (let i = 0; i < 5; i++) { const a = performance.now(); const r = await send({ type: 'query', sql, params: [] }); q.push(Math.round(performance.now() - a)); if (r.type === 'error') q.push(r.error.message); }
    w.terminate();
    return { ready: Math.round(t1 - t0), start: started.info?.ms, load: loaded.summary, q };
  }, { url: `${base}/kpi/assets/${worker}`, files, sql, bundle: process.env.BUNDLE });
  console.log(`visit ${visit}:`, JSON.stringify(out));
  await page.close();
}
await browser.close();
server.close();
