// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { MaintenanceView } from '../../maintenance/maintenance-view';
import { cardReadOutcome, openView, pinView, records, scanOutcome, STAFF_ID } from '../fixtures/maintenance-views';
import { renderApp } from '../fixtures/render-app';
import { FULL_ID_NUMBER, FULL_NAME, MASKED_ID_NUMBER, MASKED_NAME, viewsByScreen } from '../fixtures/session-views';
import { maintenancePages } from './maintenance-labels';

type OpenView = Extract<MaintenanceView, { stage: 'open' }>;

let cleanups: Array<() => void> = [];
function setup(maintenance: MaintenanceView | null) {
  const app = renderApp(viewsByScreen.staff, { maintenance });
  cleanups.push(app.cleanup);
  const sent = () => app.connection.maintenanceSent.filter((e) => e.type !== 'TOUCH');
  const open = (patch: Partial<OpenView>) => act(() => app.connection.showMaintenance({ ...openView, ...patch }));
  return { ...app, sent, open };
}
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe('the staff screen', () => {
  it('says staff are entering until the maintenance view arrives, with a way out, and no prefs bar', () => {
    const app = setup(null);
    expect(app.root().dataset.screen).toBe('staff');
    expect(app.container.querySelector('[data-maintenance="waiting"]')).not.toBeNull();
    expect(app.button('pref:language')).toBeNull();
    expect(app.container.querySelector('[data-staff-badge]')?.textContent).toBe('维护模式');
    app.tap('[data-action="maintenance:leave"]');
    expect(app.sent()).toEqual([{ type: 'LEAVE' }]);
  });

  it('is Chinese first with English beside at staff sizes whatever a citizen chose, and keeps high contrast', () => {
    const app = renderApp(
      {
        ...viewsByScreen.staff,
        prefs: { ...viewsByScreen.staff.prefs, language: 'en', elderly: true, largeText: true, highContrast: true },
      },
      { maintenance: openView },
    );
    cleanups.push(app.cleanup);
    expect(app.root().getAttribute('lang')).toBe('zh-CN');
    expect(app.root().className).toBe('kiosk high-contrast');
    expect(app.container.querySelector('h1 .bi-main')?.textContent).toBe('设备状态');
    expect(app.container.querySelector('h1 .bi-sub')?.textContent).toBe('Devices');
  });

  it('sends maintenance TOUCH, not the session’s, for every touch', () => {
    const app = setup(openView);
    act(() => void document.dispatchEvent(new Event('pointerdown')));
    expect(app.connection.maintenanceSent).toContainEqual({ type: 'TOUCH' });
    expect(app.connection.sent).toEqual([]);
  });
});

