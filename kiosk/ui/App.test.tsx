// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { ScreenName, SessionView } from '../session/session-view';
import {
  allScreens,
  baseView,
  FULL_ID_NUMBER,
  FULL_NAME,
  kioskInfoWithWindow,
  MASKED_ID_NUMBER,
  MASKED_NAME,
  viewsByScreen,
} from './fixtures/session-views';
import { renderApp } from './fixtures/render-app';

const PREFS = ['pref:language', 'pref:elderly', 'pref:largeText', 'pref:highContrast', 'pref:mute', 'repeat'];

/** The action buttons each fixture screen must offer (beyond the prefs bar). */
const EXPECTED: Record<ScreenName, string[]> = {
  home: ['errand:no-property-proof-provident-fund', 'errand:renter-provident-fund-withdrawal', 'errand:residence-proof', 'check-paper'],
  requirements: ['start', 'cancel'],
  placeCard: ['cancel', 'use-app-code'],
  consent: ['consent', 'cancel'],
  appCode: ['cancel'],
  confirmIdentity: ['is-me', 'not-me'],
  fetching: ['cancel'],
  partial: ['print-issued', 'stop'],
  preview: ['print', 'cancel'],
  printing: [],
  takeItems: [],
  rating: ['rate:1', 'rate:2', 'rate:3', 'rate:4', 'rate:5', 'skip-rating'],
  thanks: ['home'],
  failed: ['retry', 'cancel'],
  takeCard: [],
  staff: ['maintenance:leave'],
  outOfService: [],
  checkScan: ['cancel'],
  checkResult: ['check-another', 'home'],
};

/** The session takes no citizen event on these screens, so they have no prefs bar. */
const NO_PREFS: ScreenName[] = ['staff', 'outOfService'];

