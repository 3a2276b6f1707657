import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/context/index.js';
import { apiError, fakeBrowser, json, sessionAnswer, type SeenRequest } from './fakes.js';

/** An API whose tokens `old` expire and whose refresh answers `new` after `delayMs`. */
function expiringApi(delayMs = 5) {
  let refreshes = 0;
  const handler = async (req: SeenRequest) => {
    if (req.url === '/api/auth/login') return sessionAnswer('old');
    if (req.url === '/api/auth/refresh') {
      refreshes += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return sessionAnswer('new');
    }
    if (req.authorization === 'Bearer old') return apiError(401, 'TOKEN_EXPIRED');
    if (req.authorization === 'Bearer new') return json(200, { url: req.url });
    return apiError(401, 'UNAUTHENTICATED');
  };
  return { handler, refreshes: () => refreshes };
}

describe('API client', () => {
  it('sends JSON to /api with the access token, the language and query parameters', async () => {
    const browser = fakeBrowser('https://console.test/members', (req) =>
      req.url === '/api/auth/login' ? sessionAnswer('tok') : json(200, { ok: true }),
    );
    const ctx = browser.context();
    await ctx.session.login('leader.tayninh', 'secret');
    await ctx.api.get('/units/search', { query: { q: 'tân ninh', within: '2025:80', limit: undefined } });
    const [call, init] = browser.fetch.mock.calls[1]!;
    expect(call).toBe('/api/units/search?q=t%C3%A2n+ninh&within=2025%3A80');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer tok');
    expect(headers.get('accept-language')).toBe('vi');
    expect(init?.credentials).toBe('same-origin');
  });

  it('refreshes ONCE for concurrent requests whose token expired, then repeats each with the new token', async () => {
    const api = expiringApi();
    const browser = fakeBrowser('https://console.test/members', api.handler);
    const ctx = browser.context();
    await ctx.session.login('u', 'p');
    const answers = await Promise.all(['/a', '/b', '/c'].map((path) => ctx.api.get<{ url: string }>(path)));
    expect(answers.map((a) => a.url)).toEqual(['/api/a', '/api/b', '/api/c']);
    expect(api.refreshes()).toBe(1);
    expect(browser.seen.filter((r) => r.url === '/api/auth/refresh')).toHaveLength(1);
    expect(
      browser.seen
        .filter((r) => r.authorization === 'Bearer new')
        .map((r) => r.url)
        .sort(),
    ).toEqual(['/api/a', '/api/b', '/api/c']);
  });

  it('a request that expired after another one already refreshed just uses the new token', async () => {
    const api = expiringApi();
    const browser = fakeBrowser('https://console.test/members', api.handler);
    const ctx = browser.context();
    await ctx.session.login('u', 'p');
    await ctx.api.get('/first');
    expect(api.refreshes()).toBe(1);
    await ctx.api.get('/second');
    expect(api.refreshes()).toBe(1);
  });

  it('signs out with reason "expired" when the refresh is refused, and throws the original error', async () => {
    const browser = fakeBrowser('https://console.test/members', (req) => {
      if (req.url === '/api/auth/login') return sessionAnswer('old');
      if (req.url === '/api/auth/refresh') return apiError(401, 'SESSION_INVALID');
      return apiError(401, 'TOKEN_EXPIRED');
    });
    const ctx = browser.context();
    await ctx.session.login('u', 'p');
    await expect(ctx.api.get('/units/2025:80')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED', status: 401 });
    expect(ctx.session.get()).toEqual({ status: 'signed-out', reason: 'expired' });
  });

  it('does not refresh for other 401 codes, nor for calls made without a session', async () => {
    const browser = fakeBrowser('https://console.test/members', () => apiError(401, 'UNAUTHENTICATED'));
    const ctx = browser.context();
    await expect(ctx.api.get('/auth/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(ctx.api.post('/auth/login', {}, { auth: false })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(browser.seen.map((r) => r.url)).toEqual(['/api/auth/me', '/api/auth/login']);
  });

  it.each([
    {
      name: 'an API error in Vietnamese',
      answer: () =>
        apiError(423, 'ACCOUNT_LOCKED', 'Locked until 08:15', 'Khóa đến 08:15', {
          lockedUntil: '2025-11-21T08:15:00Z',
        }),
      language: 'vi' as const,
      expected: {
        code: 'ACCOUNT_LOCKED',
        status: 423,
        message: 'Khóa đến 08:15',
        details: { lockedUntil: '2025-11-21T08:15:00Z' },
      },
    },
    {
      name: 'an API error in English',
      answer: () => apiError(403, 'OUT_OF_SCOPE', 'Outside your scope', 'Ngoài phạm vi'),
      language: 'en' as const,
      expected: { code: 'OUT_OF_SCOPE', status: 403, message: 'Outside your scope', requestId: 'req-1' },
    },
    {
      name: 'a code this console does not know keeps the server message',
      answer: () => apiError(409, 'SOMETHING_NEW', 'New thing', 'Điều mới'),
      language: 'vi' as const,
      expected: { code: 'UNEXPECTED', status: 409, message: 'Điều mới' },
    },
    {
      name: 'an HTML error page from a proxy',
      answer: () => new Response('<html>Bad gateway</html>', { status: 502 }),
      language: 'vi' as const,
      expected: { code: 'BAD_RESPONSE', status: 502 },
    },
    {
      name: 'an error without the error envelope',
      answer: () => json(500, { message: 'oops' }),
      language: 'en' as const,
      expected: { code: 'BAD_RESPONSE', status: 500 },
    },
    {
      name: 'no answer at all',
      answer: () => Promise.reject(new TypeError('Failed to fetch')),
      language: 'vi' as const,
      expected: {
        code: 'NETWORK_ERROR',
        status: 0,
        message: 'Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
      },
    },
  ])('maps $name', async ({ answer, language, expected }) => {
    const browser = fakeBrowser('https://console.test/members', answer);
    const ctx = browser.context();
    ctx.language.set(language);
    const error = await ctx.api.get('/units/2025:80').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject(expected);
  });

  it('resolves undefined for 204 and passes an abort through untouched', async () => {
    const browser = fakeBrowser('https://console.test/members', (req) =>
      req.url.endsWith('/empty')
        ? new Response(null, { status: 204 })
        : Promise.reject(new DOMException('stop', 'AbortError')),
    );
    const ctx = browser.context();
    await expect(ctx.api.post('/empty')).resolves.toBeUndefined();
    await expect(ctx.api.get('/slow')).rejects.toMatchObject({ name: 'AbortError' });
  });
  it('sends FormData as it is (a file upload) and downloads a file with its name', async () => {
    const browser = fakeBrowser('https://console.test/members', (req) => {
      if (req.url === '/api/auth/login') return sessionAnswer('tok');
      if (req.url.startsWith('/api/export'))
        return new Response('a;b\n1;2\n', {
          status: 200,
          headers: { 'content-disposition': "attachment; filename*=UTF-8''h%E1%BB%99i-vi%C3%AAn.csv" },
        });
      if (req.url === '/api/missing') return apiError(404, 'NOT_FOUND');
      return json(200, { ok: true });
    });
    const ctx = browser.context();
    await ctx.session.login('leader.tayninh', 'secret');
    const form = new FormData();
    form.set('file', new Blob(['x']), 'members.csv');
    await ctx.api.post('/upload', form);
    const init = browser.fetch.mock.calls[1]![1];
    expect(init?.body).toBe(form);
    expect(new Headers(init?.headers).get('content-type')).toBeNull();
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tok');
    const file = await ctx.api.download('/export', { query: { format: 'csv' } });
    expect(file.fileName).toBe('hội-viên.csv');
    expect(await file.blob.text()).toBe('a;b\n1;2\n');
    await expect(ctx.api.download('/missing')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
