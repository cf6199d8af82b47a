// A QR code's dark modules drawn as vector rectangles: one per horizontal run of dark modules, so fewer path
// operations and no seams inside a run. Shared by the A4 seal, the receipt preview and the
// app-code challenge on screen.

import type { BitMatrix } from 'qrcode';

/** Each horizontal run of dark modules, row by row: one rectangle each, wherever the code is drawn. */
export function* qrModuleRuns(matrix: BitMatrix): Generator<{ row: number; col: number; length: number }> {
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.get(row, col)) col++;
      yield { row, col: start, length: col - start };
    }
  }
}

export function drawQrModules(doc: PDFKit.PDFDocument, matrix: BitMatrix, left: number, top: number, modulePt: number): void {
  doc.save();
  for (const { row, col, length } of qrModuleRuns(matrix)) {
    doc.rect(left + col * modulePt, top + row * modulePt, length * modulePt, modulePt);
  }
  doc.fillColor('#000000').fill();
  doc.restore();
}
