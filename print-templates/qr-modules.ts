// A QR code's dark modules drawn as vector rectangles: one per horizontal run of dark modules, so fewer path
// operations and no seams inside a run. Shared by the A4 seal and the receipt preview.

import type { BitMatrix } from 'qrcode';

/** A number as pdfkit writes it into a content stream (its PDFObject.number): rounded to 6 decimals. */
function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function drawQrModules(doc: PDFKit.PDFDocument, matrix: BitMatrix, left: number, top: number, modulePt: number): void {
  // The same `re` operators doc.rect() would write, added as one piece of content: pdfkit turns every
  // addContent() into a buffer of its own, which for a few hundred runs cost more than the rest of the code.
  // Each coordinate is written once and reused: turning fractions into text was the other half of the cost.
  const written = (n: number) => String(pdfNumber(n));
  const offsets = Array.from({ length: matrix.size + 1 }, (_, i) => i);
  const xs = offsets.map((i) => written(left + i * modulePt));
  const ys = offsets.map((i) => written(top + i * modulePt));
  const widths = offsets.map((i) => written(i * modulePt));
  const height = written(modulePt);
  const runs: string[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.get(row, col)) col++;
      runs.push(`${xs[start]} ${ys[row]} ${widths[col - start]} ${height} re`);
    }
  }
  doc.save();
  if (runs.length > 0) doc.addContent(runs.join('\n'));
  doc.fillColor('#000000').fill();
  doc.restore();
}
