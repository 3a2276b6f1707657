import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSOLE_ENV_VARS, consoleSettings, type ConsoleConfig, type DeployConfig } from './console/config.js';
import { MIN_SECRET_LENGTH, readOrCreateSecret } from './secret-file.js';
import type { StoreConfig } from './store/store.js';

/** Repository root: both `src/` and `dist/` sit one level under `api/`, which sits under the root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Log levels the service accepts. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Everything the API needs to run, read once from the environment by {@link loadConfig}. */
export interface ApiConfig {
  store: StoreConfig;
  host: string;
  port: number;
  /** HS256 key of access tokens. */
  jwtSecret: string;
  accessTokenTtlS: number;
  refreshTokenTtlS: number;
  /** Failed sign-ins in a row that lock an account. */
  loginMaxFailures: number;
  /** How long a lock lasts. */
  lockoutS: number;
  /** Sign-in attempts per minute: per client address, and per username. */
  loginRateLimit: { perIp: number; perUser: number };
  /** Origins allowed to call the API from a browser; empty = CORS off (same-origin only). */
  corsOrigins: string[];
  bodyLimitBytes: number;
  /** Mark the refresh cookie `Secure` (sent over HTTPS and to localhost only). */
  cookieSecure: boolean;
  logLevel: LogLevel;
  /** Serving the console (shell page, assets, modules) and where `/api` is. */
  console: ConsoleConfig;
  /** Micro-frontend deployments: bundle storage and upload limits. */
  deploy: DeployConfig;
  /** Analytics files the pipeline writes, and how long the signed file URLs given out with the manifest last. */
  analytics: AnalyticsConfig;
  /** Event ingestion (`POST /events`): where events go and how much one caller may send. */
  ingest: IngestConfig;
}

/** Where analytics files are read and how their signed URLs behave. */
export interface AnalyticsConfig {
  /** The pipeline's data root, holding `manifest.json`, `events/` and `rollups/`. */
  dir: string;
  /** Lifetime of a signed file URL, seconds (expiries are rounded up to the hour so that URLs repeat). */
  urlTtlS: number;
  /** Where the API keeps rollups cut to a scope (its own directory, never inside `dir`). */
  sliceDir: string;
}

/** Where ingested events are handed to the pipeline, and the limits of `POST /events`. */
export interface IngestConfig {
  /** Kafka when `KAFKA_BROKERS` is set, else the embedded log in `EVENT_LOG_DIR`. */
  target: { type: 'kafka'; brokers: string[]; topic: string } | { type: 'embedded'; dir: string };
  /** Most events in one request. */
  maxEvents: number;
  /** Largest request body of `POST /events`, bytes. */
  bodyLimitBytes: number;
  /** Requests per minute from one client address. */
  ratePerMinute: number;
}

/** One environment variable the API reads. */
export interface EnvVar {
  name: string;
  default: string;
  description: string;
}

