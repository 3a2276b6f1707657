// Members as the API answers them, for the module's tests (checked against the API's schemas in
// test/node/wire-contract.test.ts, so these fakes cannot drift from the real answers).
import type {
  ImportPreview,
  ImportResult,
  MemberFull,
  MemberListPage,
  MemberRow,
  Transfer,
} from '../src/api/wire.js';

const NAMES = ['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa', 'Trần Thị Lan', 'Lò Thị Mai', 'Bàn Thị Chài'];

/** Member number `i` (ids from 1). */
export function memberRow(i: number, overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    id: String(i + 1),
    memberKey: `m${String(i).padStart(13, '0')}`,
    fullName: NAMES[i % NAMES.length]!,
    dateOfBirth: '1985-03-14',
    gender: 'female',
    ethnicity: 'Kinh',
    phone: `09${String(10_000_000 + i).slice(-8)}`,
    unitKey: '2025:25459-01',
    unitName: 'Chi hội Khu phố 1',
    joinedOn: '2010-10-20',
    cardStatus: 'none',
    roles: ['member'],
    honorary: false,
    trained: false,
    status: 'active',
    ...overrides,
  };
}

/** One page of a list of `total` members starting at `from`. */
export function page(from: number, size: number, total: number, withTotal: boolean): MemberListPage {
  const count = Math.max(0, Math.min(size, total - from));
  return {
    items: Array.from({ length: count }, (_, k) => memberRow(from + k)),
    nextCursor: from + count < total ? `c${from + count}` : null,
    ...(withTotal ? { total } : {}),
    query: null,
  };
}

/** A member's full profile. */
export function memberDetail(overrides: Partial<MemberFull> = {}): MemberFull {
  return {
    ...memberRow(0),
    religion: null,
    address: 'Tổ 1, Phường Tân Ninh, Tỉnh Tây Ninh',
    education: 'Trung học phổ thông',
    communeKey: '2025:25459',
    provinceKey: '2025:80',
    leftOn: null,
    mergedInto: null,
    version: 3,
    createdAt: '2025-08-01T02:00:00.000Z',
    updatedAt: '2025-09-01T02:00:00.000Z',
    history: [
      {
        at: '2025-08-01T02:00:00.000Z',
        kind: 'registered',
        fromUnitKey: null,
        toUnitKey: '2025:25459-01',
        note: null,
      },
    ],
    trainings: [],
    card: null,
    pendingTransfer: null,
    ...overrides,
  };
}

/** A pending transfer into Phường Bình Minh. */
export function transfer(overrides: Partial<Transfer> = {}): Transfer {
  return {
    id: '9',
    memberId: '1',
    memberName: 'Nguyễn Thị Hoà',
    fromUnitKey: '2025:25459-01',
    fromUnitName: 'Chi hội Khu phố 1',
    toUnitKey: '2025:25480',
    toUnitName: 'Phường Bình Minh',
    status: 'pending',
    reason: 'Đi làm ăn xa',
    decisionReason: null,
    requestedAt: '2025-10-01T03:00:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

/** The preview of an uploaded file. */
export function importPreview(): ImportPreview {
  return {
    importId: '5',
    fileName: 'hoi-vien.xlsx',
    rowCount: 3,
    headers: ['Họ và tên', 'Ngày sinh', 'Ngày vào hội', 'Ghi chú'],
    suggestedMapping: { 'Họ và tên': 'fullName', 'Ngày sinh': 'dateOfBirth', 'Ghi chú': 'ignore' },
    sampleRows: [['Nguyễn Thị Hoà', '14/03/1985', '20/10/2010', '']],
  };
}

/** A commit answer: 10 rows, 1 bad. */
export function importResult(dryRun: boolean, alreadyImported = 0): ImportResult {
  return {
    importId: '5',
    dryRun,
    rows: 10,
    inserted: dryRun ? 0 : 9 - alreadyImported,
    alreadyImported,
    failed: 1,
    errors: [
      {
        row: 4,
        problems: [
          {
            field: 'dateOfBirth',
            problem: 'date_invalid',
            en: 'Row 4: the date of birth 31/02/1990 is not a real date.',
            vi: 'Dòng 4: ngày sinh 31/02/1990 không có thật.',
          },
        ],
      },
    ],
    errorFile: '/units/2025:25459/member-imports/5/errors',
  };
}
