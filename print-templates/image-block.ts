// A PNG image from the template's bundle, drawn at the template's width (and height, or the image's own
// proportions). The bytes come from the bundle already checked; the engine opens no file itself.

import type { BlockContext, MeasuredBlock } from './measured-block';
import { pngSize } from './png-image';
import { ptFromMm } from './pdf-units';
import type { A4TemplateBlock } from './template-schema';

type ImageBlock = Extract<A4TemplateBlock, { type: 'image' }>;

export function measureImageBlock(ctx: BlockContext, block: ImageBlock): MeasuredBlock {
  const bytes = ctx.images.get(block.file);
  const size = bytes && pngSize(bytes);
  // The bundle check refuses a template whose image is missing or not a PNG: reaching this is a bug.
  if (!bytes || !size) throw new Error(`image ${block.file} is not a PNG of the template's bundle`);
  const widthPt = ptFromMm(block.widthMm);
  const heightPt = block.heightMm === undefined ? (widthPt * size.height) / size.width : ptFromMm(block.heightMm);
  return {
    widthPt,
    heightPt,
    draw(x, y) {
      ctx.doc.image(Buffer.from(bytes), x, y, { width: widthPt, height: heightPt });
    },
  };
}
