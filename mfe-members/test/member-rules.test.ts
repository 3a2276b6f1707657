import { describe, expect, it } from 'vitest';
import { ApiError } from '@vwu/context';
import { tokenOf } from '../src/lib/card-token.js';
import { ageOn, parseTypedDate, typedDate } from '../src/lib/dates.js';
import {
  draftBody,
  normalisePhone,
  serverProblems,
  validateMember,
  type MemberDraft,
} from '../src/lib/member-rules.js';
import { pathOf, routeOf } from '../src/router/routes.js';

const TODAY = '2025-11-21';
const good: MemberDraft = {
  fullName: '  Nguyễn  Thị Hoà ',
  dateOfBirth: '14/3/1985',
  gender: 'female',
  ethnicity: 'Kinh',
  religion: '',
  phone: '0912 345 678',
  address: '',
  education: '',
  joinedOn: '20/10/2010',
  roles: ['member'],
  honorary: false,
};

describe('dates typed as dd/MM/yyyy', () => {
  it.each([
    ['05/07/1990', '1990-07-05'],
    ['5/7/1990', '1990-07-05'],
    ['05.07.1990', '1990-07-05'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', undefined],
    ['31/04/1990', undefined],
    ['1990-07-05', undefined],
    ['', undefined],
  ])('%s → %s', (typed, iso) => expect(parseTypedDate(typed)).toBe(iso));

  it('prints ISO dates for the form and counts whole years', () => {
    expect(typedDate('1990-07-05')).toBe('05/07/1990');
    expect(typedDate(null)).toBe('');
    expect(ageOn('2007-11-22', TODAY)).toBe(17);
    expect(ageOn('2007-11-21', TODAY)).toBe(18);
  });
});

describe('member form validation', () => {
  it('accepts a correct draft and sends it normalised', () => {
    expect(validateMember(good, TODAY)).toEqual({});
    expect(draftBody(good)).toMatchObject({
      fullName: 'Nguyễn Thị Hoà',
      dateOfBirth: '1985-03-14',
      joinedOn: '2010-10-20',
      phone: '0912345678',
      religion: null,
    });
  });

  it.each([
    { field: 'fullName', change: { fullName: '' }, says: 'Nhập họ và tên.' },
    { field: 'fullName', change: { fullName: 'Hoà' }, says: 'ít nhất hai chữ' },
    { field: 'fullName', change: { fullName: 'Nguyễn Thị 2' }, says: 'chỉ gồm chữ cái' },
    { field: 'dateOfBirth', change: { dateOfBirth: '31/02/1990' }, says: 'ngày/tháng/năm' },
    { field: 'dateOfBirth', change: { dateOfBirth: '01/01/2010' }, says: 'đủ 18 tuổi' },
    { field: 'gender', change: { gender: 'male' }, says: 'hội viên danh dự' },
    { field: 'ethnicity', change: { ethnicity: ' ' }, says: 'dân tộc' },
    { field: 'phone', change: { phone: '12345' }, says: '10 chữ số' },
    { field: 'joinedOn', change: { joinedOn: '01/01/2030' }, says: 'tương lai' },
    { field: 'joinedOn', change: { joinedOn: '01/01/1980' }, says: 'sau ngày sinh' },
    { field: 'joinedOn', change: { joinedOn: '01/01/2002' }, says: 'đủ 18 tuổi vào ngày vào hội' },
    { field: 'roles', change: { roles: [] }, says: 'ít nhất một vai trò' },
  ] as const)('$field: "$says"', ({ field, change, says }) => {
    const problems = validateMember({ ...good, ...change } as MemberDraft, TODAY);
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field]?.vi).toContain(says);
    expect(problems[field]?.en).not.toBe('');
  });

  it('an honorary member may be a man', () => {
    expect(validateMember({ ...good, gender: 'male', honorary: true }, TODAY)).toEqual({});
  });

  it.each([
    ['0912345678', '0912345678'],
    ['+84 912.345.678', '0912345678'],
    ['(091) 234-5678', '0912345678'],
    ['091234567', undefined],
    ['+1 555 0100', undefined],
  ])('phone %s → %s', (typed, phone) => expect(normalisePhone(typed)).toBe(phone));

  it('places the API’s field problems next to their fields', () => {
    const error = new ApiError({
      code: 'UNEXPECTED',
      status: 400,
      messages: { vi: 'Hồ sơ chưa hợp lệ', en: 'Invalid member' },
      language: 'vi',
      details: [
        { field: 'phone', problem: 'phone_taken', en: 'Phone used by X', vi: 'Số đã dùng cho X' },
        'junk',
      ],
    });
    expect(serverProblems(error)).toEqual({ phone: { vi: 'Số đã dùng cho X', en: 'Phone used by X' } });
  });
});

describe('module routes and card payloads', () => {
  it.each([
    ['/members', '', { name: 'list' }],
    ['/members/', '', { name: 'list' }],
    ['/members/42', '', { name: 'member', id: '42' }],
    ['/members/transfers', '', { name: 'transfers' }],
    ['/members/verify', '?token=VWC1.a.b&unit=2025:80', { name: 'verify', token: 'VWC1.a.b' }],
    ['/members/0', '', { name: 'not-found', path: '/members/0' }],
    ['/kpi', '', { name: 'not-found', path: '/kpi' }],
  ])('%s%s → %o', (path, search, route) => {
    expect(routeOf(path, search)).toEqual(route);
    if (route.name !== 'not-found' && route.name !== 'verify')
      expect(pathOf(route as never)).toBe(path.replace(/\/$/, ''));
  });

  it.each([
    ['http://127.0.0.1:8080/members/verify?token=VWC1.abc.def', 'VWC1.abc.def'],
    ['  VWC1.abc.def\n', 'VWC1.abc.def'],
    ['', null],
  ])('the token of %j is %j', (payload, token) => expect(tokenOf(payload)).toBe(token));
});
