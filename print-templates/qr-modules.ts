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
  // Drawn in module units, scaled once by the transform: each run is `col row length 1 re` in small integers,
  // a third of the bytes that fractional coordinates take, so less to build, compress and embed. All the runs
  // go into the content stream as one piece: pdfkit turns every addContent() into a buffer of its own.
  const runs: string[] = [];
  for (const { row, col, length } of qrModuleRuns(matrix)) runs.push(`${col} ${row} ${length} 1 re`);
  doc.save();
  doc.transform(modulePt, 0, 0, modulePt, left, top);
  if (runs.length > 0) doc.addContent(runs.join('\n'));
  doc.fillColor('#000000').fill();
  doc.restore();
}
