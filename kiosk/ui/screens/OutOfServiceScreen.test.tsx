// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { KioskInfo } from '../../session/session-view';
import { renderAppPerTest } from '../fixtures/render-app';
import { servicePoints, viewsByScreen } from '../fixtures/session-views';
import { screenPrompt } from '../prompts';

const info: KioskInfo = {
  kioskId: 'HZ-XH-0042',
  devPanel: false,
  testCards: [],
  servicePoints,
};

const renderTestApp = renderAppPerTest();

describe('the out-of-service page', () => {
  it('says so in both languages and names the service points and the government app as next steps', () => {
    const app = renderTestApp();
    act(() => app.connection.show(viewsByScreen.outOfService, info));
    const text = app.container.textContent ?? '';
    expect(app.root().dataset.screen).toBe('outOfService');
    expect(text).toContain('本机暂停服务');
    expect(text).toContain('This kiosk is out of service');
    const points = app.container.querySelector('[data-service-points]');
    expect(points?.getAttribute('data-service-points')).toBe('2');
    expect(points?.querySelectorAll('[data-service-point]')).toHaveLength(2);
    expect(points?.textContent).toContain('文三路 1 号一楼');
    expect(points?.textContent).toContain('周一至周五 9:00–17:00');
    const app2 = app.container.querySelector('[data-next-step="app"]')?.textContent ?? '';
    expect(app2).toContain('浙里办');
    expect(app2).toContain('Zhelibang');
    expect(app.container.querySelectorAll('[data-action]')).toHaveLength(0);
  });

  it('still gives a next step when no service point is configured', () => {
    const app = renderTestApp();
    act(() => app.connection.show(viewsByScreen.outOfService, { ...info, servicePoints: [] }));
    expect(app.container.querySelector('[data-service-points="0"]')?.textContent).toContain('请向现场工作人员咨询');
    expect(app.container.querySelector('[data-next-step="app"]')).not.toBeNull();
  });

  it('speaks the page, not the agent-down text', () => {
    expect(screenPrompt(viewsByScreen.outOfService, 'zh')).toContain('浙里办');
    expect(screenPrompt(viewsByScreen.outOfService, 'zh')).not.toContain('正在恢复');
  });
});
