/**
 * The pivot as files: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Vietnamese), XLSX
 * (a real workbook written by exceljs — the library the console already uses for members' files — loaded
 * only when an analyst exports) and the chart as PNG. Figures stay numbers in CSV and XLSX (rates as
 * shares with a percentage format), so they can be computed with.
 */
import type { Language } from '@vwu/context';
import { columnLabel, valueLabel } from './labels.js';
import type { Pivot } from './pivot.js';

/** What heads an exported sheet. */
export interface ExportHeading {
  /** e.g. 'Bàn phân tích — Tỉnh Tây Ninh'. */
  title: string;
  /** e.g. 'Từ 07/2025 đến 12/2025 · xuất lúc 14:30 21/11/2026'. */
  subtitle: string;
}

/** The pivot as a grid of header texts and figures: one header row, then one row per row key. */
export function pivotGrid(
  pivot: Pivot,
  language: Language,
  names: ReadonlyMap<string, string>,
): { header: string[]; rows: (string | number | null)[][] } {
  const header = [
    ...pivot.rowDims.map((d) => d.label[language]),
    ...pivot.columns.map((c) => columnLabel(c, pivot.colDims, pivot.measures.length, language, names)),
  ];
  const rows = pivot.rowKeys.map((key, r) => [
    ...key.map((v, i) => valueLabel(pivot.rowDims[i]!, v, language, names)),
    ...pivot.cells[r]!,
  ]);
  return { header, rows };
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV text (comma-separated, CRLF, BOM first; figures with a '.' decimal point, as programs read them).
 *
 * @example pivotCsv(pivot, 'vi', names) // '\uFEFFTháng,Trực tuyến\r\n10/2025,3\r\n'
 */
export function pivotCsv(pivot: Pivot, language: Language, names: ReadonlyMap<string, string>): string {
  const { header, rows } = pivotGrid(pivot, language, names);
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Rows of an XLSX sheet above the table (title, subtitle, blank). */
export const XLSX_HEADING_ROWS = 3;

/**
 * An XLSX workbook of the pivot: title and subtitle, then the header row (bold, frozen) and the figures
 * (counts `#,##0`, rates `0.0%`).
 */
export async function pivotXlsx(
  pivot: Pivot,
  language: Language,
  names: ReadonlyMap<string, string>,
  heading: ExportHeading,
): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'VWU console';
  const sheet = book.addWorksheet(language === 'vi' ? 'Bảng tổng hợp' : 'Pivot', {
    views: [{ state: 'frozen', ySplit: XLSX_HEADING_ROWS + 1, xSplit: pivot.rowDims.length }],
  });
  const { header, rows } = pivotGrid(pivot, language, names);
  sheet.addRow([heading.title]).font = { bold: true, size: 13 };
  sheet.addRow([heading.subtitle]);
  sheet.addRow([]);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  pivot.columns.forEach((column, i) => {
    const format = column.measure.kind === 'rate' ? '0.0%' : '#,##0';
    sheet.getColumn(pivot.rowDims.length + i + 1).numFmt = format;
  });
  header.forEach((text, i) => {
    sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, text.length + 2));
  });
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/**
 * A file name for an export: 'ban-phan-tich-<date>.<ext>'.
 *
 * @example exportName('xlsx', new Date('2026-11-21T07:30:00Z')) // 'ban-phan-tich-21-11-2026.xlsx'
 */
export function exportName(extension: string, now: Date): string {
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  })
    .format(now)
    .replaceAll('/', '-');
  return `ban-phan-tich-${date}.${extension}`;
}

/**
 * A base64 data URL (the chart's PNG) as a Blob, decoded here: the console's Content-Security-Policy does
 * not let the page `fetch()` a `data:` URL.
 */
export function dataUrlBlob(url: string): Blob {
  const comma = url.indexOf(',');
  const type = /^data:([^;,]+)/.exec(url)?.[1] ?? 'application/octet-stream';
  const binary = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** Hands a file to the browser to save (an object URL on a temporary link, released after). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
