// The certificate's fields as a ruled two-column table: label | value. Rows grow to fit long values.

import { drawTextWithFallback } from './font-fallback';
import type { BlockContext, MeasuredBlock } from './measured-block';
import { ptFromMm } from './pdf-units';
import type { A4TemplateBlock } from './template-schema';
import { heightInStyle, styleNamed, useStyle } from './text-style';

type FieldsBlock = Extract<A4TemplateBlock, { type: 'fields' }>;
type Fields = ReadonlyArray<{ label: string; value: string }>;

export function measureFieldsTable(ctx: BlockContext, block: FieldsBlock, fields: Fields, widthPt: number): MeasuredBlock {
  const { doc } = ctx;
  const labelStyle = styleNamed(ctx.styles, block.labelStyle);
  const valueStyle = styleNamed(ctx.styles, block.valueStyle);
  const pad = ptFromMm(block.cellPaddingMm);
  const labelWidth = ptFromMm(block.labelWidthMm);
  const valueWidth = widthPt - labelWidth;
  const labelOptions = () => ({ ...useStyle(doc, labelStyle), width: labelWidth - 2 * pad });
  const valueOptions = () => ({ ...useStyle(doc, valueStyle), width: valueWidth - 2 * pad });

  const rowHeights = fields.map((field) => {
    const label = heightInStyle(doc, labelStyle, field.label, labelOptions());
    const value = heightInStyle(doc, valueStyle, field.value, valueOptions());
    return Math.max(label, value) + 2 * pad;
  });
  const heightPt = rowHeights.reduce((sum, h) => sum + h, 0);

  return {
    widthPt,
    heightPt,
    draw(x, y) {
      if (fields.length === 0) return;
      let rowTop = y;
      fields.forEach((field, i) => {
        const rowHeight = rowHeights[i] ?? 0;
        if (block.labelFill) doc.save().rect(x, rowTop, labelWidth, rowHeight).fill(block.labelFill).restore();
        drawTextWithFallback(doc, labelStyle.face, field.label, x + pad, rowTop + pad, labelOptions());
        drawTextWithFallback(doc, valueStyle.face, field.value, x + labelWidth + pad, rowTop + pad, valueOptions());
        rowTop += rowHeight;
      });
      if (block.borderPt > 0) {
        doc.save().lineWidth(block.borderPt).strokeColor(block.borderColor);
        doc.rect(x, y, widthPt, heightPt).stroke();
        doc
          .moveTo(x + labelWidth, y)
          .lineTo(x + labelWidth, y + heightPt)
          .stroke();
        let lineY = y;
        for (const rowHeight of rowHeights.slice(0, -1)) {
          lineY += rowHeight;
          doc
            .moveTo(x, lineY)
            .lineTo(x + widthPt, lineY)
            .stroke();
        }
        doc.restore();
      }
    },
  };
}
