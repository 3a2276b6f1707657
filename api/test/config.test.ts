// Configuration from environment variables: defaults, every variable checked with a message naming it, and a
// signing secret generated once and kept under var/ when JWT_SECRET is unset.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARS, parseConfig, readOrCreateSecret } from '../src/index.js';

const SECRET = { JWT_SECRET: 'x'.repeat(40) };
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vwu-config-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('parseConfig', () => {
  it('has documented defaults', () => {
    const config = parseConfig(SECRET, { repoRoot: '/srv/vwu' });
    expect(config).toMatchObject({
      store: { kind: 'pglite', dataDir: '/srv/vwu/var/pglite' },
      host: '127.0.0.1',
      port: 8080,
      accessTokenTtlS: 900,
      refreshTokenTtlS: 1_209_600,
      loginMaxFailures: 5,
      lockoutS: 900,
      corsOrigins: [],
      bodyLimitBytes: 1_048_576,
      cookieSecure: true,
      logLevel: 'info',
    });
    expect(ENV_VARS.map((v) => v.name)).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'API_PORT',
        'API_HOST',
        'PGLITE_DIR',
        'JWT_SECRET',
        'ACCESS_TOKEN_TTL_S',
        'REFRESH_TOKEN_TTL_S',
        'LOGIN_MAX_FAILURES',
        'LOCKOUT_S',
        'CORS_ORIGINS',
        'BODY_LIMIT_BYTES',
      ]),
    );
  });

  it.each([
    {
      env: { DATABASE_URL: 'postgres://u:p@db:5432/vwu' },
      expected: { store: { kind: 'postgres', url: 'postgres://u:p@db:5432/vwu' } },
    },
    { env: { PGLITE_DIR: 'memory' }, expected: { store: { kind: 'pglite', dataDir: null } } },
    { env: { PGLITE_DIR: '/data/pg' }, expected: { store: { kind: 'pglite', dataDir: '/data/pg' } } },
    {
      env: { CORS_ORIGINS: 'https://a.example, http://localhost:5173' },
      expected: { corsOrigins: ['https://a.example', 'http://localhost:5173'] },
    },
    {
      env: { API_PORT: '9000', LOG_LEVEL: 'warn', COOKIE_SECURE: 'false' },
      expected: { port: 9000, logLevel: 'warn', cookieSecure: false },
    },
  ])('reads $env', ({ env, expected }) => {
    expect(parseConfig({ ...SECRET, ...env }, { repoRoot: '/srv/vwu' })).toMatchObject(expected);
  });

  it.each([
    { env: { API_PORT: '70000' }, message: /API_PORT="70000" must be a whole number from 1 to 65535/ },
    { env: { API_PORT: '80a' }, message: /API_PORT="80a"/ },
    { env: { ACCESS_TOKEN_TTL_S: '10' }, message: /ACCESS_TOKEN_TTL_S="10"/ },
    {
      env: { ACCESS_TOKEN_TTL_S: '3600', REFRESH_TOKEN_TTL_S: '600' },
      message: /REFRESH_TOKEN_TTL_S must be longer/,
    },
    { env: { LOGIN_MAX_FAILURES: '0' }, message: /LOGIN_MAX_FAILURES="0"/ },
    { env: { BODY_LIMIT_BYTES: '-1' }, message: /BODY_LIMIT_BYTES="-1"/ },
    { env: { DATABASE_URL: 'mysql://x' }, message: /DATABASE_URL must look like postgres:\/\// },
    { env: { CORS_ORIGINS: '*' }, message: /CORS_ORIGINS entry "\*"/ },
    { env: { CORS_ORIGINS: 'https://a.example/path' }, message: /no path/ },
    { env: { JWT_SECRET: 'short' }, message: /JWT_SECRET must be at least 32 characters/ },
    { env: { COOKIE_SECURE: 'maybe' }, message: /COOKIE_SECURE="maybe" must be true or false/ },
    { env: { LOG_LEVEL: 'loud' }, message: /LOG_LEVEL="loud" must be one of/ },
  ])('refuses $env with a message naming the variable', ({ env, message }) => {
    expect(() => parseConfig({ ...SECRET, ...env })).toThrow(ConfigError);
    expect(() => parseConfig({ ...SECRET, ...env })).toThrow(message);
  });

  it('lists every bad variable at once', () => {
    try {
      parseConfig({ API_PORT: 'x', LOCKOUT_S: 'y', JWT_SECRET: 'z' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });

  it('generates the signing secret once under var/ when JWT_SECRET is unset, and reuses it', () => {
    const root = tempDir();
    const first = parseConfig({}, { repoRoot: root }).jwtSecret;
    const second = parseConfig({}, { repoRoot: root }).jwtSecret;
    expect(first).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(second).toBe(first);
    const file = join(root, 'var', 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a stored secret that is too short', () => {
    const file = join(tempDir(), 'secret');
    writeFileSync(file, 'abc');
    expect(() => readOrCreateSecret(file)).toThrow(/shorter than 32 characters/);
  });
});
