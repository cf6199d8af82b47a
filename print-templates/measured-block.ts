// A template block sized for one certificate, ready to be drawn wherever the page layout puts it.
// Measuring before drawing lets the layout place rows side by side and from the bottom up, and refuse a
// page that would overflow before anything is drawn.

import type { PlaceholderValues } from './placeholders';
import type { A4Template } from './template-schema';

export interface MeasuredBlock {
  widthPt: number;
  heightPt: number;
  /** Draws the block with its top-left corner at (x, y), in points from the page's top-left. */
  draw(x: number, y: number): void;
}

/** Everything a block needs to measure and draw itself for one certificate. */
export interface BlockContext {
  doc: PDFKit.PDFDocument;
  styles: A4Template['styles'];
  values: PlaceholderValues;
  seal: string;
}