let cleanups: Array<() => void> = [];
function setup(view?: SessionView) {
  const app = renderApp(view);
  cleanups.push(app.cleanup);
  return app;
}
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe('App', () => {
  it('shows "connecting" before the first view and out-of-service when the agent is down', () => {
    const app = setup();
    expect(app.root().dataset.screen).toBe('connecting');
    act(() => app.connection.down());
    expect(app.root().dataset.screen).toBe('out-of-service');
    expect(app.container.textContent).toContain('暂停服务');
    expect(app.container.textContent).toContain('Temporarily out of service');
    expect(app.container.querySelectorAll('[data-action]')).toHaveLength(0);
  });

  it.each(allScreens)('renders %s with its data-screen and buttons', (screen) => {
    const app = setup(viewsByScreen[screen]);
    expect(app.root().dataset.screen).toBe(screen);
    const prefs = NO_PREFS.includes(screen) ? [] : PREFS;
    for (const action of [...EXPECTED[screen], ...prefs]) {
      expect(app.button(action), action).not.toBeNull();
    }
    if (NO_PREFS.includes(screen)) for (const action of PREFS) expect(app.button(action), action).toBeNull();
  });

  it('sends each screen’s event from its button', () => {
    const cases: Array<[ScreenName, string, unknown]> = [
      ['home', 'errand:no-property-proof-provident-fund', { type: 'SELECT_ERRAND', errandId: 'no-property-proof-provident-fund' }],
      ['requirements', 'start', { type: 'START' }],
      ['consent', 'consent', { type: 'CONSENT' }],
      ['placeCard', 'use-app-code', { type: 'USE_APP_CODE' }],
      ['confirmIdentity', 'is-me', { type: 'IS_ME' }],
      ['confirmIdentity', 'not-me', { type: 'NOT_ME' }],
      ['preview', 'print', { type: 'PRINT' }],
      ['partial', 'print-issued', { type: 'PRINT_ISSUED' }],
      ['partial', 'stop', { type: 'CANCEL' }],
      ['fetching', 'cancel', { type: 'CANCEL' }],
      ['failed', 'retry', { type: 'RETRY' }],
      ['failed', 'cancel', { type: 'CANCEL' }],
      ['thanks', 'home', { type: 'HOME' }],
      ['rating', 'skip-rating', { type: 'SKIP_RATING' }],
      ['home', 'check-paper', { type: 'CHECK_PAPER' }],
      ['checkScan', 'cancel', { type: 'CANCEL' }],
      ['checkResult', 'check-another', { type: 'CHECK_PAPER' }],
      ['checkResult', 'home', { type: 'HOME' }],
      ['home', 'pref:elderly', { type: 'SET_PREFS', prefs: { elderly: true } }],
      ['home', 'pref:language', { type: 'SET_PREFS', prefs: { language: 'en' } }],
      ['home', 'pref:mute', { type: 'SET_PREFS', prefs: { muted: true } }],
    ];
    for (const [screen, action, event] of cases) {
      const app = setup(viewsByScreen[screen]);
      app.tap(`[data-action="${action}"]`);
      expect(app.connection.sent, `${screen} ${action}`).toContainEqual(event);
    }
  });

  it('does not let an unavailable errand be chosen, and says why in words', () => {
    const app = setup(viewsByScreen.home);
    const tile = app.button('errand:residence-proof');
    expect(tile?.disabled).toBe(true);
    expect(tile?.textContent).toContain('系统维护中');
    app.tap('[data-action="errand:residence-proof"]');
    expect(app.connection.sent.filter((e) => e.type === 'SELECT_ERRAND')).toHaveLength(0);
  });

  it('hides cancel once the print job is with the printer', () => {
    const app = setup({ ...viewsByScreen.printing, canCancel: false });
    expect(app.button('cancel')).toBeNull();
  });

  it('marks the failure code and whose fault it is', () => {
    const app = setup(viewsByScreen.failed);
    const failed = app.container.querySelector('[data-failure]');
    expect(failed?.getAttribute('data-failure')).toBe('GATEWAY_UNAVAILABLE');
    // The data-sharing service's failure is badged as its own, never as this kiosk's.
    expect(app.container.querySelector('[data-fault]')?.getAttribute('data-fault')).toBe('service');
    expect(app.container.textContent).toContain('数据共享平台或部门的故障，不是您的问题');
    expect(app.container.textContent).not.toContain('本机设备故障');
    expect(app.container.textContent).toContain('前往一楼综合服务窗口办理');
  });

  it('badges a device fault as this kiosk’s, and the same fault after 重试 as still there', () => {
    const view = viewsByScreen.failed;
    const failure = {
      ...view.failure!,
      code: 'PRINTER_OUT_OF_PAPER',
      fault: 'kiosk' as const,
      title: { zh: '打印机仍缺纸，请联系工作人员', en: 'The printer is still out of paper; please ask staff' },
      repeated: true,
    };
    const app = setup({ ...view, failure });
    expect(app.container.querySelector('[data-fault]')?.getAttribute('data-fault')).toBe('kiosk');
    expect(app.container.textContent).toContain('本机设备故障，不是您的问题');
    expect(app.container.querySelector('[data-repeated]')?.getAttribute('data-repeated')).toBe('true');
    expect(app.container.querySelector('h1')?.textContent).toContain('打印机仍缺纸，请联系工作人员');
  });

  it('offers no retry when the failure cannot be retried', () => {
    const view = viewsByScreen.failed;
    const app = setup({ ...view, failure: { ...view.failure!, canRetry: false } });
    expect(app.button('retry')).toBeNull();
    expect(app.button('cancel')).not.toBeNull();
  });

  it('puts the elderly, large-text and high-contrast classes on the root', () => {
    const app = setup({ ...baseView, prefs: { ...baseView.prefs, elderly: true, largeText: true, highContrast: true } });
    expect(app.root().classList.contains('elderly')).toBe(true);
    expect(app.root().classList.contains('large-text')).toBe(true);
    expect(app.root().classList.contains('high-contrast')).toBe(true);
    expect(app.button('pref:elderly')?.getAttribute('aria-pressed')).toBe('true');
    const plain = setup(baseView);
    expect(plain.root().classList.contains('elderly')).toBe(false);
  });

  it('shows English first when the language is English', () => {
    const app = setup({ ...viewsByScreen.requirements, prefs: { ...baseView.prefs, language: 'en' } });
    expect(app.root().getAttribute('lang')).toBe('en');
    expect(app.container.querySelector('h1 .bi-main')?.textContent).toBe('No-property proof (provident-fund withdrawal)');
    expect(app.button('start')?.querySelector('.bi-main')?.textContent).toBe('Start');
  });

  it('shows only the masked holder outside the preview, the full values only on it, in the paper drawn (the name also on 是您本人吗)', () => {
    for (const screen of allScreens) {
      const view = viewsByScreen[screen];
      const app = setup(view);
      const text = app.container.textContent ?? '';
      // The full values reach the screen only as the print job's PDF, drawn on the preview (never as page text).
      expect(app.container.querySelector('[data-pdf-pages]') !== null, screen).toBe(screen === 'preview');
      expect(text, screen).not.toContain(FULL_ID_NUMBER);
      if (screen === 'confirmIdentity') {
        // Whom the app code named (issue 10): the name in full for the citizen to recognise, the number masked.
        expect(text).toContain(FULL_NAME);
        expect(text).toContain(MASKED_ID_NUMBER);
      } else {
        expect(text, screen).not.toContain(FULL_NAME);
      }
      if (screen === 'consent' || screen === 'fetching') {
        expect(text).toContain(MASKED_NAME);
        expect(text).toContain(MASKED_ID_NUMBER);
      }
    }
  });

  it('forgets the view, and the citizen on it, when the agent goes away', () => {
    const app = setup(viewsByScreen.preview);
    expect(app.container.querySelector('[data-pdf-pages]')).not.toBeNull();
    act(() => app.connection.down());
    expect(app.container.querySelector('[data-pdf-pages]')).toBeNull();
    expect(app.container.querySelector('canvas')).toBeNull();
    expect(app.container.textContent).not.toContain(FULL_NAME);
    expect(app.container.textContent).not.toContain(MASKED_NAME);
  });

  it('shows the card problem on placeCard', () => {
    const app = setup(viewsByScreen.placeCard);
    expect(app.container.querySelector('[data-card-problem]')?.textContent).toContain('没有读到身份证');
  });

  it('explains a paper-out stall and a paper left in the tray', () => {
    const stalled = setup({ ...viewsByScreen.printing, printStage: 'waitingForPaper' });
    expect(stalled.container.textContent).toContain('已通知工作人员');
    const take = setup(viewsByScreen.takeItems);
    expect(take.container.textContent).toContain('请取走您的证明和身份证');
    expect(take.container.querySelector('[data-paper-waiting]')).not.toBeNull();
    const card = setup(viewsByScreen.takeCard);
    expect(card.container.textContent).toContain('请取走您的身份证');
  });

  it('sends a rating with the chosen reason tags', () => {
    const app = setup(viewsByScreen.rating);
    app.tap('[data-tag="办理快捷"]');
    app.tap('[data-tag="操作简单"]');
    app.tap('[data-tag="操作简单"]');
    app.tap('[data-action="rate:5"]');
    expect(app.connection.sent).toContainEqual({ type: 'RATE', score: 5, tags: ['办理快捷'] });
    expect(app.container.textContent).toContain('非常不满意');
  });

  it('shows the countdown with Continue, and says the session is ending when it cannot be extended', () => {
    const app = setup({ ...viewsByScreen.consent, countdown: { secondsLeft: 27, canExtend: true } });
    expect(app.container.querySelector('[data-countdown]')?.textContent).toContain('27');
    app.tap('[data-action="continue"]');
    expect(app.connection.sent).toContainEqual({ type: 'CONTINUE' });
    act(() => app.connection.show({ ...viewsByScreen.consent, countdown: { secondsLeft: 5, canExtend: false } }));
    expect(app.button('continue')).toBeNull();
    expect(app.container.querySelector('[data-session-ending]')?.textContent).toContain('办理即将结束');
  });

  it('speaks the screen prompt and the countdown start, and nothing when muted', () => {
    const app = setup(viewsByScreen.requirements);
    expect(app.speaker.said.at(-1)).toContain('开始办理');
    act(() => app.connection.show({ ...viewsByScreen.requirements, countdown: { secondsLeft: 30, canExtend: true } }));
    expect(app.speaker.said.at(-1)).toContain('30秒');
    const muted = setup({ ...viewsByScreen.consent, prefs: { ...baseView.prefs, muted: true } });
    expect(muted.speaker.said).toHaveLength(0);
    muted.tap('[data-action="repeat"]');
    expect(muted.speaker.said).toHaveLength(1);
  });

  it('reports touches to the agent at most once every 2 s', () => {
    const app = setup(viewsByScreen.consent);
    for (let i = 0; i < 5; i++) act(() => void document.dispatchEvent(new Event('pointerdown')));
    expect(app.connection.sent.filter((e) => e.type === 'TOUCH')).toHaveLength(1);
  });

  it('plays the attract animation over home after a minute without a touch, and any touch clears it', () => {
    vi.useFakeTimers();
    try {
      const app = setup(viewsByScreen.home);
      expect(app.container.querySelector('[data-attract]')).toBeNull();
      act(() => void vi.advanceTimersByTime(60_000));
      const attract = app.container.querySelector('[data-attract]');
      expect(attract).not.toBeNull();
      act(() => void attract!.dispatchEvent(new Event('pointerdown', { bubbles: true })));
      expect(app.container.querySelector('[data-attract]')).toBeNull();
      expect(app.connection.sent.filter((e) => e.type === 'SELECT_ERRAND')).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a failure screen names the kiosk's nearby service points, with place and hours, as a next step", () => {
    const app = setup();
    const info = kioskInfoWithWindow;
    act(() => app.connection.show(viewsByScreen.failed, { ...info, servicePoints: [] }));
    expect(app.container.querySelector('[data-service-points]')).toBeNull();
    act(() => app.connection.show(viewsByScreen.failed, info));
    const points = app.container.querySelector('[data-service-points]');
    expect(points?.textContent).toContain('市民之家综合窗口');
    expect(points?.textContent).toContain('市民之家一楼');
    expect(points?.textContent).toContain('周一至周五 9:00–17:00');
    expect(points?.querySelector('[data-service-point="window"]')).not.toBeNull();
  });
});

describe('回首页 / Home in the header', () => {
  it('is a real button, labelled in words, that asks first mid-errand and goes home only when confirmed', () => {
    const app = setup(viewsByScreen.consent);
    const home = app.button('header-home');
    expect(home?.textContent).toContain('回首页');
    app.tap('[data-action="header-home"]');
    expect(app.connection.sent.filter((e) => e.type === 'HOME')).toHaveLength(0);
    expect(app.container.querySelector('[data-confirm="header-home"]')?.textContent).toContain('结束本次办理');
    app.tap('[data-action="confirm:cancel"]');
    expect(app.container.querySelector('[data-confirm]')).toBeNull();
    expect(app.connection.sent.filter((e) => e.type === 'HOME')).toHaveLength(0);
    app.tap('[data-action="header-home"]');
    app.tap('[data-action="confirm:ok"]');
    expect(app.connection.sent).toContainEqual({ type: 'HOME' });
  });

  it('says Home in English', () => {
    const app = setup({ ...viewsByScreen.preview, prefs: { ...viewsByScreen.preview.prefs, language: 'en' } });
    expect(app.button('header-home')?.textContent).toContain('Home');
  });

  it.each(['checkScan', 'checkResult', 'thanks', 'failed'] as const)('goes home at once from %s (no errand to lose)', (screen) => {
    const app = setup({ ...viewsByScreen[screen], canCancel: screen === 'thanks' || screen === 'failed' });
    app.tap('[data-action="header-home"]');
    expect(app.container.querySelector('[data-confirm]')).toBeNull();
    expect(app.connection.sent).toContainEqual({ type: 'HOME' });
  });

  it('is not drawn where going home is not possible, and nothing else in the header looks like it', () => {
    for (const view of [viewsByScreen.home, { ...viewsByScreen.printing, canCancel: false }, viewsByScreen.takeCard]) {
      const app = setup(view);
      expect(app.button('header-home'), view.screen).toBeNull();
      expect(app.container.querySelector('.topbar .brand-mark'), view.screen).toBeNull();
    }
  });
});
