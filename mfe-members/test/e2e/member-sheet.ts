// Realistic member spreadsheets for the import tests and the benchmark: Vietnamese names with diacritics
// (both tone placements, "Hoà" and "Hòa"), ethnic-minority names, phone numbers, dates written dd/MM/yyyy
// as officers type them, and a share of bad rows of the kinds officers really make.
import ExcelJS from 'exceljs';

/** Column headers as a commune's spreadsheet has them. */
export const HEADERS = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Tôn giáo',
  'Số điện thoại',
  'Địa chỉ',
  'Ngày vào hội',
  'Trình độ học vấn',
] as const;

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thị Thanh', 'Thị Kim', 'Thị Mỹ', 'Thị Bích', 'Thị Thu', 'Hồng'];
const GIVEN = [
  'Hoà',
  'Hòa',
  'Thuỷ',
  'Thủy',
  'Lan',
  'Hương',
  'Mai',
  'Hạnh',
  'Nga',
  'Loan',
  'Tuyết',
  'Nhung',
  'Yến',
  'Trang',
  'Vy',
  'Uyên',
  'Quyên',
  'Khuê',
  'Duyên',
  'Thuý',
  'Thúy',
];
const MINORITY = [
  ['Khmer', ['Thạch Thị Sa', 'Sơn Thị Phol', 'Danh Thị Mỹ', 'Kim Thị Sóc']],
  ['Chăm', ['Từ Thị Hoa', 'Đạo Thị Ý', 'Lưu Thị Mai']],
  ['Hoa', ['Lâm Thị Mỹ Linh', 'Quách Thị Hân', 'Trịnh Thị Huệ']],
] as const;
const EDUCATION = ['Tiểu học', 'Trung học cơ sở', 'Trung học phổ thông', 'Cao đẳng', 'Đại học'];
const BAD_KINDS = ['date', 'phone', 'name', 'young', 'joined-future'] as const;

/** What kind of problem a bad row has. */
export type BadKind = (typeof BAD_KINDS)[number];

/** A generated sheet: its rows (header excluded) and which of them are bad. */
export interface MemberSheet {
  rows: string[][];
  /** 0-based indexes of the bad rows, with their kind. */
  bad: Map<number, BadKind>;
}

/** A small deterministic random source (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)]!;

/**
 * `count` member rows; every `1 / badShare`-th row (spread evenly) has one realistic mistake. Rows are unique
 * (the phone carries the row number), so an import can tell them apart.
 *
 * @example const sheet = memberSheet(10_000, 0.05, 2025); // 9,500 good rows, 500 bad
 */
export function memberSheet(count: number, badShare: number, seed: number): MemberSheet {
  const next = random(seed);
  const rows: string[][] = [];
  const bad = new Map<number, BadKind>();
  const every = badShare > 0 ? Math.round(1 / badShare) : 0;
  for (let i = 0; i < count; i += 1) {
    const minority = next() < 0.12 ? pick(MINORITY, next()) : null;
    const name = minority
      ? pick(minority[1], next())
      : `${pick(FAMILY, next())} ${pick(MIDDLE, next())} ${pick(GIVEN, next())}`;
    const year = 1950 + Math.floor(next() * 55);
    const born = [pad(1 + Math.floor(next() * 28)), pad(1 + Math.floor(next() * 12)), String(year)];
    const joinedYear = Math.min(2025, year + 19 + Math.floor(next() * 20));
    const joined = [pad(1 + Math.floor(next() * 28)), pad(1 + Math.floor(next() * 12)), String(joinedYear)];
    const phone = `0${pick(['9', '8', '7', '3'], next())}${String(10_000_000 + ((i * 7919) % 90_000_000)).padStart(8, '0')}`;
    const row = [
      String(i + 1),
      name,
      born.join('/'),
      'Nữ',
      minority ? minority[0] : 'Kinh',
      next() < 0.8 ? 'Không' : 'Phật giáo',
      phone,
      `Tổ ${1 + (i % 40)}, Khu phố ${1 + (i % 9)}, Phường Tân Ninh, Tỉnh Tây Ninh`,
      joined.join('/'),
      pick(EDUCATION, next()),
    ];
    if (every > 0 && i % every === every - 1) {
      const kind = BAD_KINDS[((i / every) % BAD_KINDS.length) | 0]!;
      bad.set(i, kind);
      if (kind === 'date') row[2] = `31/02/${year}`;
      if (kind === 'phone') row[6] = '12345';
      if (kind === 'name') row[1] = '';
      if (kind === 'young') row[2] = `15/06/2015`;
      if (kind === 'joined-future') row[8] = `01/01/2031`;
    }
    rows.push(row);
  }
  return { rows, bad };
}

/** The sheet as an XLSX file (one worksheet "Hội viên", header row first). */
export async function sheetToXlsx(sheet: MemberSheet): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Hội viên');
  ws.addRow([...HEADERS]);
  for (const row of sheet.rows) ws.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Reads the rows of an XLSX file's first worksheet as text (header row included). */
export async function readXlsx(data: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const ws = book.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}
