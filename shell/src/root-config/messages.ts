import type { Localized } from '@vwu/context';

/** Every text of the shell, Vietnamese first. */
export const MESSAGES = {
  union: { vi: 'Hội Liên hiệp Phụ nữ Việt Nam', en: "Vietnam Women's Union" },
  product: { vi: 'Hệ thống điều hành số', en: 'Digital operations console' },
  skipToContent: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  modules: { vi: 'Phân hệ', en: 'Modules' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  loadingConsole: { vi: 'Đang mở hệ thống…', en: 'Opening the console…' },
  loadingModule: { vi: 'Đang tải phân hệ…', en: 'Loading the module…' },
  retry: { vi: 'Thử lại', en: 'Retry' },
  details: { vi: 'Chi tiết kỹ thuật', en: 'Technical details' },
  failedLoad: {
    vi: 'Không tải được phân hệ này. Các phân hệ khác vẫn dùng được bình thường.',
    en: 'This module could not be loaded. The other modules still work.',
  },
  failedMount: {
    vi: 'Phân hệ này gặp lỗi khi khởi động. Các phân hệ khác vẫn dùng được bình thường.',
    en: 'This module failed while starting. The other modules still work.',
  },
  failedTimeout: {
    vi: 'Phân hệ này không phản hồi trong thời gian cho phép. Các phân hệ khác vẫn dùng được bình thường.',
    en: 'This module did not respond in time. The other modules still work.',
  },
  notFound: { vi: 'Không có trang này.', en: 'There is no such page.' },
  backHome: { vi: 'Về trang đầu', en: 'Back to the first page' },
} as const satisfies Record<string, Localized>;
