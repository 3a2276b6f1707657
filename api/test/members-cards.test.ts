// Smart member cards (signed tokens, public verification without personal data, revoke and re-issue),
// duplicate detection and merge with preview, and cadre training records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import { TAN_NINH, TAN_NINH_BRANCH, TAN_NINH_BRANCH_2, memberClient } from './helpers/members.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof memberClient>>;

async function register(
  fullName: string,
  extra: Record<string, unknown> = {},
  unit = TAN_NINH_BRANCH,
): Promise<string> {
  const r = await call('officer.tanninh', 'POST', `/units/${unit}/members`, {
    fullName,
    dateOfBirth: '1979-09-09',
    ethnicity: 'Kinh',
    joinedOn: '2005-05-05',
    ...extra,
  });
  expect(r.status, r.raw).toBe(201);
  return r.body.id as string;
}

async function verify(token: string) {
  const r = await t.app.inject({ method: 'GET', url: `/cards/verify?token=${encodeURIComponent(token)}` });
  return { status: r.statusCode, body: r.json() };
}

beforeAll(async () => {
  t = await startTestApp();
  call = await memberClient(t.app);
});

afterAll(async () => {
  await t?.close();
});

describe('smart member card', () => {
  it('issues a signed token that verifies as valid, without personal data', async () => {
    const id = await register('Bùi Thị Ngọc', { phone: '0911222333' });
    const issued = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${id}/card`);
    expect(issued.status, issued.raw).toBe(201);
    expect(issued.body.token).toMatch(/^VWC1\.1\.[\w-]{22}\.[\w-]{22}$/);
    const v = await verify(issued.body.qrPayload);
    expect(v.body).toMatchObject({ status: 'valid' });
    expect(Object.keys(v.body).sort()).toEqual(['checkedAt', 'issuedAt', 'status']);
    expect(JSON.stringify(v.body)).not.toMatch(/Ngọc|0911|m[0-9A-Z]{13}/);
    const detail = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members/${id}`);
    expect(detail.body.cardStatus).toBe('active');
    expect(detail.body.card).toMatchObject({ cardId: issued.body.cardId, status: 'active' });
  });

  it('re-issue revokes the old card; revoke makes the new one revoked too', async () => {
    const id = await register('Bùi Thị Yến');
    const first = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${id}/card`);
    const second = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${id}/card`);
    expect((await verify(first.body.token)).body.status).toBe('revoked');
    expect((await verify(second.body.token)).body.status).toBe('valid');
    const revoked = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${id}/card/revoke`, {
      reason: 'Mất thẻ',
    });
    expect(revoked.status, revoked.raw).toBe(204);
    expect((await verify(second.body.token)).body.status).toBe('revoked');
    const again = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${id}/card/revoke`, {});
    expect(again.body.error.code).toBe('CARD_NOT_ACTIVE');
    const actions = await t.store.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'member' AND entity_id = $1 AND action LIKE 'member_card%' ORDER BY id",
      [id],
    );
    expect(actions.rows.map((r) => r.action)).toEqual([
      'member_card.issue',
      'member_card.issue',
      'member_card.revoke',
    ]);
  });

  it.each([
    ['garbage', 'not a token'],
    ['a forged signature', 'VWC1.1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['an unknown key', 'VWC1.9.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['SQL', "VWC1.1.' OR 1=1 --"],
  ])('answers unknown for %s', async (_, token) => {
    const v = await verify(token);
    expect(v.status).toBe(200);
    expect(v.body.status).toBe('unknown');
  });

  it('answers unknown for a token whose card id was altered, keeping the signature', async () => {
    const id = await register('Bùi Thị Hằng');
    const issued = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${id}/card`);
    const parts = (issued.body.token as string).split('.');
    const cardId = parts[2] as string;
    parts[2] = (cardId[0] === 'A' ? 'B' : 'A') + cardId.slice(1);
    expect((await verify(parts.join('.'))).body.status).toBe('unknown');
  });
});

describe('duplicates and merge', () => {
  it('finds same name (either tone placement) + birth date, and same phone; merges with a preview', async () => {
    const a = await register('Nguyễn Thị Hoà', { dateOfBirth: '1970-01-01', phone: '0988000111' });
    const b = await register(
      'Nguyễn Thị Hòa',
      { dateOfBirth: '1970-01-01', roles: ['cadre'] },
      TAN_NINH_BRANCH_2,
    );
    const c = await register('Đinh Thị Lan', { phone: '0988000111' });
    const training = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${b}/trainings`, {
      topic: 'digital_skills',
      trainedOn: '2025-03-01',
    });
    expect(training.status, training.raw).toBe(201);
    const card = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${b}/card`);

    const dups = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members/duplicates`);
    expect(dups.status, dups.raw).toBe(200);
    const groups = dups.body.groups.map((g: { reason: string; members: { id: string }[] }) => [
      g.reason,
      g.members.map((m) => m.id),
    ]);
    expect(groups).toContainEqual(['name_and_birth_date', [a, b]]);
    expect(groups).toContainEqual(['phone', [a, c]]);
    expect((await call('leader.hanoi', 'GET', '/units/2025:01/members/duplicates')).body.groups).toEqual([]);

    const before = await t.store.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const preview = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/merge-preview`, {
      keepId: a,
      mergeId: b,
      takeFromMerged: ['fullName'],
    });
    expect(preview.status, preview.raw).toBe(200);
    expect(preview.body).toMatchObject({
      applied: false,
      moved: { history: 1, trainings: 1, cards: 1 },
      result: {
        id: a,
        fullName: 'Nguyễn Thị Hòa',
        roles: ['member', 'cadre'],
        trained: true,
        cardStatus: 'active',
      },
    });
    const after = await t.store.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);

    const merged = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/merge`, {
      keepId: a,
      mergeId: b,
      takeFromMerged: ['fullName'],
    });
    expect(merged.status, merged.raw).toBe(200);
    expect(merged.body.applied).toBe(true);
    const kept = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members/${a}`);
    expect(kept.body).toMatchObject({ fullName: 'Nguyễn Thị Hòa', trained: true, cardStatus: 'active' });
    expect(kept.body.trainings).toHaveLength(1);
    expect(kept.body.history.map((h: { kind: string }) => h.kind)).toEqual([
      'registered',
      'registered',
      'merged',
    ]);
    expect((await verify(card.body.token)).body.status).toBe('valid');
    const gone = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members/${b}`);
    expect(gone.body).toMatchObject({ status: 'merged', mergedInto: a });
    const again = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/merge`, {
      keepId: a,
      mergeId: b,
    });
    expect(again.body.error.code).toBe('MEMBER_NOT_ACTIVE');
    const audit = await t.store.query<{ after: { mergedInto: string } }>(
      "SELECT after FROM audit_log WHERE action = 'member.merge'",
    );
    expect(audit.rows).toHaveLength(1);
  });

  it.each([
    [{ keepId: '1', mergeId: '1' }, 'MERGE_INVALID'],
    [{ keepId: '1', mergeId: '999999' }, 'MEMBER_NOT_FOUND'],
  ])('refuses %j', async (body, code) => {
    const r = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/merge`, body);
    expect(r.body.error.code).toBe(code);
  });
});

