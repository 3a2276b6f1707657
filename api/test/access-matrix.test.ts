// The authorisation matrix, generated from the app's route table: every route × every role (and anonymous)
// × units inside and outside the caller's scope → the outcome the route's declared rule predicts. Zero leaks
// (a refusal expected, data served) and zero false refusals. Also: a route without a rule stops the start.
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_ROLES,
  DEMO_PASSWORD,
  ROLES,
  buildApp,
  createDemoAccounts,
  isInScope,
  requireUnit,
  type AccessRule,
  type Role,
  type RouteEntry,
} from '../src/index.js';
import { key, startTestApp, testConfig, type TestApp } from './helpers/app.js';

/** Every matrix user is scoped to Tây Ninh, so that each role has units in and out of its scope. */
const SCOPE = '2025:80';

/** Units with whether they lie in Tây Ninh's subtree (pre-2025 units through the lineage). */
const UNITS: ReadonlyArray<{ unit: string; within: boolean; what: string }> = [
  { unit: '2025:80', within: true, what: 'the scope itself' },
  { unit: '2025:25459', within: true, what: 'a commune of Tây Ninh' },
  { unit: '2025:25459-01', within: true, what: 'a branch of Tây Ninh' },
  { unit: 'pre2025:72', within: true, what: 'old Tây Ninh province' },
  { unit: 'pre2025:25459', within: true, what: 'an old commune now in Tây Ninh' },
  { unit: '2025:TW', within: false, what: 'the central office (above the scope)' },
  { unit: '2025:01', within: false, what: 'Hà Nội' },
  { unit: '2025:00004', within: false, what: 'a commune of Hà Nội' },
  { unit: 'pre2025:00004', within: false, what: 'an old commune now in Hà Nội' },
];

/** Routes added for the matrix only: a unit in the body, a unit in the query, one role only. */
function probeRoutes(app: FastifyInstance): void {
  const ok = async (request: Parameters<typeof requireUnit>[0]) => ({ unit: requireUnit(request).unit.key });
  const bodyRule: AccessRule = {
    roles: ['province_leader', 'commune_officer'],
    unit: { from: 'body', field: 'unitKey' },
  };
  app.post(
    '/probe/body',
    {
      config: { access: bodyRule },
      schema: {
        body: Type.Object(
          { unitKey: Type.String(), note: Type.String() },
          { examples: [{ unitKey: '2025:80', note: 'x' }] },
        ),
      },
    },
    ok,
  );
  app.get(
    '/probe/query',
    {
      config: { access: { roles: ALL_ROLES, unit: { from: 'query', field: 'unit' } } },
      schema: { querystring: Type.Object({ unit: Type.String() }) },
    },
    ok,
  );
  app.get('/probe/judges', { config: { access: { roles: ['judge'], unit: 'none' } } }, async () => ({
    ok: true,
  }));
}

type Caller = Role | 'anonymous';
type Outcome = 'allow' | 'UNAUTHENTICATED' | 'FORBIDDEN_ROLE' | 'OUT_OF_SCOPE';

function expected(rule: AccessRule, caller: Caller, within: boolean | undefined): Outcome {
  if ('public' in rule) return 'allow';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (!rule.roles.includes(caller)) return 'FORBIDDEN_ROLE';
  if (rule.unit === 'none') return 'allow';
  return within === true ? 'allow' : 'OUT_OF_SCOPE';
}

function example(schema: unknown): Record<string, unknown> {
  const s = schema as
    | { examples?: unknown[]; properties?: Record<string, { examples?: unknown[] }>; required?: string[] }
    | undefined;
  const whole = s?.examples?.[0];
  if (typeof whole === 'object' && whole !== null) return { ...(whole as Record<string, unknown>) };
  const out: Record<string, unknown> = {};
  for (const name of s?.required ?? []) out[name] = s?.properties?.[name]?.examples?.[0] ?? 'x';
  return out;
}

/** The request for one cell: the unit placed where the rule reads it, other inputs from the schema examples. */
function requestFor(route: RouteEntry, unit: string | undefined, token: string | undefined): InjectOptions {
  const rule = route.access;
  const source = 'public' in rule || rule.unit === 'none' ? undefined : rule.unit;
  const query = example(route.schema?.querystring);
  const body = route.method === 'GET' ? undefined : example(route.schema?.body);
  let url = route.url.replace('*', 'index.css');
  if (source !== undefined && unit !== undefined) {
    if (source.from === 'params') url = url.replace(`:${source.field}`, encodeURIComponent(unit));
    if (source.from === 'query') query[source.field] = unit;
    if (source.from === 'body' && body !== undefined) body[source.field] = unit;
  }
  // Other path parameters (a member's or a transfer's id…) from the params schema's examples.
  const params = route.schema?.params as
    { properties?: Record<string, { examples?: unknown[] }> } | undefined;
  url = url.replace(/:(\w+)/g, (whole, name: string) =>
    String(params?.properties?.[name]?.examples?.[0] ?? whole),
  );
  // Other path parameters take their schema example when there is one (e.g. a contest id), so that the
  // request passes validation and reaches the unit check.
  url = url.replace(/:(\w+)/g, (whole, name: string) => {
    const params = route.schema?.params as
      { properties?: Record<string, { examples?: unknown[] }> } | undefined;
    const value = params?.properties?.[name]?.examples?.[0];
    return value === undefined ? whole : encodeURIComponent(String(value));
  });
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  return {
    method: route.method as InjectOptions['method'],
    url: qs === '' ? url : `${url}?${qs}`,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { payload: body }),
  };
}

