// The issuer's stamp laid over the issuer's name, as the trust list drew it: each path filled on its own (SVG's
// non-zero rule), never markup. A little transparency keeps the name under it readable, as stamp ink does. On a
// specimen, `样本` sits inside the stamp below its centre, where a real stamp has no text.

import type { IssuerStampArt } from './certificate-document';
import type { FontFace } from './font-faces';
import { ptFromMm } from './pdf-units';
import type { Positioned } from './page-layout';
import type { A4StampBlock } from './template-schema';

export const stampInkOpacity = 0.85;
export const specimenStampFace: FontFace = 'noto-sans-sc-bold';

/** The stamp's square on the page, in points from the page's top-left. */
export interface StampBox {
  x: number;
  y: number;
  sizePt: number;
}

/** Where a stamp block puts its stamp, over the block it follows. */
export function stampBox(block: A4StampBlock, over: Pick<Positioned, 'x' | 'y' | 'measured'>): StampBox {
  const sizePt = ptFromMm(block.sizeMm);
  const anchorX = over.x + { left: 0, center: over.measured.widthPt / 2, right: over.measured.widthPt }[block.alignX];
  return {
    x: anchorX + ptFromMm(block.offsetXMm) - sizePt / 2,
    y: over.y + ptFromMm(block.offsetYMm) - sizePt / 2,
    sizePt,
  };
}

export function drawIssuerStamp(
  doc: PDFKit.PDFDocument,
  art: IssuerStampArt,
  box: StampBox,
  options: { ink: A4StampBlock['ink']; specimen: boolean },
): void {
  const color = options.ink === 'black' ? '#000000' : art.color;
  const [width, height] = art.viewBox;
  const scale = box.sizePt / Math.max(width, height);
  doc.save();
  doc.fillOpacity(stampInkOpacity);
  doc.translate(box.x + (box.sizePt - width * scale) / 2, box.y + (box.sizePt - height * scale) / 2);
  doc.scale(scale);
  for (const path of art.paths) doc.path(path).fill(color);
  doc.restore();
  if (options.specimen) {
    const sizePt = box.sizePt * 0.17;
    doc.save();
    doc.font(specimenStampFace).fontSize(sizePt).fillColor(color).fillOpacity(stampInkOpacity);
    doc.text('样本', box.x, box.y + box.sizePt * 0.68, {
      width: box.sizePt,
      align: 'center',
      lineBreak: false,
      characterSpacing: sizePt * 0.3,
    });
    doc.restore();
  }
}
