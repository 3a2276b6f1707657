/**
 * Reads an uploaded member list, XLSX (first worksheet) or CSV (UTF-8, comma or semicolon, quoted
 * fields), into rows of text cells. The first non-empty row holds the column headers.
 */
import ExcelJS from 'exceljs';
import { apiError } from '../errors.js';

/** Largest file accepted, bytes. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Most data rows in one file. */
export const IMPORT_MAX_ROWS = 200_000;

/** A file's kind, from its first bytes (a ZIP is an XLSX) or else its name. */
export type ImportKind = 'xlsx' | 'csv';

/** The table of a file: headers and data rows (row numbers are 1-based, as a spreadsheet shows them). */
export interface ImportTable {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** Whether `data` is a ZIP container (what every XLSX is). */
export function kindOf(data: Buffer): ImportKind {
  return data.length >= 4 && data.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
}

function tooLarge(): Error {
  return apiError('IMPORT_TOO_LARGE', { limit: IMPORT_MAX_BYTES / 1024 / 1024, rows: IMPORT_MAX_ROWS });
}

/** A cell's value as text: dates as yyyy-mm-dd, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(data: Buffer): Promise<string[][]> {
  // The whole workbook at once: exceljs's streaming reader splits multi-byte characters at chunk boundaries
  // (a Vietnamese name now and then came out with U+FFFD), and the file is already in memory anyway.
  const out: string[][] = [];
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw apiError('IMPORT_FILE_UNREADABLE', {
      kind: 'XLSX',
      reason: 'the workbook is damaged or not an Excel file',
    });
  }
  const sheet = book.worksheets[0];
  if (sheet === undefined) return out;
  if (sheet.rowCount > IMPORT_MAX_ROWS + 1) throw tooLarge();
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]).trim());
    out[number - 1] = cells;
  });
  return Array.from(out, (cells) => cells ?? []);
}

/** Splits CSV text into rows (RFC 4180 quotes; the delimiter is whichever of `,` `;` the header uses most). */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = body.slice(0, body.indexOf('\n') === -1 ? body.length : body.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell.trim());
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(cell.trim());
      rows.push(row);
      if (rows.length > IMPORT_MAX_ROWS + 1) throw tooLarge();
      row = [];
      cell = '';
    } else cell += c;
  }
  if (quoted)
    throw apiError('IMPORT_FILE_UNREADABLE', { kind: 'CSV', reason: 'a quoted field is never closed' });
  if (cell !== '' || row.length > 0) rows.push([...row, cell.trim()]);
  return rows;
}

function readCsv(data: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw apiError('IMPORT_FILE_UNREADABLE', { kind: 'CSV', reason: 'the text is not UTF-8' });
  }
  if (text.includes('\u0000'))
    throw apiError('IMPORT_FILE_UNREADABLE', { kind: 'CSV', reason: 'the file is binary, not text' });
  return parseCsv(text);
}

/**
 * The table of an uploaded file.
 *
 * @throws ApiError IMPORT_TOO_LARGE, IMPORT_FILE_UNREADABLE (damaged XLSX, non-UTF-8 CSV, no header row).
 */
export async function readTable(data: Buffer): Promise<ImportTable & { kind: ImportKind }> {
  if (data.length > IMPORT_MAX_BYTES) throw tooLarge();
  const kind = kindOf(data);
  const raw = kind === 'xlsx' ? await readXlsx(data) : readCsv(data);
  const headerIndex = raw.findIndex((cells) => cells.some((c) => c !== ''));
  if (headerIndex === -1)
    throw apiError('IMPORT_FILE_UNREADABLE', { kind: kind.toUpperCase(), reason: 'there is no header row' });
  const seen = new Map<string, number>();
  const headers = (raw[headerIndex] as string[]).map((h, i) => {
    const name = h === '' ? `#${i + 1}` : h;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  const rows: ImportTable['rows'] = [];
  for (let i = headerIndex + 1; i < raw.length; i++) {
    const cells = raw[i] ?? [];
    if (cells.every((c) => c === '')) continue;
    rows.push({ row: i + 1, cells });
  }
  if (rows.length > IMPORT_MAX_ROWS) throw tooLarge();
  return { kind, headers, rows };
}
