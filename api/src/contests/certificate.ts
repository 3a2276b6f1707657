// Certificates (PDF) for awarded entries, in Noto Sans (Vietnamese glyphs), the font files shipped in
// api/assets/fonts (SIL Open Font License, see OFL.txt there): nothing is fetched at run time.
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const FONTS = new URL('../../assets/fonts/', import.meta.url);
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

function loadFonts() {
  return (fonts ??= Promise.all([
    readFile(new URL('NotoSans-Regular.ttf', FONTS)),
    readFile(new URL('NotoSans-Bold.ttf', FONTS)),
  ]).then(([regular, bold]) => ({ regular, bold })));
}

/** What a certificate says. */
export interface CertificateText {
  /** Organising unit, e.g. 'Trung ương Hội LHPN Việt Nam'. */
  organiser: string;
  contestTitle: string;
  authors: string[];
  unit: string;
  entryTitle: string;
  award: string;
  /** dd/MM/yyyy. */
  date: string;
  /** Certificate number, e.g. '12/2025-HT7'. */
  number: string;
}

function centred(
  page: PDFPage,
  text: string,
  y: number,
  font: PDFFont,
  size: number,
  color = rgb(0.1, 0.15, 0.2),
) {
  let fitted = size;
  while (font.widthOfTextAtSize(text, fitted) > page.getWidth() - 120 && fitted > 8) fitted -= 1;
  const width = font.widthOfTextAtSize(text, fitted);
  page.drawText(text, { x: (page.getWidth() - width) / 2, y, size: fitted, font, color });
}

/**
 * A one-page A4 landscape certificate, fonts subset and embedded.
 *
 * @example const pdf = await certificatePdf({ organiser: 'Hội LHPN tỉnh Tây Ninh', … }); // Uint8Array, starts '%PDF-'
 */
export async function certificatePdf(text: CertificateText): Promise<Uint8Array> {
  const { regular, bold } = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`Giấy chứng nhận — ${text.entryTitle}`);
  doc.setCreator('VWU console');
  const font = await doc.embedFont(regular, { subset: true });
  const strong = await doc.embedFont(bold, { subset: true });
  const page = doc.addPage([842, 595]);
  const accent = rgb(0.72, 0.2, 0.42);
  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: accent, borderWidth: 3 });
  page.drawRectangle({
    x: 34,
    y: 34,
    width: 774,
    height: 527,
    borderColor: rgb(0.1, 0.29, 0.55),
    borderWidth: 1,
  });
  centred(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 530, strong, 13);
  centred(page, 'Độc lập - Tự do - Hạnh phúc', 512, font, 12);
  centred(page, text.organiser.toUpperCase(), 478, strong, 13);
  centred(page, 'GIẤY CHỨNG NHẬN', 420, strong, 34, accent);
  centred(page, `Hội thi “${text.contestTitle}”`, 385, font, 15);
  centred(page, 'Chứng nhận', 350, font, 13);
  centred(page, text.authors.join(', '), 322, strong, 20);
  centred(page, text.unit, 296, font, 14);
  centred(page, `Sản phẩm: “${text.entryTitle}”`, 266, font, 14);
  centred(page, `Đã đạt ${text.award}`, 226, strong, 24, accent);
  page.drawText(`Ngày ${text.date}`, { x: 560, y: 150, size: 12, font });
  page.drawText('TM. BAN TỔ CHỨC', { x: 560, y: 130, size: 12, font: strong });
  page.drawText(`Số: ${text.number}`, { x: 70, y: 60, size: 10, font, color: rgb(0.36, 0.4, 0.46) });
  return doc.save({ useObjectStreams: false });
}
