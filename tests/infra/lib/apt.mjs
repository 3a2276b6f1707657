// Installs Debian packages the test servers need, with apt-get, only when they are missing.
import { run } from './proc.mjs';

const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

/**
 * Whether a Debian package is installed.
 * @param {string} pkg
 * @returns {Promise<boolean>}
 */
export async function isInstalled(pkg) {
  try {
    const { stdout } = await run('dpkg-query', ['-W', '-f=${Status}', pkg]);
    return stdout.trim() === 'install ok installed';
  } catch {
    return false;
  }
}

/**
 * Installs the packages that are not installed yet (`apt-get install -y --no-install-recommends`). Runs
 * `apt-get update` first only when apt knows no candidate for one of them, and once more if the install
 * fails on stale package lists. Needs root.
 * @param {string[]} packages
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<string[]>} the packages that were installed now (empty when all were present)
 * @example await ensurePackages(['chromium', 'fonts-noto-core']);
 */
export async function ensurePackages(packages, { log = () => {} } = {}) {
  /** @type {string[]} */
  const missing = [];
  for (const pkg of packages) if (!(await isInstalled(pkg))) missing.push(pkg);
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(' ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  let updated = false;
  if (!(await haveCandidates(missing))) {
    log('apt-get update');
    await run('apt-get', ['update'], { env: aptEnv });
    updated = true;
  }
  const install = () =>
    run(
      'apt-get',
      ['install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', ...missing],
      {
        env: aptEnv,
      },
    );
  log(`apt-get install ${missing.join(' ')}`);
  try {
    await install();
  } catch (error) {
    if (updated) throw error;
    log('apt-get install failed; apt-get update and retry');
    await run('apt-get', ['update'], { env: aptEnv });
    await install();
  }
  return missing;
}

/**
 * @param {string[]} packages
 * @returns {Promise<boolean>}
 */
async function haveCandidates(packages) {
  try {
    const { stdout } = await run('apt-cache', ['policy', ...packages]);
    const candidates = [...stdout.matchAll(/Candidate: (.+)/g)].map((m) => m[1]);
    return candidates.length === packages.length && candidates.every((c) => c !== '(none)');
  } catch {
    return false;
  }
}