function outcomeOf(status: number, body: string): Outcome | `other ${number}` {
  if (status === 401 || status === 403) {
    const code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN_ROLE' || code === 'OUT_OF_SCOPE') return code;
  }
  return status < 500 ? 'allow' : `other ${status}`;
}

let t: TestApp;
const tokens = new Map<Caller, string | undefined>();

beforeAll(async () => {
  t = await startTestApp({ extend: probeRoutes });
  const accounts = ROLES.map((role) => ({
    username: `matrix.${role.replace(/_/g, '-')}`,
    displayName: 'Matrix',
    role,
    scope: SCOPE,
  }));
  await createDemoAccounts(t.store, t.hierarchy, new Date(t.clock.now), accounts);
  tokens.set('anonymous', undefined);
  for (const account of accounts) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: account.username, password: DEMO_PASSWORD },
    });
    tokens.set(account.role, response.json<{ accessToken: string }>().accessToken);
  }
});

afterAll(async () => {
  await t?.close();
});

describe('authorisation matrix', () => {
  it('labels its units the way the hierarchy does', () => {
    for (const { unit, within } of UNITS)
      expect(isInScope(t.hierarchy, key(unit), key(SCOPE)), unit).toBe(within);
  });

  it('allows or refuses every route × role × unit exactly as the declared rule says (0 leaks)', async () => {
    const routes = t.app.routeTable();
    const callers: Caller[] = ['anonymous', ...ROLES];
    const mismatches: string[] = [];
    const tally: Record<string, number> = {};
    let cells = 0;
    for (const route of routes) {
      const takesUnit = !('public' in route.access) && route.access.unit !== 'none';
      const units = takesUnit ? UNITS : [{ unit: undefined, within: undefined, what: 'no unit' }];
      for (const caller of callers) {
        for (const { unit, within } of units) {
          const want = expected(route.access, caller, within);
          const response = await t.app.inject(requestFor(route, unit, tokens.get(caller)));
          const got = outcomeOf(response.statusCode, response.body);
          cells += 1;
          tally[want] = (tally[want] ?? 0) + 1;
          if (got !== want)
            mismatches.push(
              `${route.method} ${route.url} as ${caller} on ${unit ?? '—'}: want ${want}, got ${got} (${response.statusCode})`,
            );
          if (want !== 'allow') expect(Object.keys(response.json())).toEqual(['error']);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(routes.length * callers.length);
    // Not vacuous: every kind of decision occurs many times.
    for (const outcome of ['allow', 'UNAUTHENTICATED', 'FORBIDDEN_ROLE', 'OUT_OF_SCOPE']) {
      expect(tally[outcome] ?? 0, outcome).toBeGreaterThan(10);
    }
  }, 300_000); // thousands of requests on a shared, loaded machine

  it('covers every route family of the API, including the probes', () => {
    const urls = new Set(t.app.routeTable().map((r) => `${r.method} ${r.url}`));
    for (const expectedRoute of [
      'GET /health',
      'GET /metrics',
      'POST /auth/login',
      'POST /auth/refresh',
      'POST /auth/logout',
      'POST /auth/password',
      'GET /auth/me',
      'GET /units/search',
      'GET /units/:unitKey',
      'GET /units/:unitKey/children',
      'GET /units/:unitKey/lineage',
      'GET /units/:unitKey/resolve',
      'GET /audit',
      'GET /docs',
      'POST /probe/body',
      'GET /units/:unitKey/members',
      'POST /units/:unitKey/members',
      'GET /units/:unitKey/members/:memberId',
      'PATCH /units/:unitKey/members/:memberId',
      'POST /units/:unitKey/members/:memberId/transfers',
      'POST /units/:unitKey/transfers/:transferId/accept',
      'POST /units/:unitKey/applications/:applicationId/approve',
      'POST /units/:unitKey/members/merge',
      'POST /units/:unitKey/members/:memberId/card',
      'GET /cards/verify',
      'POST /units/:unitKey/members/:memberId/trainings',
      'GET /analytics/manifest.json',
      'GET /analytics/files/*',
      'HEAD /analytics/files/*',
    ]) {
      expect(urls).toContain(expectedRoute);
    }
  });
});

describe('routes without a usable rule', () => {
  it.each([
    { case: 'no rule at all', rule: undefined, message: /GET \/naked declares no access rule/ },
    {
      case: 'an empty role list',
      rule: { roles: [], unit: 'none' },
      message: /GET \/naked .*at least one role/,
    },
    {
      case: 'an unknown role',
      rule: { roles: ['superuser'], unit: 'none' },
      message: /unknown role "superuser"/,
    },
    {
      case: 'a unit parameter the URL lacks',
      rule: { roles: ALL_ROLES, unit: { from: 'params', field: 'unitKey' } },
      message: /not a parameter of the URL/,
    },
  ])('stop the app from starting: $case', async ({ rule, message }) => {
    const start = buildApp({
      config: testConfig(),
      hierarchy: t.hierarchy,
      logger: false,
      store: t.store,
      extend: (app) => {
        app.get('/naked', { config: rule === undefined ? {} : { access: rule as AccessRule } }, async () => ({
          secret: true,
        }));
      },
    });
    await expect(start).rejects.toThrow(message);
  });

  it('still serves the shared store after a failed start (the app did not own it)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
