// A receipt drawn as an 80 mm printer puts it on paper, to PDF, for operators' previews and tests (the kiosk
// itself sends ESC/POS, never this). 72 mm of print width (576 dots at 203 dpi), as tall as the lines need. Rows
// break where the printer breaks them: every 48 columns of normal text, 24 of large, each character beyond
// ASCII printing double width in Chinese mode; the characters themselves are drawn in the bundled proportional
// face (pdftotext reads them as words), so a row may look narrower than on paper. A row is 30 dots (the printer's default line spacing), text is
// 24 dots high, and a QR code has modules of 4 dots with a 4-module quiet zone, centred.

import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

import type { Receipt, ReceiptLine } from '../device-drivers/receipt-printer/receipt-printer';
import { parsedFont } from './bundled-fonts';
import type { FontFace } from './font-faces';
import { ptFromMm } from './pdf-units';
import { drawQrModules } from './qr-modules';
import { hardRows } from './receipt-columns';
import { quietZoneModules } from './seal-qr';

const DOT_MM = 25.4 / 203;
const PAPER_MM = 80;
const PRINT_WIDTH_DOTS = 576;
const ROW_DOTS = 30;
const TEXT_DOTS = 24;
const QR_MODULE_DOTS = 4;
const COLUMNS = 48;
/** What the printer feeds past the last line before it cuts (escpos-encoder's CUT_FEED_LINES). */
const CUT_FEED_ROWS = 3;
const MARGIN_DOTS = 16;

const pt = (dots: number) => ptFromMm(dots * DOT_MM);

type Drawing = (doc: PDFKit.PDFDocument, top: number) => void;

/** The PDF of a receipt: one page 80 mm wide. */
export async function renderReceiptPreview(receipt: Receipt): Promise<Uint8Array> {
  const drawings: Array<{ top: number; draw: Drawing }> = [];
  let dots = MARGIN_DOTS;
  for (const line of receipt.lines) {
    const { heightDots, draw } = measureLine(line);
    drawings.push({ top: dots, draw });
    dots += heightDots;
  }
  dots += CUT_FEED_ROWS * ROW_DOTS;

  const doc = new PDFDocument({ size: [ptFromMm(PAPER_MM), pt(dots)], margin: 0, font: '', pdfVersion: '1.7', lang: 'zh-CN' });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const face of ['noto-sans-sc-regular', 'noto-sans-sc-bold'] as const satisfies readonly FontFace[]) {
    // pdfkit 0.20 takes a parsed fontkit font (see render-a4.ts).
    doc.registerFont(face, parsedFont(face) as unknown as PDFKit.Mixins.PDFFontSource);
  }
  for (const { top, draw } of drawings) draw(doc, pt(top));
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

const printLeftPt = () => (ptFromMm(PAPER_MM) - pt(PRINT_WIDTH_DOTS)) / 2;

function measureLine(line: ReceiptLine): { heightDots: number; draw: Drawing } {
  switch (line.kind) {
    case 'feed':
      return { heightDots: line.lines * ROW_DOTS, draw: () => {} };
    case 'qr': {
      const matrix = QRCode.create(line.data, { errorCorrectionLevel: 'Q' }).modules;
      const sideDots = (matrix.size + 2 * quietZoneModules) * QR_MODULE_DOTS;
      return {
        heightDots: sideDots,
        draw: (doc, top) => {
          const quiet = pt(quietZoneModules * QR_MODULE_DOTS);
          const left = printLeftPt() + (pt(PRINT_WIDTH_DOTS) - pt(sideDots)) / 2 + quiet;
          drawQrModules(doc, matrix, left, top + quiet, pt(QR_MODULE_DOTS));
        },
      };
    }
    case 'text': {
      const scale = line.size === 'large' ? 2 : 1;
      const rows = hardRows(line.text, COLUMNS / scale);
      const face: FontFace = line.bold ? 'noto-sans-sc-bold' : 'noto-sans-sc-regular';
      return {
        heightDots: rows.length * ROW_DOTS * scale,
        draw: (doc, top) => {
          doc.font(face).fontSize(pt(TEXT_DOTS * scale) * 0.85);
          rows.forEach((row, i) => {
            const free = pt(PRINT_WIDTH_DOTS) - doc.widthOfString(row);
            const x = printLeftPt() + (line.align === 'center' ? free / 2 : line.align === 'right' ? free : 0);
            doc.text(row, x, top + pt(i * ROW_DOTS * scale), { lineBreak: false });
          });
        },
      };
    }
    default:
      return line satisfies never;
  }
}
