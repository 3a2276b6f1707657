// Accounts: sign-in, the same answer for unknown names and wrong passwords, lockout and unlock by the clock,
// refresh rotation and reuse detection, logout, password change, and expired access tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, REFRESH_COOKIE } from '../src/index.js';
import { signIn, startTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ config: { loginMaxFailures: 3, lockoutS: 600 } });
});

afterAll(async () => {
  await t?.close();
});

function login(username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });
}

function errorCode(response: { json: () => unknown }): string {
  return (response.json() as { error: { code: string } }).error.code;
}

describe('POST /auth/login', () => {
  it('signs in a demo account and returns tokens, the user and an httpOnly SameSite=Strict cookie', async () => {
    const response = await login('leader.tayninh', DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.tokenType).toBe('Bearer');
    expect(body.accessToken.split('.')).toHaveLength(3);
    expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.user).toMatchObject({
      username: 'leader.tayninh',
      role: 'province_leader',
      scope: { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' },
    });
    expect(body.user).not.toHaveProperty('password_hash');
    expect(Date.parse(body.accessTokenExpiresAt) - t.clock.now).toBe(t.config.accessTokenTtlS * 1000);
    const cookie = response.cookies.find((c) => c.name === REFRESH_COOKIE);
    expect(cookie).toMatchObject({
      value: body.refreshToken,
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/auth',
      secure: true,
    });
  });

  it.each([
    { case: 'username in other case', username: 'Leader.TayNinh', status: 200 },
    { case: 'username with spaces around', username: '  leader.tayninh ', status: 200 },
  ])('accepts the $case', async ({ username, status }) => {
    expect((await login(username, DEMO_PASSWORD)).statusCode).toBe(status);
  });

  it('gives one answer for a wrong password and an unknown name', async () => {
    const wrong = await login('judge.central', 'not the password');
    const unknown = await login('nobody.here', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(errorCode(unknown)).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().error.message_vi).toMatch(/không đúng/);
    // The failure count of judge.central is reset by a successful sign-in, for the next tests.
    expect((await login('judge.central', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('locks an account after LOGIN_MAX_FAILURES failures, says until when, and unlocks after LOCKOUT_S', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await login('deployer.central', 'wrong password')).statusCode);
    expect(statuses).toEqual([401, 401, 423]);
    const locked = await login('deployer.central', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(423);
    const until = new Date(t.clock.now + 600_000).toISOString();
    expect(locked.json().error).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { lockedUntil: until } });
    expect(locked.json().error.message).toContain(until.slice(0, 16).replace('T', ' '));
    t.clock.advance(599);
    expect((await login('deployer.central', DEMO_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(1);
    expect((await login('deployer.central', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('locks unknown names after the same number of failures, so that answers do not reveal which names exist', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await login('ghost.user', 'wrong password')).statusCode);
    expect(statuses).toEqual([401, 401, 423, 423]);
  });

  it('counts failures and lockouts in /metrics', async () => {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/^auth_login_failures_total [1-9]\d*$/m);
    expect(text).toMatch(/^auth_lockouts_total [1-9]\d*$/m);
  });
});

describe('refresh, logout and access tokens', () => {
  it('rotates the refresh token on each use; the old one no longer works', async () => {
    const first = await signIn(t.app, 'analyst.central', DEMO_PASSWORD);
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
    const second = refreshed.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.username).toBe('analyst.central');
    const me = await t.app.inject({
      method: 'GET',
      url: '/auth/me',
      headers: { authorization: `Bearer ${second.accessToken}` },
    });
    expect(me.statusCode).toBe(200);
  });

  it('accepts the refresh token from the cookie when the body has none', async () => {
    const first = await signIn(t.app, 'analyst.central', DEMO_PASSWORD);
    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/auth/refresh',
      payload: {},
      cookies: { [REFRESH_COOKIE]: first.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
  });

  it('revokes the whole family when a rotated refresh token is presented again', async () => {
    const first = await signIn(t.app, 'organiser.central', DEMO_PASSWORD);
    const second = (
      await t.app.inject({
        method: 'POST',
        url: '/auth/refresh',
        payload: { refreshToken: first.refreshToken },
      })
    ).json();
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(reuse.statusCode).toBe(401);
    expect(errorCode(reuse)).toBe('SESSION_INVALID');
    // The legitimate holder of the newest token is signed out too: the session was stolen.
    const victim = await t.app.inject({
      method: 'POST',
      url: '/auth/refresh',
      payload: { refreshToken: second.refreshToken },
    });
    expect(victim.statusCode).toBe(401);
    const { rows } = await t.store.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action = 'auth.refresh_reuse'",
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses unknown and expired refresh tokens', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/auth/refresh',
      payload: { refreshToken: 'A'.repeat(43) },
    });
    expect(unknown.statusCode).toBe(401);
    const session = await signIn(t.app, 'officer.tanninh', DEMO_PASSWORD);
    t.clock.advance(t.config.refreshTokenTtlS);
    const expired = await t.app.inject({
      method: 'POST',
      url: '/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(expired.statusCode).toBe(401);
    expect(errorCode(expired)).toBe('SESSION_INVALID');
  });

  it('logs out: the refresh token stops working and the cookie is cleared', async () => {
    const session = await signIn(t.app, 'leader.hanoi', DEMO_PASSWORD);
    const out = await t.app.inject({
      method: 'POST',
      url: '/auth/logout',
      payload: { refreshToken: session.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    expect(out.cookies.find((c) => c.name === REFRESH_COOKIE)?.value).toBe('');
    const after = await t.app.inject({
      method: 'POST',
      url: '/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(after.statusCode).toBe(401);
  });

  it('answers TOKEN_EXPIRED for an expired access token and UNAUTHENTICATED for a forged one', async () => {
    const session = await signIn(t.app, 'leader.hanoi', DEMO_PASSWORD);
    const me = () =>
      t.app.inject({
        method: 'GET',
        url: '/auth/me',
        headers: { authorization: `Bearer ${session.accessToken}` },
      });
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(t.config.accessTokenTtlS + 1);
    const expired = await me();
    expect(expired.statusCode).toBe(401);
    expect(errorCode(expired)).toBe('TOKEN_EXPIRED');
    const [header, payload] = session.accessToken.split('.');
    const forged = await t.app.inject({
      method: 'GET',
      url: '/auth/me',
      headers: { authorization: `Bearer ${header}.${payload}.${'x'.repeat(43)}` },
    });
    expect(errorCode(forged)).toBe('UNAUTHENTICATED');
  });
});

describe('POST /auth/password', () => {
  const change = (token: string, currentPassword: string, newPassword: string) =>
    t.app.inject({
      method: 'POST',
      url: '/auth/password',
      headers: { authorization: `Bearer ${token}` },
      payload: { currentPassword, newPassword },
    });

  it.each([
    { case: 'too short', next: 'short-1', problems: ['too_short'] },
    { case: 'containing the username', next: 'my-admin-password-2025', problems: ['contains_username'] },
    { case: 'a common password with digits', next: 'matkhau123456789', problems: ['common'] },
    { case: 'all digits', next: '123456789012345', problems: ['common'] },
    { case: 'the current one', next: DEMO_PASSWORD, problems: ['same_as_current'] },
  ])('refuses a new password $case with PASSWORD_TOO_WEAK', async ({ next, problems }) => {
    const { accessToken } = await signIn(t.app, 'admin', DEMO_PASSWORD);
    const response = await change(accessToken, DEMO_PASSWORD, next);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { problems } });
  });

  it('refuses a wrong current password', async () => {
    const { accessToken } = await signIn(t.app, 'admin', DEMO_PASSWORD);
    const response = await change(accessToken, 'not my password', 'a brand new long passphrase');
    expect(errorCode(response)).toBe('CURRENT_PASSWORD_WRONG');
  });

  it('changes the password, ends other sessions, and keeps this one signed in', async () => {
    const other = await signIn(t.app, 'admin', DEMO_PASSWORD);
    const mine = await signIn(t.app, 'admin', DEMO_PASSWORD);
    const response = await change(mine.accessToken, DEMO_PASSWORD, 'Một mật khẩu mới rất dài 2025');
    expect(response.statusCode).toBe(200);
    expect(response.json().refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await login('admin', DEMO_PASSWORD)).statusCode).toBe(401);
    // Vietnamese typed with combining marks (NFD) matches the same password typed composed (NFC).
    expect((await login('admin', 'Một mật khẩu mới rất dài 2025'.normalize('NFD'))).statusCode).toBe(200);
    const otherRefresh = await t.app.inject({
      method: 'POST',
      url: '/auth/refresh',
      payload: { refreshToken: other.refreshToken },
    });
    expect(otherRefresh.statusCode).toBe(401);
  });
});
