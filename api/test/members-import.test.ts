// Bulk import (CSV and XLSX: preview, column mapping, per-row errors, good rows in, bad rows as a file,
// idempotent re-import), export within scope, and the bad-input table: each bad upload gets a clear 4xx
// and writes nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';
import {
  HA_NOI_BRANCH,
  TAN_NINH,
  TAN_NINH_BRANCH,
  TAN_NINH_BRANCH_2,
  memberClient,
} from './helpers/members.js';
import { DEMO_PASSWORD } from '../src/index.js';
import { signIn } from './helpers/app.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof memberClient>>;
let officer: string;

/** A multipart body with one file field. */
function multipart(fileName: string, data: Buffer, field = 'file') {
  const boundary = `----vwu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(unit: string, fileName: string, data: Buffer, field = 'file') {
  const body = multipart(fileName, data, field);
  const r = await t.app.inject({
    method: 'POST',
    url: `/units/${unit}/member-imports`,
    headers: { ...body.headers, authorization: `Bearer ${officer}` },
    payload: body.payload,
  });
  return { status: r.statusCode, body: r.json() };
}

async function counts() {
  const { rows } = await t.store.query<{ m: number; i: number; h: number }>(
    'SELECT (SELECT count(*)::int FROM member) AS m, (SELECT count(*)::int FROM member_import) AS i, (SELECT count(*)::int FROM member_history) AS h',
  );
  return rows[0];
}

const CSV_ROWS = [
  'Họ và tên;Ngày sinh;Dân tộc;Số điện thoại;Ngày vào Hội;Địa chỉ;Ghi chú',
  'Nguyễn Thị Hoà;14/03/1985;Kinh;0912 345 678;20/10/2010;Khu phố 1;',
  'Trần Thị Bích;01/01/1990;Kinh;;08/03/2015;"Số 5; đường 30/4";',
  'Lê Thị Cúc;31/02/1980;Kinh;;08/03/2015;;ngày sinh sai',
  'Phạm Thị Dung;05/05/1975;Kinh;12345;08/03/2015;;điện thoại sai',
  `"Robert'); DROP TABLE member;--";05/05/1975;Kinh;;08/03/2015;;tên lạ`,
  `Võ Thị Én;05/05/1975;Kinh;;08/03/2015;"'; DELETE FROM member; --";địa chỉ lạ`,
  'Đặng Thị Gấm;12/12/1992;Tày;0987654321;01/06/2020;;',
  'Nguyễn Thị Hoà;14/03/1985;Kinh;0912345678;20/10/2010;;trùng dòng 2',
];

beforeAll(async () => {
  t = await startTestApp();
  call = await memberClient(t.app);
  officer = (await signIn(t.app, 'officer.tanninh', DEMO_PASSWORD)).accessToken;
});

afterAll(async () => {
  await t?.close();
});

describe('CSV import into a branch', () => {
  let importId: string;

  it('previews the file with a suggested mapping', async () => {
    const r = await upload(
      TAN_NINH_BRANCH,
      'ds-hoi-vien.csv',
      Buffer.from(`\uFEFF${CSV_ROWS.join('\r\n')}\r\n`),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    importId = r.body.importId;
    expect(r.body.rowCount).toBe(8);
    expect(r.body.suggestedMapping).toEqual({
      'Họ và tên': 'fullName',
      'Ngày sinh': 'dateOfBirth',
      'Dân tộc': 'ethnicity',
      'Số điện thoại': 'phone',
      'Ngày vào Hội': 'joinedOn',
      'Địa chỉ': 'address',
      'Ghi chú': 'ignore',
    });
    expect(r.body.sampleRows[1]).toEqual([
      'Trần Thị Bích',
      '01/01/1990',
      'Kinh',
      '',
      '08/03/2015',
      'Số 5; đường 30/4',
      '',
    ]);
  });

  it('refuses a mapping without a required field, writing nothing', async () => {
    const before = await counts();
    const r = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH_BRANCH}/member-imports/${importId}/commit`,
      {
        mapping: { 'Họ và tên': 'fullName' },
      },
    );
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('IMPORT_MAPPING_INVALID');
    expect(r.body.error.message).toMatch(/dateOfBirth/);
    expect(await counts()).toEqual(before);
  });

  const mapping = {
    'Họ và tên': 'fullName',
    'Ngày sinh': 'dateOfBirth',
    'Dân tộc': 'ethnicity',
    'Số điện thoại': 'phone',
    'Ngày vào Hội': 'joinedOn',
    'Địa chỉ': 'address',
    'Ghi chú': 'ignore',
  };

  it('dry run: counts what would happen and writes nothing', async () => {
    const before = await counts();
    const r = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH_BRANCH}/member-imports/${importId}/commit`,
      { mapping, dryRun: true },
    );
    expect(r.status, r.raw).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, rows: 8, inserted: 4, failed: 4, errorFile: null });
    expect(await counts()).toEqual(before);
  });

  it('imports the good rows, reports each bad row, and offers them as a file', async () => {
    const before = await counts();
    const r = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH_BRANCH}/member-imports/${importId}/commit`,
      { mapping },
    );
    expect(r.status, r.raw).toBe(200);
    expect(r.body).toMatchObject({ rows: 8, inserted: 4, alreadyImported: 0, failed: 4 });
    expect(
      r.body.errors.map((e: { row: number; problems: { problem: string }[] }) => [
        e.row,
        e.problems.map((p) => p.problem),
      ]),
    ).toEqual([
      [4, ['date_not_calendar']],
      [5, ['phone_invalid']],
      [6, ['name_not_letters']],
      [9, ['duplicate_in_file']],
    ]);
    expect((await counts())?.m).toBe((before?.m ?? 0) + 4);
    const odd = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members?q=en`);
    const en = odd.body.items.find((m: { fullName: string }) => m.fullName === 'Võ Thị Én');
    const detail = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members/${en.id}`);
    expect(detail.body.address).toBe("'; DELETE FROM member; --");
    const hoa = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members?q=nguyen%20thi%20hoa`);
    expect(hoa.body.items).toHaveLength(1);
    expect(hoa.body.items[0]).toMatchObject({
      phone: '0912345678',
      dateOfBirth: '1985-03-14',
      unitKey: TAN_NINH_BRANCH,
    });

    const csv = await call(
      'officer.tanninh',
      'GET',
      `/units/${TAN_NINH_BRANCH}/member-imports/${importId}/errors?format=csv`,
    );
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const lines = csv.raw
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('Lỗi cần sửa');
    expect(lines[1]).toContain('Lê Thị Cúc');
    expect(lines[1]).toContain('Ngày này không có trên lịch');
    expect(lines[3]).toContain("Robert'); DROP TABLE member");

    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/units/${TAN_NINH_BRANCH}/member-imports/${importId}/errors`,
      headers: { authorization: `Bearer ${officer}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.rowCount).toBe(5);
  });

  it('re-importing the same rows (same upload, or the file uploaded again) creates no duplicates', async () => {
    const before = await counts();
    const again = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH_BRANCH}/member-imports/${importId}/commit`,
      { mapping },
    );
    expect(again.body).toMatchObject({ inserted: 0, alreadyImported: 4, failed: 4 });
    const second = await upload(TAN_NINH_BRANCH, 'ds-hoi-vien (1).csv', Buffer.from(CSV_ROWS.join('\n')));
    const r = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH_BRANCH}/member-imports/${second.body.importId}/commit`,
      { mapping },
    );
    expect(r.body).toMatchObject({ inserted: 0, alreadyImported: 4 });
    expect((await counts())?.m).toBe(before?.m);
  });
});

describe('XLSX import into a commune with a branch column', () => {
  it('reads date cells and branch codes, and refuses branches outside the unit', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Danh sách');
    sheet.addRow([
      'STT',
      'Họ tên',
      'Ngày sinh',
      'Giới tính',
      'Dân tộc',
      'Ngày kết nạp',
      'Chi hội',
      'Vai trò',
      'Hội viên danh dự',
    ]);
    sheet.addRow([
      1,
      'Hà Thị Lan',
      new Date(Date.UTC(1981, 6, 2)),
      'Nữ',
      'Mường',
      new Date(Date.UTC(2001, 9, 20)),
      '25459-02',
      'hội viên, cán bộ',
      'không',
    ]);
    sheet.addRow([
      2,
      'Hà Văn Nam',
      '02/07/1960',
      'Nam',
      'Mường',
      '20/10/2001',
      TAN_NINH_BRANCH,
      'hội viên',
      'có',
    ]);
    sheet.addRow([3, 'Hà Thị Mơ', '02/07/1981', 'Nữ', 'Mường', '20/10/2001', HA_NOI_BRANCH, 'hội viên', '']);
    sheet.addRow([4, 'Hà Thị Na', '02/07/1981', 'Nữ', 'Mường', '20/10/2001', '', 'trưởng thôn', 'có lẽ']);
    const data = Buffer.from(await book.xlsx.writeBuffer());
    const up = await upload(TAN_NINH, 'danh-sach.xlsx', data);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.suggestedMapping).toMatchObject({
      STT: 'ignore',
      'Họ tên': 'fullName',
      'Chi hội': 'branch',
      'Ngày kết nạp': 'joinedOn',
    });
    const r = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH}/member-imports/${up.body.importId}/commit`,
      {
        mapping: up.body.suggestedMapping,
      },
    );
    expect(r.status, r.raw).toBe(200);
    expect(r.body).toMatchObject({ rows: 4, inserted: 2, failed: 2 });
    expect(r.body.errors[0].problems.map((p: { problem: string }) => p.problem)).toEqual(['branch_unknown']);
    expect(r.body.errors[1].problems.map((p: { problem: string }) => p.problem).sort()).toEqual([
      'role_invalid',
      'yes_no_invalid',
    ]);
    const list = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members?q=ha%20thi%20lan`);
    expect(list.body.items[0]).toMatchObject({
      dateOfBirth: '1981-07-02',
      unitKey: TAN_NINH_BRANCH_2,
      roles: ['member', 'cadre'],
    });
    const nam = await call(
      'officer.tanninh',
      'GET',
      `/units/${TAN_NINH}/members?q=ha%20van%20nam&honorary=true`,
    );
    expect(nam.body.items[0]).toMatchObject({ gender: 'male', honorary: true });
    // "Hà Thị Mơ" names a Hà Nội branch, which is not part of Tân Ninh: refused, not placed elsewhere.
    const mo = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members?q=ha%20thi%20mo`);
    expect(mo.body.items).toEqual([]);
  });
});

