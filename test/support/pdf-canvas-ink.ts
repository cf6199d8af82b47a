// What the preview screen drew: for each page canvas, its width on screen and the share of its pixels that carry
// ink (dark), read back from the canvas in the browser. A blank or failed drawing has none.

import type { Page } from 'playwright-core';

export interface DrawnPage {
  cssWidth: number;
  inked: number;
}

export function pdfCanvasInk(page: Page): Promise<DrawnPage[]> {
  // A string, not a function: the tests compile without the DOM's types.
  return page.evaluate(`[...document.querySelectorAll('canvas.pdf-page')].map((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] < 384) dark++;
    return { cssWidth: canvas.getBoundingClientRect().width, inked: dark / Math.max(1, canvas.width * canvas.height) };
  })`);
}

/** Waits until the preview's pages are drawn at `cssWidth` (they are drawn again on rotation and in elderly mode). */
export async function waitForPdfPages(page: Page, cssWidth: number): Promise<DrawnPage[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const drawn = (await page.locator('[data-pdf-pages="drawn"]').count()) > 0;
    const pages = drawn ? await pdfCanvasInk(page) : [];
    if (pages.length > 0 && pages.every((p) => Math.abs(p.cssWidth - cssWidth) < 2 && p.inked > 0)) return pages;
    if (Date.now() > deadline) throw new Error(`the preview's pages were not drawn ${cssWidth} px wide: ${JSON.stringify(pages)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
