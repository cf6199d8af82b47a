// The KQ1 seal as a QR code (level Q) drawn with vector squares, per shared/contracts/seal-kq1.md:
// modules of at least 0.5 mm and a 4-module quiet zone kept clear around the code. The caption goes below.

import type { BitMatrix, QRCodeSegment } from 'qrcode';

import { memoForDocument } from './document-memo';
import type { BlockContext, MeasuredBlock } from './measured-block';
import { fillPlaceholders } from './placeholders';
import { ptFromMm } from './pdf-units';
import { qrMatrixLevelQ } from './qr-mask-choice';
import { drawQrModules } from './qr-modules';
import type { A4TemplateBlock } from './template-schema';
import { heightInStyle, styleNamed, useStyle } from './text-style';

type SealBlock = Extract<A4TemplateBlock, { type: 'seal' }>;

export const minModuleMm = 0.5;
export const quietZoneModules = 4;

export interface SealGeometry {
  modules: number;
  moduleMm: number;
  /** The code's side without the quiet zone. */
  symbolMm: number;
}

export function sealGeometry(modules: number, sizeMm: number): SealGeometry {
  // A dense code is drawn larger rather than with modules too small for phones to read.
  const moduleMm = Math.max(sizeMm / modules, minModuleMm);
  return { modules, moduleMm, symbolMm: moduleMm * modules };
}

const alphanumeric = /^[0-9A-Z $%*+\-./:]*$/;
/** The URL form (seal-kq1 v1.1): `<verifier URL>#` then the escaped `KQ1:…`, which stays alphanumeric. */
const urlForm = /^([^#]+#)(KQ1:[0-9A-Z $%*+\-./:]*)$/;

/** The segments a seal is written in, chosen here rather than by qrcode's optimiser. */
export function sealSegments(seal: string): QRCodeSegment[] | null {
  // A KQ1 seal is all QR-alphanumeric: saying so skips qrcode's segment optimiser (a shortest-path search,
  // 5–50 ms for 450 characters) and yields the same symbol. The URL form is two segments, as the contract says.
  if (alphanumeric.test(seal)) return [{ data: seal, mode: 'alphanumeric' }];
  const url = urlForm.exec(seal);
  if (url) {
    return [
      { data: new TextEncoder().encode(url[1]!), mode: 'byte' },
      { data: url[2]!, mode: 'alphanumeric' },
    ];
  }
  return null;
}

/** The QR modules of a seal, at level Q as the contract says; anything not a seal is left to the optimiser. */
export function sealMatrix(seal: string): BitMatrix {
  return qrMatrixLevelQ(sealSegments(seal) ?? seal);
}

export function measureSealQr(ctx: BlockContext, block: SealBlock, templateWidthPt: number | undefined): MeasuredBlock {
  const { doc } = ctx;
  // The schema keeps seal blocks to certificate templates: a page without a seal here is a bug.
  if (ctx.seal === undefined) throw new Error('a seal block on a page without a seal');
  const seal = ctx.seal;
  const matrix = memoForDocument(doc, `seal ${seal}`, () => sealMatrix(seal));
  const geometry = sealGeometry(matrix.size, block.sizeMm);
  const modulePt = ptFromMm(geometry.moduleMm);
  const quietPt = quietZoneModules * modulePt;
  const codeBoxPt = matrix.size * modulePt + 2 * quietPt;
  const widthPt = Math.max(templateWidthPt ?? 0, codeBoxPt);

  const captionStyle = styleNamed(ctx.styles, block.captionStyle);
  const caption = fillPlaceholders(block.caption, ctx.values);
  const captionOptions = () => ({ ...useStyle(doc, captionStyle), width: widthPt, align: 'center' as const });
  const captionGapPt = ptFromMm(block.captionGapMm);
  const captionHeight = caption ? captionGapPt + heightInStyle(doc, captionStyle, caption, captionOptions()) : 0;

  return {
    widthPt,
    heightPt: codeBoxPt + captionHeight,
    draw(x, y) {
      const left = x + (widthPt - codeBoxPt) / 2 + quietPt;
      drawQrModules(doc, matrix, left, y + quietPt, modulePt);
      if (caption) doc.text(caption, x, y + codeBoxPt + captionGapPt, captionOptions());
    },
  };
}