describe('training records', () => {
  it('adds, edits, lists with totals and removes; the trained flag follows', async () => {
    const id = await register('Cao Thị Duyên', { roles: ['cadre'] });
    const url = `/units/${TAN_NINH}/members/${id}/trainings`;
    const added = await call('officer.tanninh', 'POST', url, {
      topic: 'e_commerce',
      trainedOn: '15/08/2025',
      hours: 8,
      provider: 'Hội LHPN tỉnh',
    });
    expect(added.status, added.raw).toBe(201);
    expect(added.body).toMatchObject({ topic: 'e_commerce', trainedOn: '2025-08-15', hours: 8 });
    expect(
      (await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members?trained=true&q=duyen`)).body.items,
    ).toHaveLength(1);
    const edited = await call('officer.tanninh', 'PATCH', `${url}/${added.body.id}`, { hours: 6 });
    expect(edited.body.hours).toBe(6);
    const list = await call('leader.tayninh', 'GET', '/units/2025:80/trainings?topic=e_commerce&year=2025');
    expect(list.body.totals).toEqual({ records: 1, membersTrained: 1 });
    expect(list.body.items[0]).toMatchObject({ memberName: 'Cao Thị Duyên', unitKey: TAN_NINH_BRANCH });
    expect((await call('leader.hanoi', 'GET', '/units/2025:01/trainings')).body.totals.records).toBe(0);
    const future = await call('officer.tanninh', 'POST', url, { topic: 'other', trainedOn: '2030-01-01' });
    expect(future.body.error.code).toBe('MEMBER_INVALID');
    const removed = await call('officer.tanninh', 'DELETE', `${url}/${added.body.id}`);
    expect(removed.status).toBe(204);
    expect((await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members/${id}`)).body.trained).toBe(
      false,
    );
    expect((await call('officer.tanninh', 'DELETE', `${url}/${added.body.id}`)).body.error.code).toBe(
      'TRAINING_NOT_FOUND',
    );
  });
});