/** Every environment variable, with its default and meaning (also printed by a configuration error). */
export const ENV_VARS: readonly EnvVar[] = [
  {
    name: 'DATABASE_URL',
    default: '(unset: embedded PGlite)',
    description: 'PostgreSQL URL, postgres://user:password@host:port/db',
  },
  {
    name: 'PGLITE_DIR',
    default: 'var/pglite',
    description:
      'PGlite data directory when DATABASE_URL is unset, relative to the repository root; "memory" keeps it in memory',
  },
  { name: 'API_HOST', default: '127.0.0.1', description: 'address to listen on' },
  { name: 'API_PORT', default: '8080', description: 'TCP port to listen on' },
  {
    name: 'JWT_SECRET',
    default: '(generated once into var/jwt-secret)',
    description: `key that signs access tokens, at least ${MIN_SECRET_LENGTH} characters`,
  },
  { name: 'ACCESS_TOKEN_TTL_S', default: '900', description: 'access token lifetime in seconds (60–86400)' },
  {
    name: 'REFRESH_TOKEN_TTL_S',
    default: '1209600',
    description: 'refresh token lifetime in seconds, longer than the access token',
  },
  {
    name: 'LOGIN_MAX_FAILURES',
    default: '5',
    description: 'failed sign-ins in a row that lock an account (1–100)',
  },
  { name: 'LOCKOUT_S', default: '900', description: 'how long a locked account stays locked, seconds' },
  {
    name: 'LOGIN_RATE_PER_IP',
    default: '20',
    description: 'sign-in attempts per minute from one client address',
  },
  { name: 'LOGIN_RATE_PER_USER', default: '10', description: 'sign-in attempts per minute for one username' },
  {
    name: 'CORS_ORIGINS',
    default: '(empty: CORS off)',
    description: 'comma-separated origins allowed to call from a browser, e.g. https://console.example.vn',
  },
  {
    name: 'BODY_LIMIT_BYTES',
    default: '1048576',
    description: 'largest request body accepted, bytes (1024–104857600)',
  },
  { name: 'COOKIE_SECURE', default: 'true', description: 'mark the refresh cookie Secure (true/false)' },
  { name: 'LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent' },
  {
    name: 'ANALYTICS_DIR',
    default: 'var/analytics',
    description:
      "the pipeline's data root (manifest.json, events/, rollups/), relative to the repository root",
  },
  {
    name: 'ANALYTICS_URL_TTL_S',
    default: '3600',
    description: 'lifetime of the signed analytics file URLs in the manifest, seconds (60–86400)',
  },
  {
    name: 'ANALYTICS_SLICE_DIR',
    default: 'var/analytics-slices',
    description: 'where the API keeps rollups cut to a scope, relative to the repository root',
  },
  {
    name: 'KAFKA_BROKERS',
    default: '(unset: embedded log)',
    description: 'host:port list (commas or spaces) that POST /events publishes to',
  },
  { name: 'KAFKA_TOPIC', default: 'activity-events', description: 'topic of activity events' },
  {
    name: 'EVENT_LOG_DIR',
    default: 'var/event-log',
    description: 'embedded event log when KAFKA_BROKERS is unset, relative to the repository root',
  },
  { name: 'INGEST_MAX_EVENTS', default: '1000', description: 'most events in one POST /events (1–10000)' },
  {
    name: 'INGEST_BODY_LIMIT_BYTES',
    default: '4194304',
    description: 'largest POST /events body, bytes (1024–104857600)',
  },
  {
    name: 'INGEST_RATE_PER_MIN',
    default: '1200',
    description: 'POST /events requests per minute from one client address',
  },
  ...CONSOLE_ENV_VARS,
];

/** The environment is not usable; `problems` lists each bad variable with what it should be. */
export class ConfigError extends Error {
  readonly problems: string[];

  /** @param problems one sentence per bad variable. */
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}\nSee ENV_VARS in api/src/config.ts.`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads variables one by one, collecting every problem instead of stopping at the first. */
class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  text(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      this.problems.push(`${name}="${raw}" must be a whole number from ${min} to ${max}.`);
      return fallback;
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.text(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    this.problems.push(`${name}="${raw}" must be true or false.`);
    return fallback;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const raw = this.text(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name}="${raw}" must be one of: ${allowed.join(', ')}.`);
    return fallback;
  }
}

function storeConfig(read: EnvReader, repoRoot: string): StoreConfig {
  const url = read.text('DATABASE_URL');
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\/[^\s]+$/.test(url)) {
      read.problems.push('DATABASE_URL must look like postgres://user:password@host:5432/database.');
    }
    return { kind: 'postgres', url };
  }
  const dir = read.text('PGLITE_DIR') ?? 'var/pglite';
  if (dir === 'memory') return { kind: 'pglite', dataDir: null };
  return { kind: 'pglite', dataDir: isAbsolute(dir) ? dir : resolve(repoRoot, dir) };
}

function pathIn(repoRoot: string, dir: string): string {
  return isAbsolute(dir) ? dir : resolve(repoRoot, dir);
}

