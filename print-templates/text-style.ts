// Applies a template's named text style to pdfkit, the same way for measuring and for drawing, so that
// measured heights match what is printed.

import { memoForDocument } from './document-memo';
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

/** The height of `text` set in `style` with `options` (made by useStyle), measured once per document. */
export function heightInStyle(doc: PDFKit.PDFDocument, style: TextStyle, text: string, options: PDFKit.Mixins.TextOptions): number {
  return memoForDocument(doc, JSON.stringify(['height', style, text, options]), () => doc.heightOfString(text, options));
}