describe('the PIN keypad', () => {
  it('shows dots, never digits, and sends the PIN once on OK', () => {
    const app = setup(pinView);
    expect(app.container.querySelector('[data-maintenance="pin"]')).not.toBeNull();
    expect(app.container.querySelector(`[data-staff-id="${STAFF_ID}"]`)).not.toBeNull();
    expect(app.button('pin:ok')?.disabled).toBe(true);
    for (const digit of ['2', '4', '6', '9']) app.tap(`[data-action="pin:${digit}"]`);
    app.tap('[data-action="pin:delete"]');
    app.tap('[data-action="pin:8"]');
    const dots = app.container.querySelector<HTMLElement>('[data-pin-length]');
    expect(dots?.dataset.pinLength).toBe('4');
    expect(dots?.querySelectorAll('.pin-dot-on')).toHaveLength(4);
    expect(dots?.textContent).toBe('');
    expect(app.container.textContent).not.toContain('2468');
    app.tap('[data-action="pin:ok"]');
    expect(app.sent()).toEqual([{ type: 'PIN', pin: '2468' }]);
    expect(app.container.querySelector<HTMLElement>('[data-pin-length]')?.dataset.pinLength).toBe('0');
  });

  it('takes 4 to 12 digits: OK waits for four, a thirteenth is ignored', () => {
    const app = setup(pinView);
    for (let i = 0; i < 3; i++) app.tap('[data-action="pin:1"]');
    app.tap('[data-action="pin:ok"]');
    expect(app.sent()).toEqual([]);
    for (let i = 0; i < 10; i++) app.tap('[data-action="pin:0"]');
    expect(app.container.querySelector<HTMLElement>('[data-pin-length]')?.dataset.pinLength).toBe('12');
    app.tap('[data-action="pin:ok"]');
    expect(app.sent()).toEqual([{ type: 'PIN', pin: '111000000000' }]);
  });

  it('shows a spinner and takes no key while checking, then the wrong PIN and the attempts left', () => {
    const app = setup(pinView);
    act(() => app.connection.showMaintenance({ ...pinView, checking: true }));
    expect(app.container.querySelector('[data-pin-checking]')?.textContent).toContain('正在核对');
    expect(app.button('pin:5')?.disabled).toBe(true);
    expect(app.button('pin:ok')?.disabled).toBe(true);
    act(() => app.connection.showMaintenance({ ...pinView, wrongPin: true, attemptsLeft: 3 }));
    expect(app.container.querySelector('[data-pin-checking]')).toBeNull();
    const wrong = app.container.querySelector('[data-pin-wrong]');
    expect(wrong?.textContent).toContain('PIN 码错误');
    expect(wrong?.textContent).toContain('Wrong PIN');
    expect(wrong?.querySelector('[data-attempts-left]')?.textContent).toBe('3');
    expect(app.button('pin:5')?.disabled).toBe(false);
  });

  it('leaves from the keypad', () => {
    const app = setup(pinView);
    app.tap('[data-action="pin:1"]');
    app.tap('[data-action="maintenance:leave"]');
    expect(app.sent()).toEqual([{ type: 'LEAVE' }]);
  });
});

