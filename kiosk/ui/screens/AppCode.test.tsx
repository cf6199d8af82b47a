// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { SessionView } from '../../session/session-view';
import { baseView, FULL_ID_NUMBER, FULL_NAME, MASKED_ID_NUMBER, viewsByScreen } from '../fixtures/session-views';
import { renderApp } from '../fixtures/render-app';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
  vi.useRealTimers();
});

function setup(view: SessionView) {
  const app = renderApp(view);
  cleanups.push(app.cleanup);
  return app;
}

const appCode = viewsByScreen.appCode;
const challenge = appCode.appChallenge!;

describe('the app-code screen', () => {
  it('draws the challenge QR large with its quiet zone, the three steps and where the scanner is', () => {
    const app = setup(appCode);
    const svg = app.container.querySelector('[data-app-qr]')!;
    expect(svg.getAttribute('viewBox')).toBe(`-4 -4 ${challenge.qr.size + 8} ${challenge.qr.size + 8}`);
    expect(svg.querySelector('path')?.getAttribute('d')).toBe(challenge.qr.path);
    const text = app.container.textContent ?? '';
    expect(text).toContain('浙里办');
    expect(text).toContain('确认');
    expect(app.container.querySelectorAll('.app-code-steps li')).toHaveLength(3);
    expect(app.container.querySelector('[data-scanner-where]')?.textContent).toContain('扫码窗口在屏幕正下方');
    expect(app.container.querySelector('[data-seconds-left]')?.getAttribute('data-seconds-left')).toBe('120');
    // Spoken: the steps and the scanner's place.
    expect(app.speaker.said.at(-1)).toContain('打开浙里办');
    expect(app.speaker.said.at(-1)).toContain('扫码窗口在屏幕正下方');
  });

  it('counts the challenge down', () => {
    vi.useFakeTimers();
    const app = setup(appCode);
    act(() => void vi.advanceTimersByTime(5_000));
    expect(app.container.querySelector('[data-seconds-left]')?.getAttribute('data-seconds-left')).toBe('115');
  });

  it('says a scan was no app code, in both languages, as an alert', () => {
    const app = setup({ ...appCode, appChallenge: { ...challenge, problem: 'notAppCode' } });
    const notice = app.container.querySelector('[data-app-code-problem="notAppCode"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain('不是浙里办亮证码');
    expect(notice?.textContent).toContain('not a Zheliban app code');
  });

  it('shows an expired challenge with no QR and offers a new one; the way back stays', () => {
    const app = setup({ ...appCode, appChallenge: { ...challenge, expired: true } });
    expect(app.container.querySelector('[data-app-qr]')).toBeNull();
    expect(app.container.querySelector('[data-app-qr-expired]')?.textContent).toContain('二维码已过期');
    app.tap('[data-action="renew-challenge"]');
    expect(app.connection.sent.at(-1)).toEqual({ type: 'RENEW_CHALLENGE' });
    app.tap('[data-action="cancel"]');
    expect(app.connection.sent.some((event) => event.type === 'CANCEL' || event.type === 'HOME')).toBe(true);
  });
});

describe('是您本人吗？', () => {
  it('shows the name in full and the number masked, never speaks them, and sends the answer', () => {
    const app = setup(viewsByScreen.confirmIdentity);
    const named = app.container.querySelector('[data-named-holder]')!;
    expect(named.textContent).toContain(FULL_NAME);
    expect(named.textContent).toContain(MASKED_ID_NUMBER);
    expect(app.container.textContent).not.toContain(FULL_ID_NUMBER);
    expect(app.container.textContent).toContain('是您本人吗？');
    expect(app.container.textContent).toContain('Is this you?');
    for (const said of app.speaker.said) {
      expect(said).not.toContain(FULL_NAME);
      expect(said).not.toContain(MASKED_ID_NUMBER);
    }
    app.tap('[data-action="not-me"]');
    expect(app.connection.sent.at(-1)).toEqual({ type: 'NOT_ME' });
    act(() => app.connection.show(baseView));
    expect(app.container.textContent).not.toContain(FULL_NAME);
  });
});

describe('the place-card screen', () => {
  it('offers the app code beside the card', () => {
    const app = setup(viewsByScreen.placeCard);
    expect(app.button('use-app-code')?.textContent).toContain('用浙里办亮证码');
    expect(app.button('use-app-code')?.textContent).toContain('Use the app code');
  });
});
