/**
 * Writes a table as a streamed CSV (UTF-8 with BOM, so Excel shows Vietnamese correctly) or XLSX file. Cells
 * that a spreadsheet would run as a formula (=, +, -, @ first) are written with a leading apostrophe.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Output format. */
export type TableFormat = 'csv' | 'xlsx';

/** Content types of the formats. */
export const CONTENT_TYPE: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A cell made safe from formula injection. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((c) => (/[",\n\r;]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\r\n`;
}

async function* csvChunks(
  headers: readonly string[],
  rows: AsyncIterable<string[][]>,
): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(headers)}`;
  for await (const batch of rows) yield batch.map((r) => csvLine(r.map(safeCell))).join('');
}

/**
 * A stream of the file: `headers`, then every batch of `rows` as it comes (so a large export never sits in
 * memory whole).
 *
 * @example reply.type(CONTENT_TYPE.csv).send(tableStream('csv', ['Họ và tên'], batches));
 */
export function tableStream(
  format: TableFormat,
  sheet: string,
  headers: readonly string[],
  rows: AsyncIterable<string[][]>,
): Readable {
  if (format === 'csv') return Readable.from(csvChunks(headers, rows));
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const worksheet = workbook.addWorksheet(sheet);
  void (async () => {
    worksheet.addRow([...headers]).commit();
    for await (const batch of rows) for (const row of batch) worksheet.addRow(row.map(safeCell)).commit();
    worksheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
