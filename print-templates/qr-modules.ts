// A QR code's dark modules drawn as vector rectangles: one per horizontal run of dark modules, so fewer path
// operations and no seams inside a run. Shared by the A4 seal and the receipt preview.

import type { BitMatrix } from 'qrcode';

export function drawQrModules(doc: PDFKit.PDFDocument, matrix: BitMatrix, left: number, top: number, modulePt: number): void {
  // Drawn in module units, scaled once by the transform: each run is `col row length 1 re` in small integers,
  // a third of the bytes that fractional coordinates take, so less to build, compress and embed. All the runs
  // go into the content stream as one piece: pdfkit turns every addContent() into a buffer of its own.
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
      runs.push(`${start} ${row} ${col - start} 1 re`);
    }
  }
  doc.save();
  doc.transform(modulePt, 0, 0, modulePt, left, top);
  if (runs.length > 0) doc.addContent(runs.join('\n'));
  doc.fillColor('#000000').fill();
  doc.restore();
}
