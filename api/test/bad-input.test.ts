// Bad input: malformed JSON, wrong types, huge bodies, SQL-looking strings, ../ paths, unknown fields, wrong
// media types. Each gets a clear 4xx with a code from the error list, the app keeps serving, and nothing is
// written (row counts of every table are unchanged).
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, ERRORS } from '../src/index.js';
import { signIn, startTestApp, tableCounts, type TestApp } from './helpers/app.js';

const BODY_LIMIT = 4096;
const SQL = "'; DROP TABLE app_user; --";

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await startTestApp({ config: { bodyLimitBytes: BODY_LIMIT } });
  token = (await signIn(t.app, 'leader.tayninh', DEMO_PASSWORD)).accessToken;
});

afterAll(async () => {
  await t?.close();
});

const json = { 'content-type': 'application/json' };

interface Case {
  case: string;
  request: () => InjectOptions;
  status: number;
  code: keyof typeof ERRORS;
}

const auth = (): Record<string, string> => ({ authorization: `Bearer ${token}` });

const CASES: Case[] = [
  {
    case: 'malformed JSON',
    request: () => ({ method: 'POST', url: '/auth/login', headers: json, payload: '{"username": "a", ' }),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    case: 'empty JSON body',
    request: () => ({ method: 'POST', url: '/auth/login', headers: json, payload: '' }),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    case: 'JSON with __proto__',
    request: () => ({
      method: 'POST',
      url: '/auth/login',
      headers: json,
      payload: '{"__proto__": {"admin": true}, "username": "a", "password": "b"}',
    }),
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    case: 'a JSON array instead of an object',
    request: () => ({ method: 'POST', url: '/auth/login', payload: [1, 2] }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'username of the wrong type',
    request: () => ({ method: 'POST', url: '/auth/login', payload: { username: 12345, password: 'x' } }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'password as an object',
    request: () => ({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'admin', password: { $ne: '' } },
    }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'missing password',
    request: () => ({ method: 'POST', url: '/auth/login', payload: { username: 'admin' } }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'unknown field',
    request: () => ({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'admin', password: 'x', role: 'administrator' },
    }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'huge body',
    request: () => ({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'admin', password: 'x'.repeat(BODY_LIMIT * 4) },
    }),
    status: 413,
    code: 'BODY_TOO_LARGE',
  },
  {
    case: 'form-encoded body',
    request: () => ({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=admin&password=x',
    }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    case: 'SQL-looking username',
    request: () => ({ method: 'POST', url: '/auth/login', payload: { username: SQL, password: SQL } }),
    status: 401,
    code: 'INVALID_CREDENTIALS',
  },
  {
    case: 'SQL-looking unit key',
    request: () => ({ method: 'GET', url: `/units/${encodeURIComponent(SQL)}`, headers: auth() }),
    status: 400,
    code: 'UNIT_KEY_INVALID',
  },
  {
    case: 'SQL-looking within',
    request: () => ({
      method: 'GET',
      url: `/units/search?q=a&within=${encodeURIComponent(SQL)}`,
      headers: auth(),
    }),
    status: 400,
    code: 'UNIT_KEY_INVALID',
  },
  {
    case: '../ in a unit key',
    request: () => ({
      method: 'GET',
      url: `/units/${encodeURIComponent('../../etc/passwd')}`,
      headers: auth(),
    }),
    status: 400,
    code: 'UNIT_KEY_INVALID',
  },
  {
    case: '..%2F in a child path',
    request: () => ({ method: 'GET', url: '/units/..%2F..%2Fapp_user/children', headers: auth() }),
    status: 400,
    code: 'UNIT_KEY_INVALID',
  },
  {
    case: 'raw ../ walking out of /units',
    request: () => ({ method: 'GET', url: '/units/../../etc/passwd', headers: auth() }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    case: '../ in the docs assets',
    request: () => ({ method: 'GET', url: '/docs/static/..%2F..%2Fpackage.json' }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    case: 'a well-formed key of no unit',
    request: () => ({ method: 'GET', url: '/units/2025:99999', headers: auth() }),
    status: 404,
    code: 'UNIT_NOT_FOUND',
  },
  {
    case: 'a unit key too long',
    request: () => ({ method: 'GET', url: `/units/2025:${'9'.repeat(200)}`, headers: auth() }),
    status: 414,
    code: 'URI_TOO_LONG',
  },
  {
    case: 'a unit key over the schema length',
    request: () => ({ method: 'GET', url: `/units/2025:${'9'.repeat(60)}`, headers: auth() }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'an impossible date',
    request: () => ({ method: 'GET', url: '/units/2025:80/children?at=2025-02-30', headers: auth() }),
    status: 400,
    code: 'DATE_INVALID',
  },
  {
    case: 'a date in the wrong form',
    request: () => ({ method: 'GET', url: '/units/2025:80/resolve?at=01/07/2025', headers: auth() }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'a search limit of the wrong type',
    request: () => ({ method: 'GET', url: '/units/search?q=a&limit=lots', headers: auth() }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'a search limit out of range',
    request: () => ({ method: 'GET', url: '/units/search?q=a&limit=100000', headers: auth() }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'a search query too long',
    request: () => ({ method: 'GET', url: `/units/search?q=${'a'.repeat(500)}`, headers: auth() }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'an unknown query parameter',
    request: () => ({ method: 'GET', url: '/units/search?q=a&orderBy=1;DROP', headers: auth() }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'a 2025 unit resolved backwards',
    request: () => ({ method: 'GET', url: '/units/2025:80/resolve?at=2024-01-01', headers: auth() }),
    status: 422,
    code: 'RESOLVE_BACKWARDS',
  },
  {
    case: 'a malformed bearer token',
    request: () => ({ method: 'GET', url: '/auth/me', headers: { authorization: `Bearer ${SQL}` } }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    case: 'a token signed with another secret',
    request: () => ({
      method: 'GET',
      url: '/auth/me',
      headers: {
        authorization:
          'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluaXN0cmF0b3IiLCJzY29wZSI6IjIwMjU6VFciLCJraW5kIjoiYWNjZXNzIn0.c2lnbmF0dXJlLW5vdC12YWxpZC0xMjM0NTY3ODkwMTIzNDU2',
      },
    }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    case: 'an alg=none token',
    request: () => ({
      method: 'GET',
      url: '/auth/me',
      headers: {
        authorization:
          'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluaXN0cmF0b3IiLCJzY29wZSI6IjIwMjU6VFciLCJraW5kIjoiYWNjZXNzIn0.',
      },
    }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    case: 'a refresh token of the wrong shape',
    request: () => ({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: SQL } }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    case: 'an unknown route',
    request: () => ({ method: 'GET', url: '/admin/../../app_user' }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    case: 'an unknown method',
    request: () => ({ method: 'DELETE', url: '/units/2025:80', headers: auth() }),
    status: 404,
    code: 'NOT_FOUND',
  },
];

describe('bad input', () => {
  it.each(CASES)('$case → $status $code, nothing written', async ({ request, status, code }) => {
    const before = await tableCounts(t.store);
    const response = await t.app.inject(request());
    expect(response.statusCode).toBe(status);
    const body = response.json<{
      error: { code: string; message: string; message_vi: string; requestId: string };
    }>();
    expect(body.error.code).toBe(code);
    expect(ERRORS[code].status).toBe(status);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(body.error.message_vi.length).toBeGreaterThan(10);
    expect(body.error.requestId).toBe(response.headers['x-request-id']);
    expect(response.body).not.toContain('DROP TABLE');
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it('treats an SQL-looking search as text: a normal answer with no results, tables intact', async () => {
    const before = await tableCounts(t.store);
    const response = await t.app.inject({
      method: 'GET',
      url: `/units/search?q=${encodeURIComponent(SQL)}`,
      headers: auth(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ query: "'; drop table app_user; --", results: [] });
    expect(await tableCounts(t.store)).toEqual(before);
  });

  it.each(['%', '_', '\\', '%%%'])('treats LIKE wildcard %j as a literal character in search', async (q) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/units/search?q=${encodeURIComponent(q)}`,
      headers: auth(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().results).toEqual([]);
  });

  it('lists the offending fields without echoing their values', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'admin', password: 'hunter2-secret', extra: 'x' },
    });
    expect(response.json().error.details).toEqual([
      { in: 'body', field: 'extra', problem: expect.any(String) },
    ]);
    expect(response.body).not.toContain('hunter2');
  });

  it('keeps serving after all of the above', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json().status).toBe('ok');
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/auth/login',
          payload: { username: 'admin', password: DEMO_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });
});
