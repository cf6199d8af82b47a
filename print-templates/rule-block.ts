// A horizontal line, e.g. above the footer.

import type { BlockContext, MeasuredBlock } from './measured-block';
import type { A4TemplateBlock } from './template-schema';

type RuleBlock = Extract<A4TemplateBlock, { type: 'rule' }>;

export function measureRuleBlock(ctx: BlockContext, block: RuleBlock, widthPt: number): MeasuredBlock {
  const { doc } = ctx;
  return {
    widthPt,
    heightPt: block.thicknessPt,
    draw(x, y) {
      const middle = y + block.thicknessPt / 2;
      doc
        .save()
        .lineWidth(block.thicknessPt)
        .strokeColor(block.color)
        .moveTo(x, middle)
        .lineTo(x + widthPt, middle)
        .stroke()
        .restore();
    },
  };
}
