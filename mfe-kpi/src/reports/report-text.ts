import type { Localized } from '@vwu/context';

/** Texts of the periodic reports, Vietnamese first (`{name}` is filled in). */
export const REPORT_TEXT = {
  heading: { vi: 'Báo cáo định kỳ', en: 'Periodic report' },
  lead: {
    vi: 'Báo cáo 6 tháng và báo cáo năm gửi cấp trên: kết quả thực hiện từng chỉ tiêu và theo từng đơn vị trực thuộc, tính từ cùng dữ liệu với bảng chỉ tiêu.',
    en: 'The 6-month and annual report sent up the hierarchy: results against each target and by unit below, computed from the same data as the dashboard.',
  },
  kind: { vi: 'Loại báo cáo', en: 'Report' },
  half: { vi: '6 tháng đầu năm', en: 'First half-year' },
  year: { vi: 'Cả năm', en: 'Full year' },
  yearLabel: { vi: 'Năm', en: 'Year' },
  make: { vi: 'Lập báo cáo', en: 'Prepare the report' },
  making: { vi: 'Đang lập báo cáo…', en: 'Preparing the report…' },
  failed: { vi: 'Chưa lập được báo cáo', en: 'The report could not be prepared' },
  exportXlsx: { vi: 'Tải Excel (.xlsx)', en: 'Download Excel (.xlsx)' },
  exportPdf: { vi: 'Tải PDF', en: 'Download PDF' },
  exporting: { vi: 'Đang tạo tệp…', en: 'Creating the file…' },
  exportFailed: { vi: 'Không tạo được tệp: {reason}', en: 'The file could not be created: {reason}' },
  title: {
    vi: 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ {period}',
    en: 'REPORT ON THE DIGITAL TRANSFORMATION TARGETS, {period}',
  },
  periodHalf: { vi: '6 THÁNG ĐẦU NĂM {year}', en: 'FIRST HALF OF {year}' },
  periodYear: { vi: 'NĂM {year}', en: 'YEAR {year}' },
  from: { vi: 'Đơn vị báo cáo: {unit}', en: 'Reporting unit: {unit}' },
  to: { vi: 'Kính gửi: {unit}', en: 'To: {unit}' },
  covers: {
    vi: 'Kỳ báo cáo: từ {from} đến {to} · Lập ngày {date}',
    en: 'Period: {from} to {to} · Prepared {date}',
  },
  partA: { vi: 'I. Kết quả thực hiện các chỉ tiêu', en: 'I. Results against each target' },
  partB: { vi: 'II. Kết quả theo đơn vị trực thuộc', en: 'II. Results by unit below' },
  no: { vi: 'TT', en: 'No.' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  result: { vi: 'Kết quả', en: 'Result' },
  counts: { vi: 'Số liệu', en: 'Counts' },
  assigned: { vi: 'Chỉ tiêu giao', en: 'Target value' },
  status: { vi: 'Đánh giá', en: 'Status' },
  previous: { vi: 'Kỳ trước', en: 'Previous period' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  met: { vi: 'Số chỉ tiêu đạt', en: 'Targets met' },
  none: { vi: 'Không có đơn vị trực thuộc được xếp hạng.', en: 'No units below are ranked.' },
  source: {
    vi: 'Nguồn: dữ liệu hoạt động của hệ thống (Parquet), tính bằng DuckDB-WASM trên trình duyệt. Số liệu trước 01/07/2025 được quy về cơ cấu tổ chức hiện hành.',
    en: 'Source: the system’s activity data (Parquet), computed with DuckDB-WASM in the browser. Figures before 01/07/2025 are shown in the current structure.',
  },
} as const satisfies Record<string, Localized>;
