import { describe, expect, it } from 'vitest';
import { apiError, fakeBrowser, json, sessionAnswer } from './fakes.js';

describe('session', () => {
  it('restores from the refresh cookie on page load', async () => {
    const browser = fakeBrowser('https://console.test/members', (req) =>
      req.url === '/api/auth/refresh' ? sessionAnswer('tok') : json(404, {}),
    );
    const ctx = browser.context();
    expect(ctx.session.get()).toEqual({ status: 'restoring' });
    const state = await ctx.session.restore();
    expect(state).toMatchObject({
      status: 'signed-in',
      user: { username: 'leader.tayninh', role: 'province_leader' },
    });
    expect(browser.seen[0]).toMatchObject({
      method: 'POST',
      url: '/api/auth/refresh',
      body: {},
      authorization: null,
    });
  });

  it.each([
    { name: 'no session cookie', answer: () => apiError(401, 'SESSION_INVALID'), reason: 'none' },
    {
      name: 'server unreachable',
      answer: () => Promise.reject(new TypeError('offline')),
      reason: 'unreachable',
    },
    {
      name: 'malformed session answer',
      answer: () => json(200, { accessToken: 'x', user: { id: 'seven' } }),
      reason: 'none',
    },
  ])('restore ends signed out: $name', async ({ answer, reason }) => {
    const ctx = fakeBrowser('https://console.test/', answer).context();
    expect(await ctx.session.restore()).toEqual({ status: 'signed-out', reason });
  });

  it('login failure leaves the session signed out and throws the API error', async () => {
    const browser = fakeBrowser('https://console.test/', () =>
      apiError(
        401,
        'INVALID_CREDENTIALS',
        'The username or password is incorrect.',
        'Tên đăng nhập hoặc mật khẩu không đúng.',
      ),
    );
    const ctx = browser.context();
    await ctx.session.restore();
    await expect(ctx.session.login('u', 'wrong')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    expect(ctx.session.user()).toBeNull();
  });

  it('logout tells the server, forgets the token and the selected unit', async () => {
    const browser = fakeBrowser('https://console.test/members?unit=2025:80', (req) =>
      req.url === '/api/auth/logout' ? new Response(null, { status: 204 }) : sessionAnswer('tok'),
    );
    const ctx = browser.context();
    await ctx.session.login('u', 'p');
    ctx.selectedUnit.select({ key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province', breadcrumb: [] });
    await ctx.session.logout();
    expect(ctx.session.get()).toEqual({ status: 'signed-out', reason: 'logout' });
    expect(ctx.selectedUnit.get()).toBeNull();
    expect(new URL(browser.href()).searchParams.has('unit')).toBe(false);
    await ctx.api.get('/x').catch(() => undefined);
    expect(browser.seen.at(-1)?.authorization).toBeNull();
  });

  it('a silent refresh of the same user does not notify listeners', async () => {
    const browser = fakeBrowser('https://console.test/', () => sessionAnswer('tok'));
    const ctx = browser.context();
    await ctx.session.restore();
    const changes: string[] = [];
    ctx.session.subscribe((s) => changes.push(s.status));
    await ctx.session.restore();
    expect(changes).toEqual([]);
  });
});
