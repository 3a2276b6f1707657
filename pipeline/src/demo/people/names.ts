/**
 * Vietnamese women's names for demo members: Kinh names with realistic family-name frequencies and both
 * spellings of tone placement that people really use ("Hoà" and "Hòa", "Thuý" and "Thúy"), and name patterns
 * of the larger ethnic minorities. Demo data only.
 */
import { cumulate, pickCumulative } from '../random.js';
import type { Ethnicity } from './ethnicity.js';

const FAMILY: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4],
  ['Huỳnh', 3],
  ['Phan', 4.5],
  ['Vũ', 2],
  ['Võ', 2],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 1],
  ['Trịnh', 0.8],
  ['Mai', 0.8],
  ['Đoàn', 0.8],
  ['Lương', 0.6],
  ['Cao', 0.5],
  ['Tạ', 0.4],
  ['Hà', 0.6],
  ['Lâm', 0.4],
  ['Thái', 0.3],
  ['Tô', 0.3],
  ['Chu', 0.3],
  ['Kiều', 0.2],
  ['Quách', 0.2],
];
const FAMILY_NAMES = FAMILY.map(([name]) => name);
const FAMILY_CUMULATIVE = cumulate(FAMILY.map(([, weight]) => weight));

const MIDDLE = [
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Thị',
  'Ngọc',
  'Thu',
  'Thanh',
  'Minh',
  'Kim',
  'Hồng',
  'Bích',
  'Phương',
  'Mỹ',
  'Diệu',
  'Khánh',
  'Hải',
  'Xuân',
] as const;

/** Given names; a pair lists the two spellings in use (old and new tone placement). */
const GIVEN: ReadonlyArray<string | readonly [string, string]> = [
  'Hoa',
  ['Hoà', 'Hòa'],
  ['Thuý', 'Thúy'],
  ['Thuỳ', 'Thùy'],
  'Huệ',
  'Lan',
  'Hương',
  'Mai',
  'Linh',
  'Trang',
  'Thảo',
  'Hằng',
  'Nga',
  'Huyền',
  'Dung',
  'Hạnh',
  'Loan',
  'Yến',
  'Nhung',
  'Ngọc',
  'Phương',
  'Vân',
  'Anh',
  'Hà',
  'Tâm',
  'Oanh',
  'Liên',
  'Quyên',
  'Xuân',
  'Nhàn',
  'Thơm',
  'Hiền',
  'Hồng',
  'Diệp',
  'Chi',
  'Giang',
  'My',
  'Ly',
  'Nhi',
  'Uyên',
  'Vy',
  'Thư',
  'Trâm',
  'Bích',
  'Cúc',
  'Đào',
  'Tuyết',
  ['Khoẻ', 'Khỏe'],
  ['Thoả', 'Thỏa'],
];

interface MinorityPattern {
  family: readonly string[];
  given: readonly string[];
  /** How the parts are ordered: Vietnamese order with "Thị", or the highland H'-name with the clan last/first. */
  form: 'vietnamese' | 'h-first' | 'clan-first';
}

const VIET_GIVEN = ['Xuân', 'Hoa', 'Mai', 'Lan', 'Hương', 'Thu', 'Nhung', 'Hạnh'] as const;