describe('large XLSX', () => {
  it('keeps every Vietnamese character intact across a big workbook (no U+FFFD)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('DS');
    sheet.addRow(['Họ và tên', 'Ngày sinh', 'Dân tộc', 'Ngày vào Hội']);
    const given = ['Hoà', 'Hòa', 'Thuỷ', 'Nguyệt', 'Phượng', 'Ngọc Ánh', 'Diễm Hương', 'Thị Ðức'];
    for (let i = 0; i < 3_000; i++)
      sheet.addRow([
        `Nguyễn Thị ${given[i % given.length]} ${'Ấấầẩẫậ'.slice(0, 1 + (i % 6))}`,
        `${1 + (i % 28)}/${1 + (Math.floor(i / 28) % 12)}/${1950 + Math.floor(i / 336)}`,
        'Kinh',
        '01/01/2010',
      ]);
    const up = await upload(TAN_NINH_BRANCH, 'lon.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const r = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH_BRANCH}/member-imports/${up.body.importId}/commit`,
      {
        mapping: up.body.suggestedMapping,
        dryRun: true,
      },
    );
    expect(r.body).toMatchObject({ rows: 3_000, failed: 0 });
  });
});

describe('bad uploads: a clear 4xx and nothing written', () => {
  const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  it.each([
    [
      'a damaged XLSX',
      'x.xlsx',
      Buffer.concat([zipHeader, Buffer.alloc(2000, 7)]),
      'file',
      422,
      'IMPORT_FILE_UNREADABLE',
    ],
    [
      'a non-UTF-8 CSV',
      'x.csv',
      Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0x69, 0x0a]),
      'file',
      422,
      'IMPORT_FILE_UNREADABLE',
    ],
    ['a binary file', 'x.csv', Buffer.from([0x00, 0x01, 0x02, 0x0a]), 'file', 422, 'IMPORT_FILE_UNREADABLE'],
    ['an empty file', 'x.csv', Buffer.alloc(0), 'file', 422, 'IMPORT_FILE_UNREADABLE'],
    [
      'an unclosed quote',
      'x.csv',
      Buffer.from('Họ và tên\n"Nguyễn\n'),
      'file',
      422,
      'IMPORT_FILE_UNREADABLE',
    ],
    ['a file over 20 MB', 'x.csv', Buffer.alloc(21 * 1024 * 1024, 0x41), 'file', 413, 'IMPORT_TOO_LARGE'],
    ['another field name', 'x.csv', Buffer.from('a\n1\n'), 'upload', 400, 'IMPORT_FILE_MISSING'],
  ])('%s', async (_, name, data, field, status, code) => {
    const before = await counts();
    const r = await upload(TAN_NINH_BRANCH, name, data, field);
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message_vi.length).toBeGreaterThan(10);
    expect(await counts()).toEqual(before);
  });

  it('refuses JSON where a file is expected, and an import of another unit', async () => {
    const json = await call('officer.tanninh', 'POST', `/units/${TAN_NINH_BRANCH}/member-imports`, {
      file: 'x',
    });
    expect(json.body.error.code).toBe('IMPORT_FILE_MISSING');
    const other = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH_BRANCH_2}/member-imports/1/commit`,
      { mapping: {} },
    );
    expect(other.body.error.code).toBe('IMPORT_NOT_FOUND');
    const hanoi = await call('leader.hanoi', 'POST', `/units/2025:01/member-imports/1/commit`, {
      mapping: {},
    });
    expect(hanoi.body.error.code).toBe('IMPORT_NOT_FOUND');
  });
});

describe('export', () => {
  it('streams CSV of the members in scope only, with headers the import recognises', async () => {
    await call('leader.hanoi', 'POST', `/units/${HA_NOI_BRANCH}/members`, {
      fullName: 'Kiều Thị Hà Nội',
      dateOfBirth: '1970-01-01',
      ethnicity: 'Kinh',
      joinedOn: '2000-01-01',
    });
    const r = await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members/export?format=csv`);
    expect(r.status).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain('hoi-vien-25459');
    const lines = r.raw
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]?.startsWith('Mã hội viên,Họ và tên,Ngày sinh')).toBe(true);
    expect(lines.length - 1).toBe(
      (await call('officer.tanninh', 'GET', `/units/${TAN_NINH}/members?withTotal=true`)).body.total,
    );
    expect(r.raw).toContain('Nguyễn Thị Hoà');
    expect(r.raw).toContain('14/03/1985');
    expect(r.raw).not.toContain('Kiều Thị Hà Nội');
    expect(r.raw).toContain(`"'; DELETE FROM member; --"`);
    const forbidden = await call('officer.tanninh', 'GET', '/units/2025:01/members/export?format=csv');
    expect(forbidden.status).toBe(403);
  });

  it('streams XLSX that the import reads back as already imported', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: `/units/${TAN_NINH}/members/export?format=xlsx&q=ha`,
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(r.statusCode).toBe(200);
    const up = await upload(TAN_NINH, 'export.xlsx', r.rawPayload);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.suggestedMapping).toMatchObject({
      'Họ và tên': 'fullName',
      'Chi hội': 'branch',
      'Mã hội viên': 'ignore',
    });
    const again = await call(
      'officer.tanninh',
      'POST',
      `/units/${TAN_NINH}/member-imports/${up.body.importId}/commit`,
      {
        mapping: up.body.suggestedMapping,
      },
    );
    expect(again.body).toMatchObject({ inserted: 0, failed: 0 });
    expect(again.body.alreadyImported).toBe(up.body.rowCount);
  });
});