describe('maintenance mode, open', () => {
  it('shows the staff id, the end time (Asia/Shanghai) and every device with its state in words', () => {
    const app = setup(openView);
    expect(app.container.querySelector('[data-maintenance="open"]')).not.toBeNull();
    expect(app.container.querySelector(`[data-staff-id="${STAFF_ID}"]`)).not.toBeNull();
    expect(app.container.querySelector('[data-ends-at]')?.textContent).toContain('02:00'); // 18:00Z
    const tile = (device: string) => app.container.querySelector(`[data-device="${device}"]`);
    expect(tile('idReader')?.textContent).toContain('正常');
    expect(tile('idReader')?.textContent).toContain('ready');
    expect(tile('a4Printer')?.textContent).toContain('不可用');
    expect(tile('a4Printer')?.textContent).toContain('paperOut');
    expect(tile('receiptPrinter')?.textContent).toContain('未配置');
    const gateway = tile('gateway')?.textContent ?? '';
    for (const fact of ['closed', '-42 ms', 'TL-2026-11-29', '2026-12-01 08:00', 'tpl-3.2.0']) expect(gateway).toContain(fact);
    expect(app.container.querySelector('[data-trust-list-stale]')).toBeNull();
    expect(app.container.querySelector('[data-trust-list-test]')).toBeNull();
  });

  it('tells staff when the trust list is a test list: every paper is a specimen', () => {
    const app = setup({ ...openView, data: { ...openView.data, gateway: { ...openView.data.gateway, trustListTest: true } } });
    expect(app.container.querySelector('[data-trust-list-test]')?.textContent).toContain('打印的证明均为样本');
  });

  it('offers 离开维护 on every page, and each page shows its data', () => {
    const app = setup(openView);
    const checks: Record<string, (text: string) => void> = {
      devices: (text) => expect(text).toContain('身份证阅读器'),
      tests: (text) => expect(text).toContain('A4 测试页'),
      records: (text) => {
        expect(text).toContain('2026-11-30 14:10');
        expect(app.container.querySelectorAll('[data-record]')).toHaveLength(records.length);
      },
      errors: (text) => expect(text).toContain('PRINTER_OUT_OF_PAPER'),
      ratings: () => {
        const total = app.container.querySelector('[data-ratings-row="total"]');
        expect(total?.querySelector('[data-score="5"]')?.textContent).toBe('96');
        expect(total?.querySelector('[data-score="1"]')?.textContent).toBe('1');
        const errand = app.container.querySelector('[data-ratings-row="no-property-proof-provident-fund"]');
        expect(errand?.textContent).toContain('无房证明');
        expect(errand?.querySelector('[data-score="4"]')?.textContent).toBe('30');
      },
      service: () => expect(app.container.querySelector('[data-paper="a4Printer"] [data-used-since]')?.textContent).toContain('137'),
    };
    for (const page of maintenancePages) {
      app.tap(`[data-action="page:${page}"]`);
      expect(app.container.querySelector('[data-maintenance="open"]')?.getAttribute('data-page')).toBe(page);
      expect(app.button(`page:${page}`)?.getAttribute('aria-pressed')).toBe('true');
      checks[page]!(app.container.textContent ?? '');
      app.tap('[data-action="maintenance:leave"]');
    }
    expect(app.sent()).toEqual(maintenancePages.map(() => ({ type: 'LEAVE' })));
  });

  it('keeps the chosen page when the agent sends a new view', () => {
    const app = setup(openView);
    app.tap('[data-action="page:errors"]');
    app.open({ idleWarning: null, data: { ...openView.data, errors: [] } });
    expect(app.container.querySelector('[data-page="errors"] [data-empty]')).not.toBeNull();
  });

  it('warns in the last minute with the seconds left, and Stay sends TOUCH', () => {
    const app = setup(openView);
    expect(app.container.querySelector('[data-idle-warning]')).toBeNull();
    app.open({ idleWarning: 42 });
    const banner = app.container.querySelector('[data-idle-warning]');
    expect(banner?.textContent).toContain('42');
    expect(banner?.textContent).toContain('自动退出维护模式');
    app.connection.maintenanceSent.length = 0;
    app.tap('[data-action="maintenance:stay"]');
    expect(app.connection.maintenanceSent).toContainEqual({ type: 'TOUCH' });
  });

  it('runs each self-test from its button, and waits while one runs', () => {
    const app = setup(openView);
    app.tap('[data-action="page:tests"]');
    const tests = ['all', 'cardRead', 'scanCode', 'a4TestPage', 'testReceipt', 'gateway'] as const;
    for (const test of tests) app.tap(`[data-action="test:${test}"]`);
    expect(app.sent()).toEqual(tests.map((test) => ({ type: 'RUN_TEST', test })));
    app.open({ running: 'a4TestPage' });
    for (const test of tests) expect(app.button(`test:${test}`)?.disabled).toBe(true);
    expect(app.container.querySelector('[data-running="true"]')?.getAttribute('data-action')).toBe('test:a4TestPage');
    expect(app.container.querySelector('[data-running="true"]')?.textContent).toContain('正在进行');
  });

  it('shows a test’s records as the last outcome', () => {
    const app = setup({ ...openView, last: { kind: 'records', test: 'all', records } });
    app.tap('[data-action="page:tests"]');
    const outcome = app.container.querySelector('[data-outcome-kind="records"]');
    expect(outcome?.textContent).toContain('全部状态检测');
    expect(outcome?.querySelector('[data-record="r-0001"]')?.getAttribute('data-outcome')).toBe('failed');
    expect(outcome?.textContent).toContain('未通过');
  });

  it('shows a card read masked, and nothing else of the citizen', () => {
    const app = setup({ ...openView, last: cardReadOutcome });
    app.tap('[data-action="page:tests"]');
    const card = app.container.querySelector('[data-masked-card]');
    expect(card?.textContent).toContain(MASKED_NAME);
    expect(card?.textContent).toContain(MASKED_ID_NUMBER);
    for (const page of maintenancePages) {
      app.tap(`[data-action="page:${page}"]`);
      const html = app.container.innerHTML;
      expect(html).not.toContain(FULL_NAME);
      expect(html).not.toContain(FULL_ID_NUMBER);
      expect(html).not.toMatch(/\d{17}[\dX]/);
    }
  });

  it('shows a scanned code as length and symbology, and its text only once revealed', () => {
    const app = setup({ ...openView, last: scanOutcome });
    app.tap('[data-action="page:tests"]');
    const scanned = app.container.querySelector('[data-scanned-code]');
    expect(scanned?.textContent).toContain('24');
    expect(scanned?.textContent).toContain('QR');
    expect(app.container.querySelector('[data-revealed]')).toBeNull();
    app.tap('[data-action="maintenance:reveal"]');
    expect(app.sent()).toEqual([{ type: 'REVEAL_SCAN' }]);
    app.open({ last: { ...scanOutcome, revealed: 'MAINT-TEST-0001' } });
    expect(app.container.querySelector('[data-revealed]')?.textContent).toContain('MAINT-TEST-0001');
    expect(app.button('maintenance:reveal')).toBeNull();
  });

  it('shows a refused action with its reason', () => {
    const app = setup({ ...openView, last: { kind: 'refused', action: 'a4TestPage', reason: { zh: '打印机缺纸', en: 'Out of paper' } } });
    app.tap('[data-action="page:tests"]');
    expect(app.container.querySelector('[data-refused-action="a4TestPage"]')?.textContent).toContain('打印机缺纸');
  });
});

