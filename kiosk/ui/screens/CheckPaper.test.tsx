// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../session/session-view';
import { renderAppPerTest } from '../fixtures/render-app';
import { baseView, SEAL_HOLDER_NAME, viewsByScreen } from '../fixtures/session-views';
import { screenPrompt } from '../prompts';

const renderTestApp = renderAppPerTest();
function setup(view: SessionView) {
  const app = renderTestApp(view);
  return app;
}

const valid = viewsByScreen.checkResult;

describe('核验证明 / Check a paper', () => {
  it('offers the check on home even when every errand is unavailable (no gateway, no printer)', () => {
    const app = setup({ ...baseView, errands: baseView.errands.map((e) => ({ ...e, available: false })) });
    const tile = app.button('check-paper');
    expect(tile?.disabled).toBe(false);
    app.tap('[data-action="check-paper"]');
    expect(app.connection.sent).toContainEqual({ type: 'CHECK_PAPER' });
  });

  it('says and draws where the scanner is', () => {
    const app = setup(viewsByScreen.checkScan);
    expect(app.container.textContent).toContain('扫码窗口在屏幕下方');
    expect(app.container.querySelector('.card-animation .reader')).not.toBeNull();
    expect(screenPrompt(viewsByScreen.checkScan, 'zh')).toContain('扫码窗口在屏幕下方');
    expect(screenPrompt(viewsByScreen.checkScan, 'en')).toContain('below the screen');
  });

  it('shows a valid paper in green with its claims as the seal carries them', () => {
    const app = setup(valid);
    const verdict = app.container.querySelector<HTMLElement>('[data-verdict]');
    expect(verdict?.dataset.verdict).toBe('valid');
    expect(verdict?.classList.contains('check-verdict-good')).toBe(true);
    const claim = (key: string) => app.container.querySelector(`[data-claim="${key}"] dd`)?.textContent;
    expect(claim('holder')).toBe(SEAL_HOLDER_NAME);
    expect(claim('idNumber')).toBe('110101********0016');
    expect(claim('type')).toBe('无房证明');
    expect(claim('issuer')).toBe('杭州市不动产登记服务中心');
    expect(claim('validUntil')).toBe('2025-04-13');
    expect(app.container.textContent).toContain('地区');
  });

  it('never speaks the claims, only the verdict', () => {
    const prompt = screenPrompt(valid, 'zh');
    expect(prompt).toContain('有效');
    expect(prompt).not.toContain(SEAL_HOLDER_NAME);
    expect(prompt).not.toContain('0016');
  });

  it.each([
    ['test-issuer', '测试签发机构'],
    ['cannot-confirm', '无法确认'],
  ] as const)('shows %s in red, never as valid, with the claims', (verdict, words) => {
    const check = valid.paperCheck!;
    const verdictText = { zh: words, en: verdict };
    const app = setup({ ...valid, paperCheck: { ...check, verdict, verdictText } });
    const shown = app.container.querySelector<HTMLElement>('[data-verdict]');
    expect(shown?.classList.contains('check-verdict-bad')).toBe(true);
    expect(shown?.textContent).toContain(words);
    expect(app.container.querySelector('[data-claim="holder"]')).not.toBeNull();
  });

  it('shows an invalid paper with its reason and no claims', () => {
    const app = setup({
      ...valid,
      paperCheck: { verdict: 'invalid', verdictText: { zh: '签名无效', en: 'signature invalid' }, claims: null },
    });
    const shown = app.container.querySelector<HTMLElement>('[data-verdict]');
    expect(shown?.classList.contains('check-verdict-bad')).toBe(true);
    expect(shown?.textContent).toContain('签名无效');
    expect(app.container.querySelector('[data-claim]')).toBeNull();
    expect(app.container.textContent).not.toContain(SEAL_HOLDER_NAME);
  });
});
