// A paragraph (or several, split by \n) of template wording with certificate data filled in.

import { drawTextWithFallback } from './font-fallback';
import type { BlockContext, MeasuredBlock } from './measured-block';
import { fillPlaceholders } from './placeholders';
import type { A4TemplateBlock } from './template-schema';
import { heightInStyle, styleNamed, useStyle } from './text-style';

type TextBlock = Extract<A4TemplateBlock, { type: 'text' }>;

export function measureTextBlock(ctx: BlockContext, block: TextBlock, widthPt: number): MeasuredBlock {
  const { doc } = ctx;
  const style = styleNamed(ctx.styles, block.style);
  const text = fillPlaceholders(block.text, ctx.values);
  const options = (): PDFKit.Mixins.TextOptions => ({
    ...useStyle(doc, style),
    // pdfkit lays out each line with the spacing after its last character too; widening the box by that
    // much keeps spaced-out text truly centred (or flush right) and the wrap width unchanged.
    width: widthPt + style.characterSpacingPt,
    align: block.align,
    indent: block.indentChars * style.sizePt,
  });
  const heightPt = heightInStyle(doc, style, text, options());
  return {
    widthPt,
    heightPt,
    draw(x, y) {
      drawTextWithFallback(doc, style.face, text, x, y, options());
    },
  };
}
