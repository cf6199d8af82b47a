// The print job's PDF drawn onto canvases by pdf.js: the only module that imports it, loaded by the preview
// screen alone (a dynamic import), so the first screen's JavaScript stays small. Vite bundles pdf.js and its
// worker from node_modules into the UI's own assets: nothing comes from the network but the agent.
// Each document gets its own worker, ended with it, so nothing of a citizen's paper outlives the preview.
// No eval and no WebAssembly: the page's CSP allows neither, and pdf.js has plain-JavaScript paths for both.

import { getDocument, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist';
import PdfjsWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker';

export interface OpenedPdf {
  pageCount: number;
  /** Draws page `index` (from 0) `cssWidth` CSS pixels wide, sharp at the screen's pixel ratio. */
  drawPage(index: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void>;
  close(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const thread = new PdfjsWorker();
  // pdf.js's typings say `port?: null`; its code takes a Worker there.
  const worker = new PDFWorker({ port: thread as unknown as null });
  const loading = getDocument({ data: bytes, worker, isEvalSupported: false, useWasm: false, enableXfa: false });
  let pdf: PDFDocumentProxy;
  try {
    pdf = await loading.promise;
  } catch (error) {
    await loading.destroy();
    worker.destroy();
    thread.terminate();
    throw error;
  }
  return {
    pageCount: pdf.numPages,
    async drawPage(index, canvas, cssWidth) {
      const page = await pdf.getPage(index + 1);
      const scale = (cssWidth * window.devicePixelRatio) / page.getViewport({ scale: 1 }).width;
      const viewport = page.getViewport({ scale });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${cssWidth}px`;
      canvas.style.height = `${Math.floor(viewport.height / window.devicePixelRatio)}px`;
      await page.render({ canvas, viewport }).promise;
      page.cleanup();
    },
    async close() {
      await loading.destroy();
      worker.destroy();
      thread.terminate();
    },
  };
}
