import type { Localized } from '@vwu/context';

/** Texts of the import wizard. */
export const IMPORT_TEXT = {
  heading: { vi: 'Nhập hội viên từ tệp Excel hoặc CSV', en: 'Import members from an Excel or CSV file' },
  steps: {
    vi: '1. Chọn tệp → 2. Ghép cột → 3. Kiểm tra → 4. Nhập các dòng hợp lệ',
    en: '1. Choose a file → 2. Map columns → 3. Check → 4. Import the good rows',
  },
  lead: {
    vi: 'Tệp .xlsx hoặc .csv, dòng đầu là tên cột. Dòng lỗi không làm hỏng cả tệp: các dòng hợp lệ vẫn được nhập, dòng lỗi được trả lại thành tệp để sửa. Nhập lại cùng tệp không tạo hồ sơ trùng.',
    en: 'An .xlsx or .csv file whose first row names the columns. A bad row does not sink the file: good rows go in, bad rows come back as a file to fix. Importing the same file again creates no duplicates.',
  },
  file: { vi: 'Tệp cần nhập', en: 'File to import' },
  uploading: { vi: 'Đang tải tệp lên và đọc nội dung…', en: 'Uploading and reading the file…' },
  fileType: { vi: 'Chỉ nhận tệp .xlsx hoặc .csv.', en: 'Only .xlsx or .csv files are accepted.' },
  fileSize: {
    vi: 'Tệp lớn hơn 50 MB: hãy chia thành nhiều tệp nhỏ hơn.',
    en: 'The file is over 50 MB: split it into smaller files.',
  },
  summary: {
    vi: 'Tệp {file}: {rows} dòng dữ liệu, {cols} cột.',
    en: 'File {file}: {rows} data rows, {cols} columns.',
  },
  mapping: {
    vi: 'Ghép cột trong tệp với thông tin hội viên',
    en: 'Match the file’s columns to member fields',
  },
  column: { vi: 'Cột trong tệp', en: 'Column in the file' },
  sample: { vi: 'Ví dụ', en: 'Example' },
  field: { vi: 'Thông tin hội viên', en: 'Member field' },
  unmapped: { vi: 'Chưa ghép cột cho: {fields}.', en: 'No column is matched to: {fields}.' },
  mappedTwice: {
    vi: 'Một thông tin chỉ ghép với một cột: {fields}.',
    en: 'Match each field to one column only: {fields}.',
  },
  check: { vi: 'Kiểm tra dữ liệu', en: 'Check the data' },
  checking: { vi: 'Đang kiểm tra từng dòng…', en: 'Checking each row…' },
  checked: {
    vi: 'Kiểm tra xong: {ok} dòng hợp lệ, {already} dòng đã có trong sổ, {bad} dòng lỗi.',
    en: 'Checked: {ok} good rows, {already} already in the registry, {bad} rows with problems.',
  },
  run: { vi: 'Nhập {n} dòng hợp lệ', en: 'Import {n} good rows' },
  importing: { vi: 'Đang nhập…', en: 'Importing…' },
  done: {
    vi: 'Đã nhập {inserted} hội viên mới; {already} dòng đã có sẵn nên không tạo trùng; {bad} dòng lỗi chưa nhập.',
    en: 'Imported {inserted} new members; {already} rows were already there (no duplicates made); {bad} rows with problems were not imported.',
  },
  errors: { vi: 'Các dòng lỗi', en: 'Rows with problems' },
  row: { vi: 'Dòng', en: 'Row' },
  problems: { vi: 'Cần sửa', en: 'To fix' },
  moreErrors: {
    vi: 'Và {n} dòng lỗi khác: xem trong tệp dòng lỗi.',
    en: 'And {n} more: see the bad-rows file.',
  },
  downloadXlsx: { vi: 'Tải tệp dòng lỗi (.xlsx)', en: 'Download the bad rows (.xlsx)' },
  downloadCsv: { vi: 'Tải tệp dòng lỗi (.csv)', en: 'Download the bad rows (.csv)' },
  another: { vi: 'Nhập tệp khác', en: 'Import another file' },
  toList: { vi: 'Xem danh sách hội viên', en: 'See the member list' },
  failed: { vi: 'Chưa thực hiện được', en: 'That did not work' },
  noUnit: {
    vi: 'Hãy chọn xã, phường hoặc chi hội để nhập hội viên.',
    en: 'Choose a commune or branch to import into.',
  },
} as const satisfies Record<string, Localized>;
