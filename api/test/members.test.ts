// Member registry: register, read, edit with optimistic versions, search that ignores diacritics and
// spelling variants, filters, cursor paging, and the scope of each role (an officer sees her commune only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchKey } from '../src/members/search-text.js';
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

const PEOPLE = [
  { fullName: 'Nguyễn Thị Hoà', dateOfBirth: '1985-03-14', phone: '0912345678', unit: TAN_NINH_BRANCH },
  { fullName: 'Nguyễn Thị Hòa', dateOfBirth: '1990-07-01', phone: '0987654321', unit: TAN_NINH_BRANCH_2 },
  { fullName: 'Trần Thị Lý', dateOfBirth: '1960-01-20', phone: null, unit: TAN_NINH_BRANCH },
  { fullName: 'Lò Thị Mai', dateOfBirth: '2000-05-05', phone: '0355000111', unit: TAN_NINH_BRANCH_2 },
  { fullName: 'Phạm Thị Hoa', dateOfBirth: '1975-11-30', phone: '0900000001', unit: HA_NOI_BRANCH },
];
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await startTestApp();
  call = await memberClient(t.app);
  for (const person of PEOPLE) {
    const user = person.unit === HA_NOI_BRANCH ? 'leader.hanoi' : 'officer.tanninh';
    const r = await call(user, 'POST', `/units/${person.unit}/members`, {
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth,
      phone: person.phone,
      ethnicity: person.fullName.startsWith('Lò') ? 'Thái' : 'Kinh',
      joinedOn: person.fullName.startsWith('Lò') ? '2020-06-01' : '2015-10-20',
      roles: person.fullName.startsWith('Trần') ? ['cadre'] : ['member'],
    });
    expect(r.status, r.raw).toBe(201);
    ids.set(person.fullName, r.body.id);
  }
});

afterAll(async () => {
  await t?.close();
});

describe('search keys', () => {
  it.each([
    ['Nguyễn Thị Hoà', 'nguyen thi hoa'],
    ['nguyen thi hòa', 'nguyen thi hoa'],
    ['Lý Thị Mỹ', 'li thi mi'],
    ['Lí Thị Mĩ', 'li thi mi'],
    ['Quý', 'qui'],
    ['Thúy', 'thuy'],
    ['Huy', 'huy'],
    ['Đặng Thị-Vy', 'dang thi vi'],
  ])('%s → %s', (name, key) => {
    expect(searchKey(name)).toBe(key);
  });
});

