// @ts-check
// `npm run bench:shell`: from the built bundles, the shell's JS (gzip) loaded before any module, each
// module's own JS (gzip; shared packages and lazily loaded heavy libraries left out), and the median over 5
// runs of navigation → first module painted in headless Chromium, against the console as `npm start` serves
// it (the built API on a scratch store, the modules deployed through it). Targets: ≤ 60 KB, ≤ 150 KB, ≤ 1.5 s.
// Last line: {"shell_kb_gz":…,"mfe_kb_gz":{…},"first_paint_ms":…}
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../tests/infra/chromium.mjs';
import { DEMO_PASSWORD, startConsole } from '../../tests/e2e/harness.mjs';
import { HEAVY_LIBS, closure, gzip, kb } from './sizes-lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 5;
const MODULES = ['mfe-members', 'mfe-kpi', 'mfe-contests'];
const round1 = (/** @type {number} */ bytes) => Math.round((bytes / 1024) * 10) / 10;

function sizes() {
  const shellDist = join(root, 'shell', 'dist');
  const shell = JSON.parse(readFileSync(join(shellDist, 'deploy.json'), 'utf8'));
  const imports = shell.importMap.imports;
  const before = closure(imports['@vwu/root-config'], imports, shellDist);
  const shellBytes = before.reduce((sum, f) => sum + gzip(join(shellDist, f)), 0);
  console.log(`shell JS before any module (gzip -9): ${kb(shellBytes)} in ${before.length} files`);
  /** @type {Record<string, number | null>} */
  const modules = {};
  for (const name of MODULES) {
    const dist = join(root, name, 'dist');
    if (!existsSync(join(dist, 'deploy.json'))) {
      console.log(`${name}: not built`);
      modules[name] = null;
      continue;
    }
    const manifest = JSON.parse(readFileSync(join(dist, 'deploy.json'), 'utf8'));
    const entry = closure(
      manifest.importMap.imports[manifest.name],
      manifest.importMap.imports,
      dist,
      new Set(Object.keys(imports)),
    );
    const js = Object.keys(manifest.importMap.integrity ?? {}).map((u) => u.replace(/^\.\//, ''));
    const heavy = js.filter((f) => !entry.includes(f) && HEAVY_LIBS.test(f));
    const own = js.filter((f) => !heavy.includes(f)).reduce((sum, f) => sum + gzip(join(dist, f)), 0);
    const lazyHeavy = heavy.reduce((sum, f) => sum + gzip(join(dist, f)), 0);
    console.log(
      `${name}: own JS ${kb(own)} (entry and its static imports ${kb(entry.reduce((s, f) => s + gzip(join(dist, f)), 0))})` +
        (heavy.length > 0
          ? `; lazily loaded heavy libraries left out: ${kb(lazyHeavy)} (${heavy.join(', ')})`
          : ''),
    );
    modules[name] = round1(own);
  }
  return { shell: round1(shellBytes), modules };
}

/** Median of navigation → first module painted, cold cache each run, signed in through the refresh cookie. */
async function firstPaint() {
  const server = await startConsole({ modules: ['mfe-members'] });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.addInitScript(() => {
      const w = /** @type {{ __firstModulePaint?: number }} */ (/** @type {unknown} */ (window));
      new MutationObserver((_, observer) => {
        const host = document.querySelector('.vwu-slot-host');
        if (host === null || host.querySelector('h1, h2, table, form, [class]') === null) return;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => (w.__firstModulePaint = performance.now())));
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}/members`);
    await page.getByLabel('Tên đăng nhập').fill('leader.tayninh');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.vwu-slot-host *').first().waitFor({ timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    /** @type {number[]} */
    const times = [];
    for (let run = 0; run < RUNS; run += 1) {
      await cdp.send('Network.clearBrowserCache');
      await page.goto(`${server.origin}/members?unit=2025:80`);
      await page.waitForFunction(() => '__firstModulePaint' in window, null, { timeout: 60_000 });
      const ms = await page.evaluate(
        () =>
          /** @type {{ __firstModulePaint: number }} */ (/** @type {unknown} */ (window)).__firstModulePaint,
      );
      console.log(`run ${run + 1}: navigation → first module painted ${ms.toFixed(0)} ms (cold cache)`);
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(times.length / 2)] ?? 0);
  } finally {
    await browser.close();
    await server.stop();
  }
}

const measured = sizes();
const firstPaintMs = await firstPaint();
console.log(`median over ${RUNS} runs: ${firstPaintMs} ms (target ≤ 1500 ms)`);
console.log(
  JSON.stringify({ shell_kb_gz: measured.shell, mfe_kb_gz: measured.modules, first_paint_ms: firstPaintMs }),
);
