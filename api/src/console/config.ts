import { isAbsolute, resolve } from 'node:path';

/** How the API serves the console (the shell page, its assets and the deployed modules). */
export interface ConsoleConfig {
  /**
   * Serve the console: the API then answers only under `/api` (and `/health`, `/metrics` at the root),
   * every other path is the console.
   */
  serve: boolean;
  /** The shell's built `dist/` (deploy.json, index.html, assets, shared packages). */
  shellDist: string;
  /** Developers' import-map overrides (a cookie names module URLs to use instead): never in production. */
  importMapOverrides: boolean;
}

/** Where deployed micro-frontend bundles are kept and how large one may be. */
export interface DeployConfig {
  /** Content-addressed files of every uploaded bundle (`blobs/`) and upload scratch space (`tmp/`). */
  dir: string;
  /** Largest uploaded archive (tar.gz), bytes. */
  maxArchiveBytes: number;
  /** Largest total of a bundle's unpacked files, bytes. */
  maxUnpackedBytes: number;
  /** Most files in one bundle. */
  maxFiles: number;
}

/** The console's and the deployments' environment variables (listed in `ENV_VARS`). */
export const CONSOLE_ENV_VARS = [
  {
    name: 'SERVE_CONSOLE',
    default: 'false',
    description:
      'serve the console (page, shell, modules) at the root and the API under /api only (npm start sets true)',
  },
  {
    name: 'SHELL_DIST',
    default: 'shell/dist',
    description: "the shell's built dist/ folder, relative to the repository root",
  },
  {
    name: 'IMPORT_MAP_OVERRIDES',
    default: 'false',
    description:
      'developers only: let the "vwu-import-map-overrides" cookie point modules at other same-origin or localhost URLs',
  },
  {
    name: 'DEPLOY_DIR',
    default: 'var/deployments',
    description: 'where uploaded micro-frontend bundles are stored, relative to the repository root',
  },
  {
    name: 'DEPLOY_MAX_ARCHIVE_BYTES',
    default: '201326592',
    description: 'largest bundle archive accepted for upload, bytes (1024–2147483647)',
  },
  {
    name: 'DEPLOY_MAX_UNPACKED_BYTES',
    default: '402653184',
    description: "largest total size of a bundle's files once unpacked, bytes",
  },
  { name: 'DEPLOY_MAX_FILES', default: '2000', description: 'most files in one bundle (1–100000)' },
] as const;

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function flag(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  problems.push(`${name}="${raw}" must be true or false.`);
  return fallback;
}

function whole(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]) {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}.`);
    return fallback;
  }
  return value;
}

function pathIn(repoRoot: string, dir: string): string {
  return isAbsolute(dir) ? dir : resolve(repoRoot, dir);
}

/**
 * Reads the console's and the deployments' settings, pushing one sentence per bad variable to `problems`.
 *
 * @example const { console, deploy } = consoleSettings(process.env, REPO_ROOT, problems);
 */
export function consoleSettings(
  env: Env,
  repoRoot: string,
  problems: string[],
): { console: ConsoleConfig; deploy: DeployConfig } {
  return {
    console: {
      serve: flag(env, 'SERVE_CONSOLE', false, problems),
      shellDist: pathIn(repoRoot, text(env, 'SHELL_DIST') ?? 'shell/dist'),
      importMapOverrides: flag(env, 'IMPORT_MAP_OVERRIDES', false, problems),
    },
    deploy: {
      dir: pathIn(repoRoot, text(env, 'DEPLOY_DIR') ?? 'var/deployments'),
      maxArchiveBytes: whole(env, 'DEPLOY_MAX_ARCHIVE_BYTES', 201_326_592, 1024, 2_147_483_647, problems),
      maxUnpackedBytes: whole(env, 'DEPLOY_MAX_UNPACKED_BYTES', 402_653_184, 1024, 4_294_967_295, problems),
      maxFiles: whole(env, 'DEPLOY_MAX_FILES', 2000, 1, 100_000, problems),
    },
  };
}
