// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { CodeRefusal } from '../../maintenance/maintenance-view';
import { openView } from '../fixtures/maintenance-views';
import { renderApp } from '../fixtures/render-app';
import { viewsByScreen } from '../fixtures/session-views';

const EXPECTED: Record<CodeRefusal, [string, string]> = {
  malformed: ['不是本机可识别的维护码', 'not a maintenance code'],
  badSignature: ['签名无效', 'signature is not valid'],
  expired: ['已过期', 'has expired'],
  tooLongLived: ['超过 12 小时', 'more than 12 hours'],
  otherKiosk: ['不是为本机签发的', 'another kiosk'],
  unknownStaff: ['未在本机登记', 'not registered'],
  notConfigured: ['未配置维护密钥', 'no maintenance key'],
  locked: ['已锁定', 'locked'],
};

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
  vi.useRealTimers();
});

describe('a refused maintenance code', () => {
  for (const [reason, [zh, en]] of Object.entries(EXPECTED) as Array<[CodeRefusal, [string, string]]>) {
    it(`explains ${reason} in both languages on home and on the out-of-service page`, () => {
      for (const view of [viewsByScreen.home, viewsByScreen.outOfService]) {
        const app = renderApp(view, { maintenance: { stage: 'codeRefused', reason, lockedUntil: null } });
        cleanups.push(app.cleanup);
        const notice = app.container.querySelector(`[data-code-refused="${reason}"]`);
        expect(notice?.getAttribute('role')).toBe('alert');
        expect(notice?.textContent).toContain('维护码未被接受');
        expect(notice?.textContent).toContain('Maintenance code refused');
        expect(notice?.textContent).toContain(zh);
        expect(notice?.textContent).toContain(en);
      }
    });
  }

  it('gives the lock’s end in Asia/Shanghai time', () => {
    const app = renderApp(viewsByScreen.home, {
      maintenance: { stage: 'codeRefused', reason: 'locked', lockedUntil: '2026-11-30T07:20:00Z' },
    });
    cleanups.push(app.cleanup);
    const until = app.container.querySelector('[data-locked-until]');
    expect(until?.getAttribute('data-locked-until')).toBe('15:20');
    expect(until?.textContent).toContain('解锁时间 15:20');
    expect(until?.textContent).toContain('Unlocks at 15:20');
  });

  it('stays above the attract animation and goes when the agent clears it', () => {
    vi.useFakeTimers();
    const app = renderApp(viewsByScreen.home);
    cleanups.push(app.cleanup);
    act(() => void vi.advanceTimersByTime(60_000));
    act(() => app.connection.showMaintenance({ stage: 'codeRefused', reason: 'expired', lockedUntil: null }));
    expect(app.container.querySelector('[data-attract]')).not.toBeNull();
    expect(app.container.querySelector('[data-code-refused]')).not.toBeNull();
    act(() => app.connection.showMaintenance(null));
    expect(app.container.querySelector('[data-code-refused]')).toBeNull();
  });

  it('is shown nowhere but home and out of service', () => {
    const app = renderApp(viewsByScreen.consent, { maintenance: { stage: 'codeRefused', reason: 'expired', lockedUntil: null } });
    cleanups.push(app.cleanup);
    expect(app.container.querySelector('[data-code-refused]')).toBeNull();
    act(() => app.connection.show(viewsByScreen.staff));
    act(() => app.connection.showMaintenance(openView));
    expect(app.container.querySelector('[data-code-refused]')).toBeNull();
  });
});
