import type { Localized } from '@vwu/context';

/** Names of the module's pages (tab bar). */
export const PAGES_TEXT = {
  nav: { vi: 'Các trang của phân hệ hội viên', en: 'Pages of the members module' },
  list: { vi: 'Hội viên', en: 'Members' },
  transfers: { vi: 'Chuyển sinh hoạt', en: 'Transfers' },
  applications: { vi: 'Đơn xin vào hội', en: 'Applications' },
  duplicates: { vi: 'Hồ sơ trùng', en: 'Duplicates' },
  import: { vi: 'Nhập từ tệp', en: 'Import' },
  trainings: { vi: 'Tập huấn cán bộ', en: 'Cadre training' },
  verify: { vi: 'Kiểm tra thẻ', en: 'Verify a card' },
  overview: { vi: 'Tổ chức hội', en: 'Organisation' },
} as const satisfies Record<string, Localized>;
