// A template block sized for one certificate, ready to be drawn wherever the page layout puts it.
// Measuring before drawing lets the layout place rows side by side and from the bottom up, and refuse a
// page that would overflow before anything is drawn.

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
  /** The page's placeholder values, page numbers included. */
  values: Readonly<Record<string, string>>;
  /** The KQ1 seal; only a certificate has one, and only a certificate template may hold a seal block. */
  seal: string | undefined;
  /** The bundle's PNG images by path; a template reaches no other file. */
  images: ReadonlyMap<string, Uint8Array>;
}
