/**
 * A report as an XLSX workbook (ExcelJS, the writer the API already uses, loaded only when a report is
 * exported): one sheet, the title block, then each part with a bold header; shares are numbers with a
 * percentage format (a spreadsheet can add and compare them), counts are numbers.
 */
import type { ReportCell, ReportDocument } from './report-model.js';

/** The XLSX content type. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as a spreadsheet value: text, number or empty. */
function valueOf(cell: ReportCell): string | number | null {
  if (typeof cell === 'string') return cell;
  if ('share' in cell) return cell.share;
  return cell.count;
}

/**
 * The workbook of a report.
 *
 * @example saveFile(await reportXlsx(report), `${report.fileName}.xlsx`)
 */
export async function reportXlsx(report: ReportDocument): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'VWU';
  const sheet = book.addWorksheet('Báo cáo');
  const columns = Math.max(...report.sections.map((s) => s.header.length));
  sheet.columns = Array.from({ length: columns }, (_, i) => ({ width: i === 0 ? 6 : i === 1 ? 46 : 18 }));
  sheet.addRow([report.title]).font = { bold: true, size: 13 };
  for (const line of report.lines) sheet.addRow([line]);
  for (const section of report.sections) {
    sheet.addRow([]);
    sheet.addRow([section.heading]).font = { bold: true };
    const header = sheet.addRow(section.header);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    for (const cells of section.rows) {
      const row = sheet.addRow(cells.map(valueOf));
      cells.forEach((cell, i) => {
        if (typeof cell === 'object' && 'share' in cell) row.getCell(i + 1).numFmt = '0.0%';
        if (typeof cell === 'object' && 'count' in cell) row.getCell(i + 1).numFmt = '#,##0';
      });
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  sheet.addRow([]);
  sheet.addRow([report.footnote]).font = { italic: true, size: 9 };
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_TYPE });
}
