// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../session/session-view';
import { renderAppPerTest } from '../fixtures/render-app';
import { MASKED_NAME, partialErrand, viewsByScreen } from '../fixtures/session-views';
import { screenPrompt } from '../prompts';

const renderTestApp = renderAppPerTest();
function setup(view: SessionView) {
  const app = renderTestApp(view);
  return app;
}

describe('a partial 一件事', () => {
  it('names what was issued and what not, why, and where to get it, in both languages', () => {
    const app = setup(viewsByScreen.partial);
    const text = app.container.textContent ?? '';
    for (const words of ['部分证明未能出具', 'Not every certificate could be issued', '社会保险参保证明', 'Social-security record']) {
      expect(text).toContain(words);
    }
    const missing = app.container.querySelector('[data-missing="No-property proof"]')?.textContent ?? '';
    expect(missing).toContain('未出具：无房证明');
    expect(missing).toContain('Not issued: No-property proof');
    expect(missing).toContain('名下有登记住房');
    expect(missing).toContain('不动产登记窗口');
    expect(app.button('print-issued')?.textContent).toContain('打印已出具的 1 份');
    expect(app.button('print-issued')?.textContent).toContain('Print the 1 issued');
    expect(app.button('stop')?.textContent).toContain('不打印，结束');
    expect(app.button('stop')?.textContent).toContain('Stop');
  });

  it('speaks the missing certificate and its reason, never the citizen', () => {
    const said = screenPrompt(viewsByScreen.partial, 'zh');
    expect(said).toContain('未出具：无房证明');
    expect(said).toContain('名下有登记住房');
    expect(said).not.toContain(MASKED_NAME);
    expect(screenPrompt(viewsByScreen.partial, 'en')).toContain('Not issued: No-property proof');
  });

  it('the preview that follows offers a way back to the choice; an ordinary preview does not', () => {
    const app = setup({ ...viewsByScreen.preview, partial: partialErrand });
    app.tap('[data-action="back"]');
    expect(app.connection.sent).toContainEqual({ type: 'BACK' });
    // The preview is the print job's PDF, drawn: the missing certificate is named beside it.
    expect(app.container.querySelector('[data-pdf-pages]')).not.toBeNull();
    expect(setup(viewsByScreen.preview).button('back')).toBeNull();
  });

  it('the take-items screen names the missing certificate and where to get it', () => {
    const app = setup({ ...viewsByScreen.takeItems, partial: partialErrand });
    expect(app.container.querySelector('[data-missing="No-property proof"]')?.textContent).toContain('不动产登记窗口');
  });
});
