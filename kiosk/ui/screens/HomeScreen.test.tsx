// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { KioskInfo } from '../../session/session-view';
import { renderAppPerTest } from '../fixtures/render-app';
import { errandTiles, homeKioskDownView, servicePoints, viewsByScreen } from '../fixtures/session-views';
import { screenPrompt } from '../prompts';

const info: KioskInfo = { kioskId: 'HZ-XH-0042', devPanel: false, testCards: [], servicePoints };

const renderTestApp = renderAppPerTest();

function setup(view = homeKioskDownView, kiosk = info) {
  const app = renderTestApp();
  act(() => app.connection.show(view, kiosk));
  return app;
}

describe('home while a part the errands need is down (the printer out of paper)', () => {
  it('shows one notice at the top, in both languages, naming what is down and the errands that wait', () => {
    const app = setup();
    const notices = app.container.querySelectorAll('[data-kiosk-notice]');
    expect(notices).toHaveLength(1);
    const notice = notices[0]!;
    // At the top: before any tile.
    const body = app.container.querySelector('.screen-body')!;
    expect(body.firstElementChild).toBe(notice);
    const text = notice.textContent ?? '';
    expect(text).toContain('打印机缺纸');
    expect(text).toContain('The printer is out of paper');
    expect(text).toContain('本机暂时不能办理证明');
    expect(text).toContain('This kiosk cannot issue papers right now');
    for (const tile of errandTiles) expect(text).toContain(tile.name.zh);
  });

  it('gives the next steps: checking a paper here, the government app, and the service points with places and hours', () => {
    const app = setup();
    const notice = app.container.querySelector('[data-kiosk-notice]')!;
    expect(notice.querySelector('[data-next-step="check-paper"]')?.textContent).toContain('核验证明');
    // Checking a paper still works, and is offered in the notice itself, one tap away.
    notice.querySelector<HTMLButtonElement>('[data-next-step="check-paper"] [data-action="check-paper"]')?.click();
    expect(app.connection.sent).toContainEqual({ type: 'CHECK_PAPER' });
    expect(notice.querySelector('[data-next-step="app"]')?.textContent).toContain('浙里办');
    const points = notice.querySelector('[data-service-points]');
    for (const point of servicePoints) {
      expect(points?.textContent).toContain(point.name.zh);
      expect(points?.textContent).toContain(point.place.zh);
      expect(points?.textContent).toContain(point.hours.zh);
    }
  });

  it('asks staff on site when the configuration names no service point', () => {
    const app = setup(homeKioskDownView, { ...info, servicePoints: [] });
    expect(app.container.querySelector('[data-next-step="staff"]')?.textContent).toContain('工作人员');
  });

  it('draws no greyed tile wall: the waiting errands are named in the notice, and what still works stays a live tile', () => {
    const app = setup();
    expect(app.container.querySelectorAll('.tile-unavailable')).toHaveLength(0);
    expect(app.container.querySelectorAll('button[disabled]')).toHaveLength(0);
    for (const tile of errandTiles) expect(app.button(`errand:${tile.id}`)).toBeNull();
    const check = app.container.querySelector<HTMLButtonElement>('.tiles [data-action="check-paper"]');
    expect(check?.disabled).toBe(false);
    app.tap('.tiles [data-action="check-paper"]');
    expect(app.connection.sent).toContainEqual({ type: 'CHECK_PAPER' });
  });

  it('says what is down and what to do aloud', () => {
    const zh = screenPrompt(homeKioskDownView, 'zh');
    expect(zh).toContain('打印机缺纸');
    expect(zh).toContain('核验证明');
    expect(zh).toContain('浙里办');
    expect(zh).not.toMatch(/[。.][。.]/);
    expect(screenPrompt(homeKioskDownView, 'en')).toContain('The printer is out of paper');
  });

  it('shows no notice while every part works', () => {
    const app = setup(viewsByScreen.home);
    expect(app.container.querySelector('[data-kiosk-notice]')).toBeNull();
  });
});