function ingestConfig(read: EnvReader, repoRoot: string): IngestConfig {
  const brokers = (read.text('KAFKA_BROKERS') ?? '').split(/[\s,]+/).filter((b) => b !== '');
  for (const broker of brokers) {
    if (!/^[a-z0-9.-]+:\d{1,5}$/i.test(broker))
      read.problems.push(`KAFKA_BROKERS entry "${broker}" must be host:port, e.g. 127.0.0.1:9092.`);
  }
  const target: IngestConfig['target'] =
    brokers.length > 0
      ? { type: 'kafka', brokers, topic: read.text('KAFKA_TOPIC') ?? 'activity-events' }
      : { type: 'embedded', dir: pathIn(repoRoot, read.text('EVENT_LOG_DIR') ?? 'var/event-log') };
  return {
    target,
    maxEvents: read.int('INGEST_MAX_EVENTS', 1000, 1, 10_000),
    bodyLimitBytes: read.int('INGEST_BODY_LIMIT_BYTES', 4_194_304, 1024, 104_857_600),
    ratePerMinute: read.int('INGEST_RATE_PER_MIN', 1200, 1, 1_000_000),
  };
}

function corsOrigins(read: EnvReader): string[] {
  const origins = (read.text('CORS_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of origins) {
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) {
      read.problems.push(
        `CORS_ORIGINS entry "${origin}" must be an origin like https://console.example.vn (no path, no "*").`,
      );
    }
  }
  return origins;
}

/** Options of {@link parseConfig}. */
export interface ParseConfigOptions {
  /** Where relative paths are resolved (default {@link REPO_ROOT}). */
  repoRoot?: string;
  /** The signing secret when `JWT_SECRET` is unset (default: kept in `<repoRoot>/var/jwt-secret`). */
  fallbackSecret?: () => string;
}

/**
 * Reads and checks the configuration from environment variables (see {@link ENV_VARS}).
 *
 * @throws ConfigError listing every bad variable with the expected form.
 * @example const config = parseConfig(process.env);
 */
export function parseConfig(env: Env, options: ParseConfigOptions = {}): ApiConfig {
  const repoRoot = options.repoRoot ?? REPO_ROOT;
  const read = new EnvReader(env);
  const accessTokenTtlS = read.int('ACCESS_TOKEN_TTL_S', 900, 60, 86_400);
  const refreshTokenTtlS = read.int('REFRESH_TOKEN_TTL_S', 1_209_600, 60, 31_536_000);
  if (refreshTokenTtlS <= accessTokenTtlS) {
    read.problems.push('REFRESH_TOKEN_TTL_S must be longer than ACCESS_TOKEN_TTL_S.');
  }
  const config: ApiConfig = {
    store: storeConfig(read, repoRoot),
    host: read.text('API_HOST') ?? '127.0.0.1',
    port: read.int('API_PORT', 8080, 1, 65_535),
    jwtSecret: '',
    accessTokenTtlS,
    refreshTokenTtlS,
    loginMaxFailures: read.int('LOGIN_MAX_FAILURES', 5, 1, 100),
    lockoutS: read.int('LOCKOUT_S', 900, 1, 604_800),
    loginRateLimit: {
      perIp: read.int('LOGIN_RATE_PER_IP', 20, 1, 100_000),
      perUser: read.int('LOGIN_RATE_PER_USER', 10, 1, 100_000),
    },
    corsOrigins: corsOrigins(read),
    bodyLimitBytes: read.int('BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    cookieSecure: read.bool('COOKIE_SECURE', true),
    logLevel: read.oneOf('LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    analytics: {
      dir: pathIn(repoRoot, read.text('ANALYTICS_DIR') ?? 'var/analytics'),
      urlTtlS: read.int('ANALYTICS_URL_TTL_S', 3600, 60, 86_400),
      sliceDir: pathIn(repoRoot, read.text('ANALYTICS_SLICE_DIR') ?? 'var/analytics-slices'),
    },
    ingest: ingestConfig(read, repoRoot),
    ...consoleSettings(env, repoRoot, read.problems),
  };
  const secret = read.text('JWT_SECRET');
  if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
    read.problems.push(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters (use a random string).`);
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  config.jwtSecret =
    secret ?? (options.fallbackSecret ?? (() => readOrCreateSecret(join(repoRoot, 'var', 'jwt-secret'))))();
  return config;
}
