// Transfers between units (acceptance by the receiving unit, one record, history kept) and membership
// applications (approve into a branch, reject with a reason).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import {
  HA_NOI_BRANCH,
  TAN_NINH,
  TAN_NINH_BRANCH,
  TAN_NINH_BRANCH_2,
  memberClient,
} from './helpers/members.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof memberClient>>;

async function register(fullName: string, unit = TAN_NINH_BRANCH): Promise<string> {
  const r = await call(
    unit === HA_NOI_BRANCH ? 'leader.hanoi' : 'officer.tanninh',
    'POST',
    `/units/${unit}/members`,
    {
      fullName,
      dateOfBirth: '1988-02-02',
      ethnicity: 'Kinh',
      joinedOn: '2012-03-08',
    },
  );
  expect(r.status, r.raw).toBe(201);
  return r.body.id as string;
}

async function count(table: string): Promise<number> {
  const { rows } = await t.store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? -1;
}

beforeAll(async () => {
  t = await startTestApp();
  call = await memberClient(t.app);
});

afterAll(async () => {
  await t?.close();
});

describe('transfer to another province', () => {
  it('waits for the receiving unit, which accepts; the same record moves and keeps its history', async () => {
    const id = await register('Đỗ Thị Thu');
    const members = await count('member');
    const proposed = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${id}/transfers`, {
      toUnitKey: HA_NOI_BRANCH,
      reason: 'Đi làm ăn xa',
    });
    expect(proposed.status, proposed.raw).toBe(201);
    expect(proposed.body).toMatchObject({
      status: 'pending',
      fromUnitKey: TAN_NINH_BRANCH,
      toUnitKey: HA_NOI_BRANCH,
    });
    const again = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${id}/transfers`, {
      toUnitKey: HA_NOI_BRANCH,
    });
    expect(again.body.error.code).toBe('TRANSFER_ALREADY_PENDING');

    const incoming = await call(
      'leader.hanoi',
      'GET',
      '/units/2025:01/transfers?direction=incoming&status=pending',
    );
    expect(incoming.body.items.map((x: { id: string }) => x.id)).toEqual([proposed.body.id]);
    expect(incoming.body.items[0].memberName).toBe('Đỗ Thị Thu');
    const outgoing = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/transfers?direction=outgoing`);
    expect(outgoing.body.items).toHaveLength(1);
    // Not hers to accept, nor visible to the receiving side before acceptance.
    const notYours = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH}/transfers/${proposed.body.id}/accept`,
    );
    expect(notYours.body.error.code).toBe('TRANSFER_NOT_FOUND');
    expect((await call('leader.hanoi', 'GET', `/units/2025:01/members/${id}`)).status).toBe(404);

    const accepted = await call(
      'leader.hanoi',
      'POST',
      `/units/2025:01/transfers/${proposed.body.id}/accept`,
    );
    expect(accepted.status, accepted.raw).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const there = await call('leader.hanoi', 'GET', `/units/2025:01/members/${id}`);
    expect(there.body).toMatchObject({ unitKey: HA_NOI_BRANCH, provinceKey: '2025:01', version: 2 });
    expect(there.body.history.map((h: { kind: string }) => h.kind)).toEqual(['registered', 'transferred']);
    expect((await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members/${id}`)).status).toBe(404);
    expect(await count('member')).toBe(members);
    const twice = await call('leader.hanoi', 'POST', `/units/2025:01/transfers/${proposed.body.id}/accept`);
    expect(twice.body.error.code).toBe('TRANSFER_DECIDED');
    const { rows } = await t.store.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action LIKE 'member%transfer%' ORDER BY id",
    );
    expect(rows.map((r) => r.action)).toEqual([
      'member_transfer.propose',
      'member.transfer',
      'member_transfer.accept',
    ]);
  });

  it.each([
    ['reject', 'leader.hanoi', '2025:01', { reason: 'Không cư trú tại địa bàn' }, 'rejected'],
    ['cancel', 'officer.tanninh', TAN_NINH, undefined, 'cancelled'],
  ] as const)('%s leaves her where she is', async (decision, user, unit, body, status) => {
    const id = await register(`Hồ Thị ${decision === 'reject' ? 'Xuân' : 'Hạ'}`);
    const proposed = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${id}/transfers`, {
      toUnitKey: HA_NOI_BRANCH,
    });
    const r = await call(user, 'POST', `/units/${unit}/transfers/${proposed.body.id}/${decision}`, body);
    expect(r.status, r.raw).toBe(200);
    expect(r.body.status).toBe(status);
    const here = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members/${id}`);
    expect(here.body).toMatchObject({ unitKey: TAN_NINH_BRANCH, pendingTransfer: null });
  });

  it('moves her at once between two branches of the officer’s own commune', async () => {
    const id = await register('Mai Thị Cúc');
    const r = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${id}/transfers`, {
      toUnitKey: TAN_NINH_BRANCH_2,
    });
    expect(r.body.status).toBe('accepted');
    const here = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members/${id}`);
    expect(here.body.unitKey).toBe(TAN_NINH_BRANCH_2);
  });

  it.each([
    [{ toUnitKey: '2025:80' }, 'MEMBER_UNIT_INVALID'],
    [{ toUnitKey: 'pre2025:25459' }, 'MEMBER_UNIT_INVALID'],
    [{ toUnitKey: 'nonsense' }, 'MEMBER_UNIT_INVALID'],
    [{ toUnitKey: TAN_NINH_BRANCH }, 'TRANSFER_SAME_UNIT'],
  ])('refuses %j with %s', async (body, code) => {
    const id = await register('Lê Thị Đào');
    const r = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/members/${id}/transfers`, body);
    expect(r.body.error.code).toBe(code);
  });
});

