// Hardening and operations: security headers, CORS off by default and on for listed origins only, rate limit
// on sign-in, /health, /metrics in the Prometheus text format, OpenAPI and a self-hosted docs page, JSON
// logs with request ids and without passwords, tokens or names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, readMigrations } from '../src/index.js';
import { signIn, startTestApp, type TestApp } from './helpers/app.js';

describe('default settings', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      logger: { level: 'info', destination: { write: (line) => void lines.push(line) } },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('sends security headers with a same-origin CSP and no third-party host', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('sends no CORS header by default, even to a preflight', async () => {
    const simple = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/auth/login',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.statusCode).toBe(404);
  });

  it('reports health with the store kind and schema version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      store: { kind: t.kind, reachable: true, schemaVersion: readMigrations().at(-1)?.version },
    });
  });

  it('serves Prometheus text with request counts and latency by route pattern and status', async () => {
    await t.app.inject({ method: 'GET', url: '/units/2025:80' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = response.body;
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/units\/:unitKey",status="401"\} 1$/m);
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toMatch(
      /^http_request_duration_seconds_bucket\{method="GET",route="\/health",le="\+Inf"\} \d+$/m,
    );
    expect(text).toMatch(/^auth_lockouts_total \d+$/m);
    expect(text).not.toContain('2025:80');
  });

  it('publishes OpenAPI 3 with every route of the route table, and a schema on every response', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    expect(spec.openapi).toMatch(/^3\./);
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    // Hidden routes (the console's page and static files) are not part of the JSON API's document.
    const own = t.app
      .routeTable()
      .filter(
        (r) => !r.url.startsWith('/docs') && (r.schema as { hide?: boolean } | undefined)?.hide !== true,
      );
    for (const route of own) {
      // OpenAPI's form of the URL: `:name` → `{name}`, a trailing wildcard → `{*}`.
      const path = route.url.replace(/:(\w+)/g, '{$1}').replace(/\*$/, '{*}');
      expect(documented).toContain(`${route.method} ${path}`);
      expect(
        Object.keys(spec.paths[path]?.[route.method.toLowerCase()]?.responses ?? {}).length,
        path,
      ).toBeGreaterThan(0);
    }
  });

  it('serves the docs page and its assets from this origin only', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    const refs = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(refs.length).toBeGreaterThan(3);
    for (const ref of refs) expect(ref, ref).toMatch(/^(\/docs\/|\.\/)/);
    expect(page.body).not.toMatch(/https?:\/\//);
    const init = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(init.body).toContain('validatorUrl: null');
    for (const asset of ['swagger-ui.css', 'swagger-ui-bundle.js', 'index.css']) {
      expect((await t.app.inject({ method: 'GET', url: `/docs/static/${asset}` })).statusCode, asset).toBe(
        200,
      );
    }
  });

  it('logs one JSON line per request with its id and route, and never a password, token or name', async () => {
    lines.length = 0;
    const session = await signIn(t.app, 'leader.tayninh', DEMO_PASSWORD);
    await t.app.inject({
      method: 'GET',
      url: '/auth/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    await t.app.inject({
      method: 'GET',
      url: '/units/search?q=Nguy%E1%BB%85n%20Th%E1%BB%8B',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'leader.tayninh', password: 'wrong-secret-pw' },
    });
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = entries.filter((e) => e.msg === 'request');
    expect(requests.map((e) => e.route)).toEqual(['/auth/login', '/auth/me', '/units/search', '/auth/login']);
    for (const e of requests) expect(e.reqId).toMatch(/^[0-9a-f-]{36}$/);
    const all = lines.join('\n');
    for (const secret of [
      DEMO_PASSWORD,
      'wrong-secret-pw',
      session.accessToken,
      session.refreshToken,
      'leader.tayninh',
      'Nguy',
      'Tây Ninh',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('configured origins and limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      config: { corsOrigins: ['https://console.vwu.example'], loginRateLimit: { perIp: 3, perUser: 1000 } },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers a preflight from a listed origin, echoing it (never *), and ignores others', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/auth/login',
      headers: { origin: 'https://console.vwu.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': 'https://console.vwu.example',
      'access-control-allow-credentials': 'true',
    });
    const other = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('rate-limits sign-in per client address with RATE_LIMITED and Retry-After', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'nobody.x', password: 'x' },
      });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(last?.json().error.code).toBe('RATE_LIMITED');
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    // Other routes are not limited by the sign-in limit.
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});

describe('per-username limit', () => {
  it('limits attempts on one username whatever the address', async () => {
    const t = await startTestApp({
      config: { loginRateLimit: { perIp: 1000, perUser: 2 }, loginMaxFailures: 100 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await t.app.inject({
          method: 'POST',
          url: '/auth/login',
          payload: { username: 'admin', password: 'x' },
          remoteAddress: `10.0.0.${i}`,
        });
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([401, 401, 429]);
      t.clock.advance(60);
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/auth/login',
            payload: { username: 'admin', password: DEMO_PASSWORD },
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      await t.close();
    }
  });
});
