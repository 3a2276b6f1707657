// The audit log: password changes and lockouts are recorded with who, when, before and after, and without
// passwords, hashes, tokens or names; the log is append-only; only administrators read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/index.js';
import { signIn, startTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ config: { loginMaxFailures: 2, lockoutS: 300 } });
});

afterAll(async () => {
  await t?.close();
});

interface AuditRow {
  at: Date;
  actor_user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
}

async function entries(action: string): Promise<AuditRow[]> {
  const { rows } = await t.store.query<AuditRow>(
    'SELECT at, actor_user_id, action, entity, entity_id, before, after, request_id FROM audit_log WHERE action = $1 ORDER BY id',
    [action],
  );
  return rows;
}

async function userId(username: string): Promise<number> {
  const { rows } = await t.store.query<{ id: number }>('SELECT id FROM app_user WHERE username = $1', [
    username,
  ]);
  return rows[0]?.id ?? -1;
}

function expectNoSecrets(row: AuditRow, secrets: string[]): void {
  const text = JSON.stringify(row);
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toContain('$scrypt$');
}

describe('audit log', () => {
  it('records a password change: who, when, before and after, no secrets', async () => {
    const session = await signIn(t.app, 'officer.tanninh', DEMO_PASSWORD);
    const newPassword = 'Mật khẩu mới của cán bộ 2025';
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/password',
      headers: { authorization: `Bearer ${session.accessToken}` },
      payload: { currentPassword: DEMO_PASSWORD, newPassword },
    });
    expect(response.statusCode).toBe(200);
    const [row] = await entries('auth.password_change');
    const id = await userId('officer.tanninh');
    expect(row).toMatchObject({
      actor_user_id: id,
      entity: 'app_user',
      entity_id: String(id),
      request_id: response.headers['x-request-id'],
      after: { password_changed_at: new Date(t.clock.now).toISOString(), sessions_revoked: true },
    });
    expect(row?.at.getTime()).toBe(t.clock.now);
    expect(row?.before).toHaveProperty('password_changed_at');
    expectNoSecrets(row as AuditRow, [
      DEMO_PASSWORD,
      newPassword,
      session.accessToken,
      session.refreshToken,
      'officer.tanninh',
      'Tân Ninh',
    ]);
  });

  it('records a lockout with the unlock time, no secrets', async () => {
    for (let i = 0; i < 2; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'judge.central', password: 'guess-number-x' },
      });
    }
    const [row] = await entries('auth.lockout');
    const id = await userId('judge.central');
    expect(row).toMatchObject({
      actor_user_id: null,
      entity_id: String(id),
      before: { locked_until: null },
      after: { locked_until: new Date(t.clock.now + 300_000).toISOString(), failures: 2 },
    });
    expectNoSecrets(row as AuditRow, ['guess-number-x', 'judge.central']);
  });

  it('refuses to change or delete entries', async () => {
    await expect(t.store.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.store.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it.each([
    { who: 'admin', status: 200 },
    { who: 'analyst.central', status: 403 },
    { who: 'leader.tayninh', status: 403 },
  ])('GET /audit as $who → $status', async ({ who, status }) => {
    const { accessToken } = await signIn(t.app, who, DEMO_PASSWORD);
    const response = await t.app.inject({
      method: 'GET',
      url: '/audit?action=auth.lockout',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.statusCode).toBe(status);
    if (status === 200) {
      const list = response.json<{ entries: Array<{ action: string; after: unknown }> }>().entries;
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((e) => e.action === 'auth.lockout')).toBe(true);
    }
  });
});
