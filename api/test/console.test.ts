// Serving the console: the API under /api (cookie on /api/auth), the page at every other path with the
// current import map inline and allowed by its hash in the CSP, the shell's files immutable under a build
// hash, developers' import-map overrides only when configured, /health, /metrics and /docs at the root.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, parseConfig } from '../src/index.js';
import { startTestApp, type TestApp } from './helpers/app.js';

let shellDist: string;
const apps: TestApp[] = [];

function writeShell(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  mkdirSync(join(dir, 'shared', 'vue@3.5.0'), { recursive: true });
  const files: Record<string, string> = {
    'root-config.js': `import 'vue';import '@vwu/context';${'/* shell */'.repeat(200)}`,
    'context.js': 'export const api = {};',
    'shared/vue@3.5.0/vue.js': 'export const createApp = () => {};',
    'assets/root-config-x.css': 'body{margin:0}',
  };
  for (const [path, body] of Object.entries(files)) writeFileSync(join(dir, path), body);
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="vi"><head><!--vwu:head--></head><body></body></html>',
  );
  writeFileSync(
    join(dir, 'deploy.json'),
    JSON.stringify({
      name: '@vwu/shell',
      version: '0.1.0',
      importMap: {
        imports: {
          vue: './shared/vue@3.5.0/vue.js',
          '@vwu/context': './context.js',
          '@vwu/root-config': './root-config.js',
        },
        integrity: { './root-config.js': 'sha384-test' },
      },
      stylesheet: './assets/root-config-x.css',
    }),
  );
}

async function start(overrides: Partial<ReturnType<typeof parseConfig>['console']>): Promise<TestApp> {
  const base = parseConfig({ JWT_SECRET: 'x'.repeat(40), PGLITE_DIR: 'memory' });
  const t = await startTestApp({
    config: { console: { ...base.console, serve: true, shellDist, ...overrides }, cookieSecure: false },
  });
  apps.push(t);
  return t;
}

let t: TestApp;

beforeAll(async () => {
  shellDist = mkdtempSync(join(tmpdir(), 'vwu-shell-'));
  writeShell(shellDist);
  t = await start({});
});

afterAll(async () => {
  for (const app of apps) await app.close();
  rmSync(shellDist, { recursive: true, force: true });
});

describe('the console page', () => {
  it.each(['/', '/members', '/kpi/province?unit=2025:80', '/contests/12'])(
    'is served at %s with the import map inline and allowed by its hash only',
    async (url) => {
      const response = await t.app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      const map = /<script type="importmap">(.*?)<\/script>/.exec(response.body)?.[1] ?? '';
      const hash = createHash('sha256').update(map).digest('base64');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`);
      const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
      expect(scriptSrc).not.toMatch(/unsafe-inline|https?:/);
      const imports = JSON.parse(map).imports as Record<string, string>;
      expect(imports['@vwu/root-config']).toMatch(/^\/shell\/[0-9a-f]{16}\/root-config\.js$/);
      expect(response.body).toContain('<meta name="vwu-api-base" content="/api">');
      expect(response.body).toContain(`src="${imports['@vwu/root-config']}" integrity="sha384-test"`);
    },
  );

  it('answers a missing file with 404, not the page', async () => {
    expect((await t.app.inject({ url: '/favicon.ico' })).statusCode).toBe(404);
  });

  it('serves the shell’s files immutable and gzip-compressed under the build hash', async () => {
    const imports = (await t.app.inject({ url: '/api/importmap.json' })).json().imports;
    const url = imports['@vwu/root-config'] as string;
    const response = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'content-encoding': 'gzip',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    const stale = url.replace(/\/shell\/[0-9a-f]{16}\//, '/shell/0000000000000000/');
    expect((await t.app.inject({ url: stale })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: url.replace('root-config.js', '..%2F..%2F..%2Fetc%2Fpasswd') })).statusCode,
    ).toBe(404);
  });
});

describe('the API under /api', () => {
  it('answers under /api, keeps /health, /metrics and /docs at the root, and sets the cookie on /api/auth', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader.tayninh', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.cookies[0]).toMatchObject({ name: 'vwu_refresh', path: '/api/auth', httpOnly: true });
    const me = await t.app.inject({
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${login.json().accessToken}` },
    });
    expect(me.json().user.username).toBe('leader.tayninh');
    for (const url of ['/health', '/metrics', '/docs/json', '/importmap.json'])
      expect((await t.app.inject({ url })).statusCode, url).toBe(200);
    // Without /api the path is the console's: the page, not the API.
    expect((await t.app.inject({ url: '/auth/me' })).headers['content-type']).toContain('text/html');
  });
});

describe('import-map overrides', () => {
  const cookie = `vwu-import-map-overrides=${encodeURIComponent(
    JSON.stringify({
      '@vwu/mfe-members': 'http://localhost:5173/src/main.ts',
      vue: 'https://cdn.example/vue.js',
    }),
  )}`;

  it('are ignored in production', async () => {
    const page = await t.app.inject({ url: '/members', headers: { cookie } });
    expect(page.body).not.toContain('localhost:5173');
    expect(page.headers['content-security-policy']).not.toContain('localhost');
  });

  it('apply in development, only to same-origin or localhost URLs', async () => {
    const dev = await start({ importMapOverrides: true });
    const page = await dev.app.inject({ url: '/members', headers: { cookie } });
    expect(page.body).toContain('"@vwu/mfe-members":"http://localhost:5173/src/main.ts"');
    expect(page.body).not.toContain('cdn.example');
    expect(page.headers['content-security-policy']).toContain('http://localhost:*');
  });
});

describe('without a shell build', () => {
  it('says how to build it', async () => {
    const bare = await start({ shellDist: join(shellDist, 'missing') });
    const response = await bare.app.inject({ url: '/members' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('CONSOLE_NOT_BUILT');
  });
});
