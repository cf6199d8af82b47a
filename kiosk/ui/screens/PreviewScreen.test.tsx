// @vitest-environment happy-dom
// The preview screen: the print job's PDF drawn page by page (pdf.js stood in for here; the Chromium end-to-end
// test draws the real one), "共 2 份", the printer's warning before 打印, and a message instead of a blank.

import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskInfo, SessionView } from '../../session/session-view';
import { renderAppPerTest } from '../fixtures/render-app';
import { kioskInfoWithWindow, viewsByScreen } from '../fixtures/session-views';

const drawn: Array<{ index: number; width: number }> = [];
const pdfjs = { fails: false, drawFails: false, closed: 0 };

vi.mock('../pdf-canvas-renderer', () => ({
  openPdf: async () => {
    if (pdfjs.fails) throw new Error('not a PDF');
    return {
      pageCount: 2,
      drawPage: async (index: number, _canvas: HTMLCanvasElement, width: number) => {
        if (pdfjs.drawFails) throw new Error('cannot draw');
        drawn.push({ index, width });
      },
      close: async () => void pdfjs.closed++,
    };
  },
}));

const preview = viewsByScreen.preview;
const twoPapers: SessionView = {
  ...preview,
  preview: {
    ...preview.preview!,
    pages: 2,
    papers: [
      { title: '无房证明', certId: 'NPP-1' },
      { title: '社会保险参保证明', certId: 'SSR-2' },
    ],
  },
};
beforeEach(() => {
  drawn.length = 0;
  Object.assign(pdfjs, { fails: false, drawFails: false, closed: 0 });
  // happy-dom lays nothing out: the page column is as wide as a portrait screen's.
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1008);
});
afterEach(() => {
  vi.restoreAllMocks();
});
// After the hook above: vitest runs after-hooks last registered first, so the app goes before the mocks do.
const renderTestApp = renderAppPerTest();

async function setup(view: SessionView, kioskInfo: KioskInfo | null = null) {
  const app = renderTestApp();
  act(() => app.connection.show(view, kioskInfo));
  // The renderer loads (a dynamic import), opens the PDF, then draws.
  for (let i = 0; i < 10; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
  return app;
}

describe('the preview screen', () => {
  it('draws every page of the PDF on its own canvas, the column wide, and keeps 打印 and 取消', async () => {
    const app = await setup(preview);
    const pages = app.container.querySelector('[data-pdf-pages]');
    expect(pages?.getAttribute('data-pdf-pages')).toBe('drawn');
    const canvases = [...app.container.querySelectorAll('canvas.pdf-page')];
    expect(canvases.map((c) => c.getAttribute('aria-label'))).toEqual(['第 1 页，共 2 页', '第 2 页，共 2 页']);
    expect(drawn).toEqual([
      { index: 0, width: 1008 },
      { index: 1, width: 1008 },
    ]);
    expect(app.button('print')).not.toBeNull();
    expect(app.button('cancel')).not.toBeNull();
    // One paper: no count.
    expect(app.container.querySelector('[data-paper-count]')).toBeNull();
  });

  it.each(['elderly', 'largeText'] as const)('enlarges the pages in %s mode', async (mode) => {
    await setup({ ...preview, prefs: { ...preview.prefs, [mode]: true } });
    expect(drawn.map((d) => d.width)).toEqual([1411, 1411]);
  });

  it('says 共 2 份 / 2 papers when an errand prints several', async () => {
    const app = await setup(twoPapers);
    const count = app.container.querySelector('[data-paper-count]');
    expect(count?.getAttribute('data-paper-count')).toBe('2');
    expect(count?.textContent).toContain('共 2 份');
    expect(count?.textContent).toContain('2 papers');
    expect(count?.textContent).toContain('无房证明、社会保险参保证明');
  });

  it.each([
    ['the renderer cannot open the PDF', { fails: true }],
    ['a page cannot be drawn', { drawFails: true }],
  ])('says so plainly when %s, and 打印 stays', async (_, failure) => {
    Object.assign(pdfjs, failure);
    const app = await setup(preview);
    const message = app.container.querySelector('[data-preview-failed]');
    expect(message?.textContent).toContain('证明预览暂时无法显示');
    expect(message?.textContent).toContain('You can still tap Print');
    app.tap('[data-action="print"]');
    expect(app.connection.sent).toContainEqual({ type: 'PRINT' });
  });

  it('warns before 打印 that the printer is out of paper, in both languages, with the next steps and other places', async () => {
    const warned: SessionView = {
      ...preview,
      printerWarning: {
        problem: 'paperOut',
        title: { zh: '打印机缺纸', en: 'The printer is out of paper' },
        detail: { zh: '现在点“打印”将无法打印。', en: 'Tapping Print will not print now.' },
        nextSteps: [{ zh: '可使用附近的其他自助终端', en: 'You can use another self-service kiosk nearby' }],
      },
    };
    const app = await setup(warned, kioskInfoWithWindow);
    const warning = app.container.querySelector('[data-printer-warning="paperOut"]');
    expect(warning?.getAttribute('role')).toBe('alert');
    expect(warning?.textContent).toContain('打印机缺纸');
    expect(warning?.textContent).toContain('The printer is out of paper');
    expect(warning?.textContent).toContain('其他自助终端');
    expect(warning?.querySelector('[data-service-points]')?.textContent).toContain('市民之家综合窗口');
    // The papers are still shown.
    expect(app.container.querySelectorAll('canvas.pdf-page')).toHaveLength(2);
  });

  it('lets the document go with the screen', async () => {
    const app = await setup(preview);
    act(() => app.connection.show(viewsByScreen.printing));
    expect(app.container.querySelector('canvas')).toBeNull();
    expect(pdfjs.closed).toBe(1);
  });
});
