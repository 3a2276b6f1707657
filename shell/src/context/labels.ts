import type { Localized, Role, UnitLevel } from './types.js';

/** How each role is named in the interface. */
export const ROLE_LABELS: Readonly<Record<Role, Localized>> = {
  central_analyst: { vi: 'Chuyên viên phân tích Trung ương', en: 'Central analyst' },
  province_leader: { vi: 'Lãnh đạo Hội LHPN tỉnh', en: 'Provincial leader' },
  commune_officer: { vi: 'Cán bộ Hội cơ sở', en: 'Commune officer' },
  contest_organiser: { vi: 'Ban tổ chức hội thi', en: 'Contest organiser' },
  judge: { vi: 'Giám khảo', en: 'Judge' },
  module_deployer: { vi: 'Triển khai phân hệ', en: 'Module deployer' },
  administrator: { vi: 'Quản trị hệ thống', en: 'Administrator' },
};

/** How each level of the hierarchy is named in the interface. */
export const LEVEL_LABELS: Readonly<Record<UnitLevel, Localized>> = {
  central: { vi: 'Trung ương', en: 'Central' },
  province: { vi: 'Tỉnh, thành phố', en: 'Province' },
  district: { vi: 'Quận, huyện (trước 2025)', en: 'District (pre-2025)' },
  commune: { vi: 'Xã, phường, đặc khu', en: 'Commune' },
  branch: { vi: 'Chi hội', en: 'Branch' },
};
