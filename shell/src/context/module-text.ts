import type { Localized } from './types.js';

/**
 * Texts every module needs, Vietnamese first: spread into a module's own table so that the same words read
 * the same everywhere.
 *
 * @example export const TEXT = { ...MODULE_TEXT, title: { vi: 'Hội viên', en: 'Members' } } as const;
 */
export const MODULE_TEXT = {
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  noUnit: { vi: 'Chưa chọn đơn vị.', en: 'No unit is selected.' },
  retry: { vi: 'Thử lại', en: 'Retry' },
} as const satisfies Record<string, Localized>;
