/**
 * A report as a PDF made in the browser (pdf-lib, loaded only when a report is exported), A4 landscape,
 * with Noto Sans embedded and subset so every Vietnamese letter is drawn by the file's own font, whatever
 * the reader has installed. The fonts are assets of this module, fetched from its own origin. Tables wrap
 * their cells and continue on the next page with their header repeated; pages are numbered.
 */
import type * as PdfLibModule from 'pdf-lib';
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import boldUrl from './fonts/NotoSans-Bold.ttf?url';
import regularUrl from './fonts/NotoSans-Regular.ttf?url';
import { cellText, type ReportDocument, type ReportSection } from './report-model.js';

type PdfLib = typeof PdfLibModule;

const PAGE: [number, number] = [841.89, 595.28];
const MARGIN = 36;
const PAD = 3;

/** Lines of `text` that fit `width` at `size` (words kept whole unless one alone is too wide). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(next, size) <= width || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  return [...lines, line];
}

async function fontBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(new URL(url, import.meta.url));
  if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** Draws pages top to bottom, starting a new page when one is full. */
class Writer {
  page: PDFPage;
  y: number;
  constructor(
    private readonly lib: PdfLib,
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  room(height: number): boolean {
    return this.y - height >= MARGIN + 14;
  }

  newPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  text(text: string, size: number, font: PDFFont, centred = false): void {
    const width = PAGE[0] - 2 * MARGIN;
    for (const line of wrap(text, font, size, width)) {
      if (!this.room(size * 1.4)) this.newPage();
      const x = centred ? (PAGE[0] - font.widthOfTextAtSize(line, size)) / 2 : MARGIN;
      this.page.drawText(line, { x, y: this.y - size, size, font, color: this.lib.rgb(0.1, 0.15, 0.2) });
      this.y -= size * 1.4;
    }
  }

  /** One table row; `cells` already wrapped. */
  row(cells: string[][], xs: number[], widths: number[], size: number, font: PDFFont, shade: boolean): void {
    const height = Math.max(...cells.map((c) => c.length)) * size * 1.3 + 2 * PAD;
    const total = widths.reduce((a, b) => a + b, 0);
    if (shade) {
      this.page.drawRectangle({
        x: MARGIN,
        y: this.y - height,
        width: total,
        height,
        color: this.lib.rgb(0.91, 0.94, 0.97),
      });
    }
    cells.forEach((lines, i) => {
      lines.forEach((line, j) => {
        this.page.drawText(line, {
          x: xs[i]! + PAD,
          y: this.y - PAD - (j + 1) * size * 1.3 + size * 0.3,
          size,
          font,
          color: this.lib.rgb(0.1, 0.15, 0.2),
        });
      });
    });
    this.page.drawLine({
      start: { x: MARGIN, y: this.y - height },
      end: { x: MARGIN + total, y: this.y - height },
      thickness: 0.5,
      color: this.lib.rgb(0.75, 0.79, 0.84),
    });
    this.y -= height;
  }

  table(section: ReportSection): void {
    const total = PAGE[0] - 2 * MARGIN;
    const sum = section.widths.reduce((a, b) => a + b, 0);
    const widths = section.widths.map((w) => (w / sum) * total);
    const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const size = 8.5;
    const layout = (cells: string[], font: PDFFont) =>
      cells.map((c, i) => wrap(c, font, size, widths[i]! - 2 * PAD));
    const header = layout(section.header, this.bold);
    const headerHeight = Math.max(...header.map((c) => c.length)) * size * 1.3 + 2 * PAD;
    if (!this.room(headerHeight + 30)) this.newPage();
    this.row(header, xs, widths, size, this.bold, true);
    for (const cells of section.rows) {
      const lines = layout(cells.map(cellText), this.regular);
      const height = Math.max(...lines.map((c) => c.length)) * size * 1.3 + 2 * PAD;
      if (!this.room(height)) {
        this.newPage();
        this.row(header, xs, widths, size, this.bold, true);
      }
      this.row(lines, xs, widths, size, this.regular, false);
    }
  }
}

/**
 * The PDF of a report.
 *
 * @example saveFile(await reportPdf(report), `${report.fileName}.pdf`)
 */
export async function reportPdf(report: ReportDocument): Promise<Blob> {
  const [lib, { default: fontkit }, regularBytes, boldBytes] = await Promise.all([
    import('pdf-lib'),
    import('@pdf-lib/fontkit'),
    fontBytes(regularUrl),
    fontBytes(boldUrl),
  ]);
  const doc = await lib.PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(report.title);
  doc.setLanguage('vi-VN');
  doc.setCreator('VWU');
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const w = new Writer(lib, doc, regular, bold);
  w.text(report.title, 13, bold, true);
  w.y -= 4;
  for (const line of report.lines) w.text(line, 10, regular, true);
  for (const section of report.sections) {
    w.y -= 10;
    if (!w.room(60)) w.newPage();
    w.text(section.heading, 11, bold);
    w.y -= 2;
    w.table(section);
  }
  w.y -= 8;
  w.text(report.footnote, 8, regular);
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const label = `${i + 1}/${pages.length}`;
    page.drawText(label, {
      x: PAGE[0] - MARGIN - regular.widthOfTextAtSize(label, 8),
      y: MARGIN / 2,
      size: 8,
      font: regular,
      color: lib.rgb(0.4, 0.45, 0.5),
    });
  });
  const bytes = await doc.save();
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}
