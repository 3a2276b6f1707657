import { MODULE_TEXT, type Localized } from '@vwu/context';

/** Texts of the members module, Vietnamese first (with the words every module shares). */
export const TEXT = {
  ...MODULE_TEXT,
  title: { vi: 'Hội viên', en: 'Members' },
  lead: {
    vi: 'Sổ hội viên và tổ chức hội của đơn vị đang chọn.',
    en: 'Member registry and organisation of the selected unit.',
  },
  level: { vi: 'Cấp', en: 'Level' },
  children: { vi: 'Đơn vị trực thuộc', en: 'Units below' },
  childrenOf: { vi: 'Đơn vị trực thuộc {unit}', en: 'Units below {unit}' },
  name: { vi: 'Tên đơn vị', en: 'Name' },
  type: { vi: 'Loại', en: 'Type' },
  code: { vi: 'Mã', en: 'Code' },
  demo: { vi: 'dữ liệu mẫu', en: 'demo data' },
  loading: { vi: 'Đang tải thông tin đơn vị…', en: 'Loading the unit…' },
  empty: {
    vi: 'Đơn vị này không có đơn vị trực thuộc trong phạm vi của bạn.',
    en: 'This unit has no units below it within your scope.',
  },
  failed: { vi: 'Chưa tải được thông tin đơn vị', en: 'The unit could not be loaded' },
  more: { vi: 'và {count} đơn vị khác', en: 'and {count} more' },
} as const satisfies Record<string, Localized>;