describe('the service page', () => {
  function onService(patch: Partial<OpenView> = {}) {
    const app = setup({ ...openView, ...patch });
    app.tap('[data-action="page:service"]');
    return app;
  }

  it('records a paper refill per printer, with the counters beside it', () => {
    const app = onService();
    expect(app.container.querySelector('[data-paper="receiptPrinter"]')?.textContent).toContain('尚未记录');
    app.tap('[data-action="maintenance:paper:a4Printer"]');
    app.tap('[data-action="maintenance:paper:receiptPrinter"]');
    expect(app.sent()).toEqual([
      { type: 'PAPER_REFILLED', printer: 'a4Printer' },
      { type: 'PAPER_REFILLED', printer: 'receiptPrinter' },
    ]);
    app.open({ last: { kind: 'paperRefilled', printer: 'a4Printer' } });
    expect(app.container.querySelector('[data-outcome-kind="paperRefilled"]')?.textContent).toContain('已记录补纸');
  });

  it('takes the kiosk out of service only after confirmation', () => {
    const app = onService();
    app.tap('[data-action="maintenance:pause"]');
    expect(app.container.querySelector('[data-confirm="pause"]')?.textContent).toContain('确定暂停');
    app.tap('[data-action="confirm:cancel"]');
    expect(app.container.querySelector('[data-confirm]')).toBeNull();
    expect(app.sent()).toEqual([]);
    app.tap('[data-action="maintenance:pause"]');
    app.tap('[data-action="confirm:ok"]');
    expect(app.sent()).toEqual([{ type: 'SET_SERVICE', outOfService: true }]);
    expect(app.container.querySelector('[data-confirm]')).toBeNull();
  });

  it('puts it back in service after confirmation', () => {
    const app = onService({ data: { ...openView.data, outOfService: true } });
    expect(app.container.querySelector('[data-out-of-service="true"]')?.textContent).toContain('已暂停服务');
    expect(app.button('maintenance:pause')).toBeNull();
    app.tap('[data-action="maintenance:resume"]');
    app.tap('[data-action="confirm:ok"]');
    expect(app.sent()).toEqual([{ type: 'SET_SERVICE', outOfService: false }]);
  });

  it('restarts after confirmation, and offers no restart where the agent cannot restart itself', () => {
    const app = onService();
    app.tap('[data-action="maintenance:restart"]');
    expect(app.container.querySelector('[data-confirm="restart"]')).not.toBeNull();
    app.tap('[data-action="confirm:ok"]');
    expect(app.sent()).toEqual([{ type: 'RESTART' }]);
    const dev = onService({ data: { ...openView.data, canRestart: false } });
    expect(dev.button('maintenance:restart')).toBeNull();
  });

  it('disables the actions while one runs and says so', () => {
    const app = onService({ running: 'service' });
    expect(app.button('maintenance:pause')?.disabled).toBe(true);
    expect(app.button('maintenance:paper:a4Printer')?.disabled).toBe(true);
    expect(app.container.querySelector('[data-running="service"]')?.textContent).toContain('正在进行');
  });
});
