// Applies a template's named text style to pdfkit, the same way for measuring and for drawing, so that
// measured heights match what is printed.

import type { TextStyle } from './template-schema';

export function styleNamed(styles: Record<string, TextStyle>, name: string): TextStyle {
  const style = styles[name];
  // The schema checks every style reference; reaching this is a bug.
  if (!style) throw new Error(`template style "${name}" is not defined`);
  return style;
}

export function useStyle(doc: PDFKit.PDFDocument, style: TextStyle): PDFKit.Mixins.TextOptions {
  doc.font(style.face).fontSize(style.sizePt).fillColor(style.color);
  return { lineGap: style.lineGapPt, characterSpacing: style.characterSpacingPt };
}
