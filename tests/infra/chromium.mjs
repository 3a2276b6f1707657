// Debian's Chromium for the end-to-end suites, driven by playwright-core (which never downloads a browser
// of its own here), plus a font package that covers Vietnamese diacritics.
//   node tests/infra/chromium.mjs ensure|install|status
import { existsSync } from 'node:fs';
import { ensurePackages, isInstalled } from './lib/apt.mjs';
import { isMain, runCli } from './lib/cli.mjs';
import { withLock } from './lib/lock.mjs';
import { run } from './lib/proc.mjs';

/**
 * @typedef {'not-installed' | 'installed'} ChromiumState
 * @typedef {object} ChromiumInfo
 * @property {ChromiumState} state
 * @property {string} executablePath
 * @property {string} version      e.g. `Chromium 156.0.8078.79 built on Debian …`
 * @property {string[]} packages   the Debian packages this needs
 * @property {boolean} installedNow
 */

/** Debian packages: the browser, and Noto Sans/Serif (full Vietnamese coverage, incl. stacked diacritics). */
const packages = ['chromium', 'fonts-noto-core'];
const debianPath = '/usr/bin/chromium';

/**
 * Switches for every launch. Playwright itself already passes --no-sandbox (unless `chromiumSandbox`),
 * --headless (the new headless mode in current Chromium), --no-first-run, --disable-background-networking,
 * --disable-component-update, --disable-sync and --disable-dev-shm-usage; they are repeated here so the
 * list holds when Chromium is started without Playwright. Ours: --disable-gpu (there is none),
 * --disable-quic, and a host resolver rule that answers "not found" for every host but localhost,
 * *.localhost, 127.0.0.1 and ::1. Without that rule Chromium still looks up accounts.google.com and
 * update.googleapis.com at every start (seen with strace), which the closed network refuses; with it no DNS
 * query leaves the browser, and a page that tries to load from a third-party host fails at once and
 * visibly. The rule applies to IP literals too: a test that needs another address (a test host in a
 * network namespace) passes its own `--host-resolver-rules=…` in `args`; the last one given wins.
 */
export const chromiumArgs = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE *.localhost, EXCLUDE 127.0.0.1, EXCLUDE ::1',
]);

/** The browser to use: `CHROMIUM_PATH` when set, else Debian's /usr/bin/chromium. */
function executablePath() {
  return process.env.CHROMIUM_PATH || debianPath;
}

/**
 * Installs Debian's `chromium` and `fonts-noto-core` with apt-get when missing (skipped when
 * `CHROMIUM_PATH` names another browser); a no-op when present.
 * @returns {Promise<ChromiumInfo>}
 * @example const { executablePath } = await ensureChromium();
 */
export async function ensureChromium() {
  return withLock('chromium', async () => {
    const custom = Boolean(process.env.CHROMIUM_PATH);
    const wanted = custom ? packages.filter((p) => p !== 'chromium') : packages;
    const installed = await ensurePackages(wanted, { log: (line) => console.error(`chromium: ${line}`) });
    const path = executablePath();
    if (!existsSync(path)) throw new Error(`chromium: no browser at ${path}`);
    return {
      state: 'installed',
      executablePath: path,
      version: await versionOf(path),
      packages,
      installedNow: installed.length > 0,
    };
  });
}

/** Same as {@link ensureChromium}. @returns {Promise<ChromiumInfo>} */
export const installChromium = ensureChromium;

/**
 * Whether the browser and fonts are installed.
 * @returns {Promise<ChromiumInfo>}
 */
export async function chromiumStatus() {
  const path = executablePath();
  const present = existsSync(path) && (await isInstalled('fonts-noto-core'));
  return {
    state: present ? 'installed' : 'not-installed',
    executablePath: path,
    version: present ? await versionOf(path) : '',
    packages,
    installedNow: false,
  };
}

/**
 * Launches headless Chromium through playwright-core with {@link chromiumArgs}. The caller closes it.
 * @param {import('playwright-core').LaunchOptions} [options] merged over the defaults; `args` are appended
 * @returns {Promise<import('playwright-core').Browser>}
 * @example
 * const browser = await launchChromium();
 * try { const page = await browser.newPage(); await page.goto(url); } finally { await browser.close(); }
 */
export async function launchChromium(options = {}) {
  // Imported here, not at the top: loading playwright-core takes ~1.5 s, which `ensure` does not need.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    headless: true,
    timeout: 60_000,
    ...options,
    executablePath: options.executablePath ?? executablePath(),
    args: [...chromiumArgs, ...(options.args ?? [])],
  });
}

/**
 * @param {string} path
 * @returns {Promise<string>}
 */
async function versionOf(path) {
  const { stdout } = await run(path, ['--version']);
  return stdout.trim();
}

if (isMain(import.meta.url)) {
  await runCli('chromium.mjs', { ensure: ensureChromium, install: installChromium, status: chromiumStatus });
}
