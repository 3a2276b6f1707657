// Search latency as a person sees it, measured in Chromium on the built console: from the moment the
// search request leaves the browser (after the deliberate 250 ms pause that waits for typing to end) to the
// moment the matching members are on the screen.
import type { Browser } from 'playwright-core';
import { signIn } from '../../shell/test-kit/browser.ts';

/** Searches an officer types: names without and with diacritics, parts of names, phone fragments. */
export const SEARCHES = [
  'nguyen thi hoa',
  'Nguyễn Thị Hoà',
  'tran thi lan',
  'le thi huong',
  'pham ngoc mai',
  'hoang thi thu nga',
  'vo thi my loan',
  'thach thi sa',
  'danh thi my',
  'lam thi my linh',
  'bui thi kim tuyet',
  'duong thi bich nhung',
  'ngo thi thanh yen',
  'do hong trang',
  'huynh thi vy',
  'phan thi uyen',
  'ly thi quyen',
  'dang thi khue',
  'ho thi duyen',
  'vu thi thuy',
  'hoa',
  'thuy',
  'nguyen',
  'thi lan',
  'kim huong',
  'Trần Thị Thủy',
  'Lê Thị Hạnh',
  'Đặng Ngọc Nhung',
  'Võ Thị Mỹ Yến',
  'tu thi hoa',
  '0912',
  '03000',
  '345678',
  '0934',
  '70001',
  'son thi phol',
  'quach thi han',
  'trinh thi hue',
  'dao thi y',
  'luu thi mai',
];

/** Latencies of one run (ms), in the order of {@link SEARCHES}. */
export interface SearchRun {
  latencies: number[];
  /** Network and server part of each (request start → response end). */
  serverParts: number[];
}

/** Searches run first and not counted (caches of a fresh server). */
const WARM_UP_SEARCHES = ['mai', 'lan', 'huong', 'nga', 'loan'];
const WARM_UP = WARM_UP_SEARCHES.length;

/**
 * Signs in on `consoleUrl` as `username`, opens the member list of `unitKey`, warms up with a few searches
 * and then times every search of {@link SEARCHES} once.
 */
export async function measureSearch(
  browser: Browser,
  consoleUrl: string,
  unitKey: string,
  username: string,
  password: string,
): Promise<SearchRun> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(`${consoleUrl}/members?unit=${encodeURIComponent(unitKey)}`);
    await signIn(page, username, password);
    await page.locator('.count').waitFor({ timeout: 120_000 });
    await page.evaluate(() => {
      const w = window as unknown as { __searches: { latency: number; server: number }[] };
      w.__searches = [];
      let pending: { t0: number; server: number } | null = null;
      const original = window.fetch;
      window.fetch = async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (!url.includes('/members?') || !url.includes('q=')) return original(input, init);
        const t0 = performance.now();
        const response = await original(input, init);
        const body = await response.clone().arrayBuffer();
        pending = { t0, server: performance.now() - t0 };
        void body;
        return response;
      };
      new MutationObserver(() => {
        if (pending !== null && document.querySelector('.table-card[aria-busy="false"]') !== null) {
          w.__searches.push({ latency: performance.now() - pending.t0, server: pending.server });
          pending = null;
        }
      }).observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
        attributes: true,
        attributeFilter: ['aria-busy'],
      });
    });
    const box = page.getByRole('searchbox');
    const run: SearchRun = { latencies: [], serverParts: [] };
    const plan = [...WARM_UP_SEARCHES, ...SEARCHES];
    for (const [index, q] of plan.entries()) {
      const before = await page.evaluate(
        () => (window as unknown as { __searches: unknown[] }).__searches.length,
      );
      await box.fill(q);
      await page.waitForFunction(
        (n) => (window as unknown as { __searches: unknown[] }).__searches.length > n,
        before,
        { timeout: 300_000 },
      );
      if (index < WARM_UP) continue;
      const last = await page.evaluate(() => {
        const all = (window as unknown as { __searches: { latency: number; server: number }[] }).__searches;
        return all[all.length - 1]!;
      });
      run.latencies.push(last.latency);
      run.serverParts.push(last.server);
    }
    return run;
  } finally {
    await page.close();
  }
}

/** The p-th percentile (nearest rank) of values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
