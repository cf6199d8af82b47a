// The print job's pages as they will print: the PDF itself drawn by pdf.js, which is loaded here, on the
// preview, and nowhere else. One canvas per page, scrolled by touch; wider in elderly and large-text modes
// (panned sideways).
// Never a blank box: a note while it loads, and a plain message if it cannot be drawn (the citizen can still
// print or go back). The canvases and the document go with the screen.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { OpenedPdf } from '../pdf-canvas-renderer';
import { pageLabel, pick, strings } from '../strings';
import { useUi } from '../ui-context';
import { Bi } from './Bi';
import { Icon } from './Icon';

/** pdf.js is loaded on first use, by this dynamic import alone. */
const openPdf = async (bytes: Uint8Array): Promise<OpenedPdf> => (await import('../pdf-canvas-renderer')).openPdf(bytes);

/** A page no wider than this reads comfortably on a landscape screen; elderly and large-text modes enlarge it. */
const MAX_PAGE_WIDTH_PX = 1400;
const ENLARGEMENT = 1.4;

type Phase = { kind: 'loading' } | { kind: 'opened'; pdf: OpenedPdf; drawn: boolean } | { kind: 'failed' };

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The pages' width in CSS pixels: the column's width (capped), maybe enlarged; measured again on rotation. */
function usePageWidth(column: { current: HTMLElement | null }, enlarged: boolean): number {
  const [columnWidth, setColumnWidth] = useState(0);
  useEffect(() => {
    const measure = () => setColumnWidth(column.current?.clientWidth ?? 0);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return Math.round(Math.min(columnWidth, MAX_PAGE_WIDTH_PX) * (enlarged ? ENLARGEMENT : 1));
}

export function PdfPages({ pdfBase64, enlarged }: { pdfBase64: string; enlarged: boolean }) {
  const { language } = useUi();
  const column = useRef<HTMLDivElement>(null);
  const width = usePageWidth(column, enlarged);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const drawing = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    let opened: OpenedPdf | null = null;
    setPhase({ kind: 'loading' });
    openPdf(bytesOf(pdfBase64)).then(
      (pdf) => {
        opened = pdf;
        if (live) setPhase({ kind: 'opened', pdf, drawn: false });
        else void pdf.close();
      },
      () => live && setPhase({ kind: 'failed' }),
    );
    return () => {
      live = false;
      void opened?.close();
    };
  }, [pdfBase64]);

  const pdf = phase.kind === 'opened' ? phase.pdf : null;
  useEffect(() => {
    if (!pdf || width === 0 || !column.current) return;
    let live = true;
    const canvases = [...column.current.querySelectorAll('canvas')];
    // One drawing at a time: pdf.js refuses a canvas that is still being drawn (a rotation while it draws).
    const draw = drawing.current
      .catch(() => undefined)
      .then(async () => {
        if (live) await Promise.all(canvases.map((canvas, index) => pdf.drawPage(index, canvas, width)));
      });
    drawing.current = draw;
    draw.then(
      () => live && setPhase({ kind: 'opened', pdf, drawn: true }),
      () => live && setPhase({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [pdf, width]);

  return (
    <div
      class={`pdf-pages${enlarged ? ' pdf-pages-enlarged' : ''}`}
      ref={column}
      tabIndex={0}
      role="region"
      aria-label={pick(strings.previewTitle, language)}
      data-pdf-pages={phase.kind === 'opened' && phase.drawn ? 'drawn' : phase.kind}
    >
      {phase.kind === 'loading' && (
        <p class="pdf-pages-note">
          <Bi text={strings.previewLoading} />
        </p>
      )}
      {phase.kind === 'failed' && (
        <p class="notice notice-warning" role="alert" data-preview-failed="true">
          <Icon name="alert" />
          <Bi text={strings.previewFailed} />
        </p>
      )}
      {pdf &&
        Array.from({ length: pdf.pageCount }, (_, index) => (
          <canvas
            key={index}
            class="pdf-page"
            role="img"
            aria-label={pick(pageLabel(index + 1, pdf.pageCount), language)}
            data-page={index + 1}
          />
        ))}
    </div>
  );
}
