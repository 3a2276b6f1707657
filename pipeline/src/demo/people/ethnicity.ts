/**
 * Ethnic composition for demo members, by pre-2025 province (the 2019 census order of magnitude: Kinh
 * majority nationally, high minority shares in the northern mountains, the Central Highlands and the Khmer
 * Mekong provinces). Demo data only; the shares shape the data so that the ethnic-minority targets vary.
 */

/** An ethnic group a demo member can belong to, with the name used in the registry. */
export type Ethnicity =
  | 'Kinh'
  | 'Tày'
  | 'Thái'
  | 'Mường'
  | 'H’Mông'
  | 'Nùng'
  | 'Dao'
  | 'Khmer'
  | 'Hoa'
  | 'Gia Rai'
  | 'Ê Đê'
  | 'Ba Na'
  | 'Xơ Đăng'
  | 'Cơ Ho'
  | 'Chăm'
  | 'Sán Dìu'
  | 'Giáy';

interface ProvinceMix {
  /** Share of members from ethnic minorities, 0–1. */
  minority: number;
  /** The province's main minority groups, most common first. */
  groups: readonly Ethnicity[];
}

const NORTH_EAST: readonly Ethnicity[] = ['Tày', 'Nùng', 'Dao', 'H’Mông'];
const HIGHLANDS: readonly Ethnicity[] = ['Gia Rai', 'Ê Đê', 'Ba Na', 'Xơ Đăng'];
const DEFAULT_GROUPS: readonly Ethnicity[] = ['Mường', 'Tày', 'Hoa'];

const MIX: Readonly<Record<string, ProvinceMix>> = {
  '02': { minority: 0.87, groups: ['H’Mông', 'Tày', 'Dao', 'Giáy'] },
  '04': { minority: 0.94, groups: ['Tày', 'Nùng', 'H’Mông', 'Dao'] },
  '06': { minority: 0.87, groups: ['Tày', 'Dao', 'Nùng', 'H’Mông'] },
  '08': { minority: 0.53, groups: ['Tày', 'Dao', 'Sán Dìu', 'H’Mông'] },
  '10': { minority: 0.65, groups: ['H’Mông', 'Tày', 'Dao', 'Giáy'] },
  '11': { minority: 0.82, groups: ['Thái', 'H’Mông', 'Dao', 'Mường'] },
  '12': { minority: 0.84, groups: ['H’Mông', 'Thái', 'Dao'] },
  '14': { minority: 0.83, groups: ['Thái', 'H’Mông', 'Mường', 'Dao'] },
  '15': { minority: 0.55, groups: ['Tày', 'Dao', 'H’Mông', 'Thái'] },
  '17': { minority: 0.73, groups: ['Mường', 'Thái', 'Dao', 'Tày'] },
  '19': { minority: 0.27, groups: NORTH_EAST },
  '20': { minority: 0.83, groups: ['Nùng', 'Tày', 'Dao'] },
  '22': { minority: 0.12, groups: ['Dao', 'Tày', 'Sán Dìu'] },
  '24': { minority: 0.13, groups: ['Nùng', 'Tày', 'Sán Dìu'] },
  '25': { minority: 0.17, groups: ['Mường', 'Dao', 'Sán Dìu'] },
  '26': { minority: 0.04, groups: ['Sán Dìu'] },
  '38': { minority: 0.17, groups: ['Mường', 'Thái', 'H’Mông'] },
  '40': { minority: 0.14, groups: ['Thái', 'H’Mông', 'Mường'] },
  '42': { minority: 0.01, groups: DEFAULT_GROUPS },
  '44': { minority: 0.03, groups: ['Mường', 'Tày'] },
  '45': { minority: 0.09, groups: ['Ba Na', 'Xơ Đăng'] },
  '46': { minority: 0.04, groups: ['Ba Na'] },
  '49': { minority: 0.08, groups: ['Xơ Đăng', 'Ba Na'] },
  '51': { minority: 0.12, groups: ['Xơ Đăng', 'Ba Na'] },
  '52': { minority: 0.03, groups: ['Ba Na', 'Chăm'] },
  '54': { minority: 0.05, groups: ['Ê Đê', 'Chăm'] },
  '56': { minority: 0.06, groups: ['Cơ Ho', 'Chăm'] },
  '58': { minority: 0.22, groups: ['Chăm', 'Cơ Ho'] },
  '60': { minority: 0.06, groups: ['Chăm', 'Hoa'] },
  '62': { minority: 0.54, groups: ['Xơ Đăng', 'Ba Na', 'Gia Rai'] },
  '64': { minority: 0.46, groups: HIGHLANDS },
  '66': { minority: 0.35, groups: ['Ê Đê', 'Nùng', 'Tày', 'Gia Rai'] },
  '67': { minority: 0.32, groups: ['Ê Đê', 'Nùng', 'Tày', 'H’Mông'] },
  '68': { minority: 0.24, groups: ['Cơ Ho', 'Tày', 'Nùng'] },
  '70': { minority: 0.18, groups: ['Khmer', 'Tày', 'Nùng'] },
  '79': { minority: 0.05, groups: ['Hoa', 'Khmer', 'Chăm'] },
  '84': { minority: 0.32, groups: ['Khmer', 'Hoa'] },
  '89': { minority: 0.05, groups: ['Khmer', 'Chăm', 'Hoa'] },
  '91': { minority: 0.13, groups: ['Khmer', 'Hoa'] },
  '94': { minority: 0.35, groups: ['Khmer', 'Hoa'] },
  '95': { minority: 0.09, groups: ['Khmer', 'Hoa'] },
  '96': { minority: 0.02, groups: ['Khmer', 'Hoa'] },
};

const LOWLAND: ProvinceMix = { minority: 0.015, groups: DEFAULT_GROUPS };

/** The ethnic mix of a pre-2025 province (2-digit code); lowland provinces default to ~1.5 % minority. */
export function provinceMix(oldProvinceCode: string): ProvinceMix {
  return MIX[oldProvinceCode] ?? LOWLAND;
}