const MINORITY: Readonly<Record<Exclude<Ethnicity, 'Kinh'>, MinorityPattern>> = {
  Tày: {
    family: ['Hoàng', 'Nông', 'Lương', 'Triệu', 'Lục', 'Hà', 'Vi', 'Chu'],
    given: VIET_GIVEN,
    form: 'vietnamese',
  },
  Nùng: { family: ['Nông', 'Hoàng', 'Lương', 'Vi', 'Lăng', 'Mã'], given: VIET_GIVEN, form: 'vietnamese' },
  Thái: {
    family: ['Lò', 'Quàng', 'Cầm', 'Lường', 'Tòng', 'Vì', 'Điêu'],
    given: ['Xuân', 'Ánh', 'Hoa', 'Ban', 'Ngọc', 'Pọm'],
    form: 'vietnamese',
  },
  'H’Mông': {
    family: ['Giàng', 'Sùng', 'Vàng', 'Thào', 'Lý', 'Mua', 'Hầu', 'Lầu'],
    given: ['Mỷ', 'Dợ', 'Chứ', 'Xúa', 'Pà', 'Dính', 'Sua', 'Mai'],
    form: 'vietnamese',
  },
  Dao: {
    family: ['Triệu', 'Bàn', 'Đặng', 'Lý'],
    given: ['Mẩy', 'Xuân', 'Nhất', 'Chài', 'Hoa'],
    form: 'vietnamese',
  },
  Mường: { family: ['Bùi', 'Đinh', 'Quách', 'Hà', 'Xa'], given: VIET_GIVEN, form: 'vietnamese' },
  Khmer: {
    family: ['Thạch', 'Sơn', 'Kim', 'Danh', 'Lâm', 'Chau'],
    given: ['Sô Phia', 'Sa Ly', 'Chanh Thy', 'Sóc Kha', 'Ma Ly', 'Sa Rết'],
    form: 'vietnamese',
  },
  Hoa: {
    family: ['Lâm', 'Lý', 'Quách', 'Mạc', 'Trương', 'Hứa'],
    given: ['Mỹ Linh', 'Ngọc Hân', 'Tú Anh', 'Bội Trân', 'Gia Hân'],
    form: 'vietnamese',
  },
  'Gia Rai': {
    family: ['Ksor', 'Rơ Mah', 'Siu', 'Rơ Châm', 'Nay', 'Kpă'],
    given: ['Bla', 'Yuê', 'Nhi', 'Yên', 'Hyơn'],
    form: 'clan-first',
  },
  'Ê Đê': {
    family: ['Niê', 'Mlô', 'Byă', 'Ayun', 'Êban', 'Ksơr'],
    given: ['Hen', 'Bia', 'Ngơn', 'Jă', 'Rin'],
    form: 'h-first',
  },
  'Ba Na': { family: ['Đinh Thị', 'Y'], given: ['Blưng', 'Xuân', 'Hlen', 'Rơ'], form: 'vietnamese' },
  'Xơ Đăng': { family: ['A', 'Y', 'Đinh Thị'], given: ['Bê', 'Hiên', 'Nghĩa', 'Linh'], form: 'vietnamese' },
  'Cơ Ho': { family: ['Ka', 'K’'], given: ['Hòa', 'Nhi', 'Thúy', 'Brăh'], form: 'vietnamese' },
  Chăm: {
    family: ['Thập', 'Đàng', 'Quảng', 'Bá', 'Lộ'],
    given: ['Thị Ngọc', 'Thị Mỹ', 'Thị Hoa', 'Thị Nhung'],
    form: 'vietnamese',
  },
  'Sán Dìu': { family: ['Trương', 'Diệp', 'Lam', 'Lục'], given: VIET_GIVEN, form: 'vietnamese' },
  Giáy: {
    family: ['Vàng', 'Lò', 'Sầm', 'Hoàng'],
    given: ['Mai', 'Xuân', 'Hoa', 'Nhung'],
    form: 'vietnamese',
  },
};

function at<T>(items: readonly T[], u: number): T {
  const item = items[Math.min(items.length - 1, Math.floor(u * items.length))];
  if (item === undefined) throw new RangeError('empty name pool');
  return item;
}

/**
 * A full name for a demo member of `ethnicity`, from three floats in [0, 1).
 *
 * @example fullName('Kinh', 0.1, 0.2, 0.3) // 'Nguyễn Thị Hằng'
 */
export function fullName(ethnicity: Ethnicity, u1: number, u2: number, u3: number): string {
  if (ethnicity === 'Kinh') {
    const family = FAMILY_NAMES[pickCumulative(FAMILY_CUMULATIVE, u1)] ?? 'Nguyễn';
    const given = at(GIVEN, u3);
    const spelled = typeof given === 'string' ? given : given[(u3 * 1000) % 1 < 0.5 ? 0 : 1];
    return `${family} ${at(MIDDLE, u2)} ${spelled}`;
  }
  const pattern = MINORITY[ethnicity];
  const family = at(pattern.family, u1);
  const given = at(pattern.given, u3);
  switch (pattern.form) {
    case 'h-first':
      return `H’${given} ${family}`;
    case 'clan-first':
      return `${family} H’${given}`;
    case 'vietnamese':
      return given.startsWith('Thị') || family.endsWith('Thị') || u2 > 0.9
        ? `${family} ${given}`
        : `${family} Thị ${given}`;
  }
}
