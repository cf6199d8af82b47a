// A QR code's dark modules drawn as vector rectangles: one per horizontal run of dark modules, so fewer path
// operations and no seams inside a run. Shared by the A4 seal and the receipt preview.

import type { BitMatrix } from 'qrcode';

export function drawQrModules(doc: PDFKit.PDFDocument, matrix: BitMatrix, left: number, top: number, modulePt: number): void {
  doc.save();
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.get(row, col)) col++;
      doc.rect(left + start * modulePt, top + row * modulePt, (col - start) * modulePt, modulePt);
    }
  }
  doc.fillColor('#000000').fill();
  doc.restore();
}