describe('membership applications', () => {
  it('approves an application into a branch of the unit, which registers the member', async () => {
    const created = await call('officer.tanninh', 'POST', `/units/${TAN_NINH}/applications`, {
      fullName: 'Lò Thị Mai',
      dateOfBirth: '2001-05-02',
      phone: '0977 111 222',
      source: 'online_group',
    });
    expect(created.status, created.raw).toBe(201);
    const outside = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH}/applications/${created.body.id}/approve`,
      {
        branchKey: HA_NOI_BRANCH,
      },
    );
    expect(outside.body.error.code).toBe('BRANCH_NOT_IN_UNIT');
    const noEthnicity = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH}/applications/${created.body.id}/approve`,
      {
        branchKey: TAN_NINH_BRANCH_2,
      },
    );
    expect(noEthnicity.body.error.code).toBe('MEMBER_INVALID');
    expect(noEthnicity.body.error.details).toContainEqual(
      expect.objectContaining({ field: 'ethnicity', problem: 'required' }),
    );
    const approved = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH}/applications/${created.body.id}/approve`,
      {
        branchKey: TAN_NINH_BRANCH_2,
        ethnicity: 'Thái',
      },
    );
    expect(approved.status, approved.raw).toBe(200);
    expect(approved.body.status).toBe('approved');
    const member = await call(
      'officer.tanninh',
      'GET',
      `/units/${TAN_NINH}/members/${approved.body.memberId}`,
    );
    expect(member.body).toMatchObject({
      fullName: 'Lò Thị Mai',
      phone: '0977111222',
      unitKey: TAN_NINH_BRANCH_2,
      joinedOn: '2025-09-01',
    });
    const again = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH}/applications/${created.body.id}/reject`,
      {
        reason: 'Trùng đơn',
      },
    );
    expect(again.body.error.code).toBe('APPLICATION_DECIDED');
  });

  it('rejects with a reason, lists by status, and keeps other provinces out', async () => {
    const created = await call('officer.tanninh', 'POST', `/units/${TAN_NINH_BRANCH}/applications`, {
      fullName: 'Vương Thị Hạnh',
      dateOfBirth: '1995-12-12',
      source: 'non_member',
      note: 'Qua nhóm Zalo',
    });
    const rejected = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH}/applications/${created.body.id}/reject`,
      {
        reason: 'Không cư trú tại địa bàn',
      },
    );
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: 'Không cư trú tại địa bàn' });
    const list = await call('leader.tayninh', 'GET', '/units/2025:80/applications?status=rejected');
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
    const hanoi = await call('leader.hanoi', 'GET', '/units/2025:01/applications');
    expect(hanoi.body.items).toEqual([]);
    const tooShort = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH}/applications/${created.body.id}/reject`,
      {
        reason: '',
      },
    );
    expect(tooShort.status).toBe(400);
  });
});