describe('register and read', () => {
  it('returns the new member with her pseudonymous key and a registration in her history', async () => {
    const r = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members/${ids.get('Nguyễn Thị Hoà')}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      fullName: 'Nguyễn Thị Hoà',
      unitKey: TAN_NINH_BRANCH,
      communeKey: TAN_NINH,
      provinceKey: '2025:80',
      cardStatus: 'none',
      status: 'active',
      version: 1,
      card: null,
      pendingTransfer: null,
    });
    expect(r.body.memberKey).toMatch(/^m[0-9A-Z]{13}$/);
    expect(r.body.history).toEqual([
      expect.objectContaining({ kind: 'registered', fromUnitKey: null, toUnitKey: TAN_NINH_BRANCH }),
    ]);
  });

  it.each([
    ['fullName', { fullName: 'Nguyen 123' }, 'name_not_letters'],
    ['dateOfBirth', { dateOfBirth: '31/02/1990' }, 'date_not_calendar'],
    ['dateOfBirth', { dateOfBirth: 'yesterday' }, 'date_format'],
    ['dateOfBirth', { dateOfBirth: '2030-01-01' }, 'birth_in_future'],
    ['joinedOn', { dateOfBirth: '2010-01-01' }, 'too_young'],
    ['phone', { phone: '12345' }, 'phone_invalid'],
    ['joinedOn', { joinedOn: '1920-01-01' }, 'join_before_1930'],
  ])('refuses a bad %s with a message in both languages (%j)', async (field, change, code) => {
    const body = {
      fullName: 'Võ Thị Sáu',
      dateOfBirth: '1980-01-01',
      ethnicity: 'Kinh',
      joinedOn: '2020-10-20',
      ...change,
    };
    const r = await call('officer.tanninh', 'POST', `/units/${TAN_NINH_BRANCH}/members`, body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('MEMBER_INVALID');
    expect(r.body.error.details).toContainEqual(expect.objectContaining({ field, problem: code }));
    const detail = r.body.error.details.find((d: { problem: string }) => d.problem === code);
    expect(detail.vi.length).toBeGreaterThan(5);
    expect(detail.en.length).toBeGreaterThan(5);
  });

  it('accepts dd/mm/yyyy dates and +84 phones, and stores them normalised', async () => {
    const r = await call('officer.tanninh', 'POST', `/units/${TAN_NINH_BRANCH}/members`, {
      fullName: '  Võ   Thị Sáu ',
      dateOfBirth: '14/03/1985',
      ethnicity: 'Kinh',
      joinedOn: '20/10/2010',
      phone: '+84 912 000 999',
    });
    expect(r.status, r.raw).toBe(201);
    expect(r.body).toMatchObject({ fullName: 'Võ Thị Sáu', dateOfBirth: '1985-03-14', phone: '0912000999' });
  });

  it.each([
    ['a province', '2025:80'],
    ['an old commune', 'pre2025:25459'],
  ])('registers members on a branch or commune only, not on %s', async (_, unit) => {
    const r = await call('leader.tayninh', 'POST', `/units/${unit}/members`, {
      fullName: 'Võ Thị Sáu',
      dateOfBirth: '1980-01-01',
      ethnicity: 'Kinh',
      joinedOn: '2020-10-20',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('MEMBER_UNIT_INVALID');
  });
});

describe('edit', () => {
  it('applies a change with the version read, refuses a stale version, and audits which fields changed', async () => {
    const id = ids.get('Lò Thị Mai');
    const url = `/units/${TAN_NINH}/members/${id}`;
    const first = await call('officer.tanninh', 'PATCH', url, {
      version: 1,
      phone: '0355 000 222',
      honorary: true,
    });
    expect(first.status, first.raw).toBe(200);
    expect(first.body).toMatchObject({ phone: '0355000222', honorary: true, version: 2 });
    const stale = await call('officer.tanninh', 'PATCH', url, { version: 1, phone: '0355000333' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('MEMBER_VERSION_CONFLICT');
    const { rows } = await t.store.query<{ after: { changed: string[] } }>(
      "SELECT after FROM audit_log WHERE action = 'member.update' AND entity_id = $1",
      [id],
    );
    expect(rows.map((r) => r.after.changed.sort())).toEqual([['honorary', 'phone']]);
    expect(JSON.stringify(rows)).not.toContain('0355');
  });

  it('records leaving in the history and hides her from the default list', async () => {
    const id = ids.get('Trần Thị Lý');
    const r = await call('officer.tanninh', 'PATCH', `/units/${TAN_NINH}/members/${id}`, {
      version: 1,
      leftOn: '2025-08-01',
    });
    expect(r.status, r.raw).toBe(200);
    expect(r.body.status).toBe('left');
    expect(r.body.history.map((h: { kind: string }) => h.kind)).toEqual(['registered', 'left']);
    const list = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members?q=ly`);
    expect(list.body.items).toEqual([]);
    const all = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members?q=ly&status=all`);
    expect(all.body.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Trần Thị Lý']);
  });
});

describe('search and filters', () => {
  const names = async (
    user: 'officer.tanninh' | 'leader.tayninh' | 'analyst.central' | 'leader.hanoi',
    query: string,
  ) => {
    const r = await call(
      user,
      'GET',
      `/units/${user === 'leader.hanoi' ? '2025:01' : user === 'analyst.central' ? '2025:TW' : TAN_NINH}/members?${query}`,
    );
    expect(r.status, r.raw).toBe(200);
    return (r.body.items as { fullName: string }[]).map((m) => m.fullName).sort();
  };

  it.each([
    ['q=nguyen%20thi%20hoa', ['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa']],
    ['q=Nguy%E1%BB%85n%20Th%E1%BB%8B%20H%C3%B2a', ['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa']],
    ['q=hoa', ['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa']],
    ['q=nguyen%20hoa', ['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa']],
    ['q=LO%20THI', ['Lò Thị Mai']],
    ['q=0912%20345', ['Nguyễn Thị Hoà']],
    ['q=345%20678', ['Nguyễn Thị Hoà']],
    ['q=%2B84912345678', ['Nguyễn Thị Hoà']],
    ['q=100%25', []],
    ["q=x'%20OR%201%3D1--", []],
    ['ethnicity=Th%C3%A1i', ['Lò Thị Mai']],
    ['ageBand=under_30', ['Lò Thị Mai']],
    ['ageBand=30_44', ['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa', 'Võ Thị Sáu']],
    ['ageBand=45_59', []],
    ['ageBand=60_plus&status=all', ['Trần Thị Lý']],
    ['honorary=true', ['Lò Thị Mai']],
    ['joinYear=2010', ['Võ Thị Sáu']],
    [`branch=${TAN_NINH_BRANCH_2}`, ['Lò Thị Mai', 'Nguyễn Thị Hòa']],
    ['role=cadre&status=all', ['Trần Thị Lý']],
    ['cardStatus=active', []],
    ['trained=false&q=hoa', ['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa']],
  ])('officer, %s', async (query, expected) => {
    expect(await names('officer.tanninh', query)).toEqual(expected);
  });

  it('keeps each caller inside her scope', async () => {
    expect(await names('leader.hanoi', 'q=hoa')).toEqual(['Phạm Thị Hoa']);
    expect(await names('analyst.central', 'q=hoa')).toEqual([
      'Nguyễn Thị Hoà',
      'Nguyễn Thị Hòa',
      'Phạm Thị Hoa',
    ]);
    const out = await call('officer.tanninh', 'GET', `/units/2025:01/members`);
    expect(out.status).toBe(403);
    const hanoiMember = await call(
      'officer.tanninh',
      'GET',
      `/units/${TAN_NINH}/members/${ids.get('Phạm Thị Hoa')}`,
    );
    expect(hanoiMember.status).toBe(404);
    const edit = await call('leader.tayninh', 'PATCH', `/units/2025:80/members/${ids.get('Phạm Thị Hoa')}`, {
      version: 1,
      honorary: true,
    });
    expect(edit.status).toBe(404);
    const analystWrite = await call(
      'analyst.central',
      'PATCH',
      `/units/2025:TW/members/${ids.get('Phạm Thị Hoa')}`,
      { version: 1 },
    );
    expect(analystWrite.status).toBe(403);
  });

  it('pages with a cursor in every sort order, without gaps or repeats', async () => {
    for (const sort of ['name', '-name', 'joinedOn', '-dateOfBirth']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/units/2025:TW/members?limit=2&sort=${sort}&withTotal=true${cursor ? `&cursor=${cursor}` : ''}`;
        const r = await call('analyst.central', 'GET', url);
        expect(r.status, r.raw).toBe(200);
        expect(r.body.total).toBe(5);
        seen.push(...r.body.items.map((m: { id: string }) => m.id));
        cursor = r.body.nextCursor;
      } while (cursor !== null);
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
    }
  });

  it('refuses a cursor of another sort or a forged one', async () => {
    const first = await call('analyst.central', 'GET', '/units/2025:TW/members?limit=1&sort=name');
    for (const url of [
      `/units/2025:TW/members?sort=joinedOn&cursor=${first.body.nextCursor}`,
      `/units/2025:TW/members?cursor=${Buffer.from('["name","a","1 OR 1=1"]').toString('base64url')}`,
      '/units/2025:TW/members?cursor=%%%',
    ]) {
      const r = await call('analyst.central', 'GET', url);
      expect(r.status, url).toBe(400);
    }
  });
});
