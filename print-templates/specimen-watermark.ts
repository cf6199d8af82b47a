// Every page printed under a `test` trust list says so across itself (seal-kq1.md v1.1): a specimen must never
// pass for a real paper, even cut down or photographed. Drawn last, over everything, light enough to read through.

import type { FontFace } from './font-faces';
import { ptFromMm } from './pdf-units';
import { a4HeightMm, a4WidthMm } from './template-schema';

export const specimenWatermarkText = '样本 SPECIMEN 仅供测试';
export const specimenWatermarkFace: FontFace = 'noto-sans-sc-bold';
const sizePt = 44;

export function drawSpecimenWatermark(doc: PDFKit.PDFDocument): void {
  const width = ptFromMm(a4WidthMm);
  const height = ptFromMm(a4HeightMm);
  // Along the diagonal from the bottom-left corner to the top-right.
  const angle = (-Math.atan2(height, width) * 180) / Math.PI;
  const lineWidth = Math.hypot(width, height);
  doc.save();
  doc.rotate(angle, { origin: [width / 2, height / 2] });
  doc.font(specimenWatermarkFace).fontSize(sizePt).fillColor('#808080').fillOpacity(0.35);
  doc.text(specimenWatermarkText, (width - lineWidth) / 2, height / 2 - sizePt * 0.7, {
    width: lineWidth,
    align: 'center',
    lineBreak: false,
  });
  doc.restore();
}
