// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { DevApi, SimAction, SimDevice } from '../dev-api';
import { createDevApi } from '../dev-api';
import { baseView, viewsByScreen } from '../fixtures/session-views';
import { renderAppPerTest } from '../fixtures/render-app';

const info = {
  kioskId: 'HZ-XH-0001',
  devPanel: true,
  servicePoints: [],
  testCards: [
    { key: 'wang', label: { zh: '王晓梅（无房）', en: 'Wang (no property)' } },
    { key: 'li', label: { zh: '李建国（有房）', en: 'Li (owns a flat)' } },
  ],
};

function fakeApi(fail = false) {
  const calls: Array<[SimDevice, SimAction]> = [];
  const appCodeCalls: Array<[string, string]> = [];
  const api: DevApi = {
    sim: async (device, body) => {
      calls.push([device, body]);
      return fail ? { ok: false, error: 'HTTP 503' } : { ok: true, value: null };
    },
    devices: async () => ({ ok: true, value: { idReader: { device: 'online', media: 'empty' } } }),
    appCodes: async (challenge) => {
      appCodeCalls.push(['codes', challenge]);
      return { ok: true, value: [{ key: 'wang', code: `ZLB1:wang-code-for-${challenge.slice(-4)}` }] };
    },
    scanAppCode: async (citizenKey, variant, challenge) => {
      appCodeCalls.push([`${citizenKey}:${variant}`, challenge]);
      return { ok: true, value: null };
    },
  };
  return { api, calls, appCodeCalls };
}

afterEach(() => {
  vi.useRealTimers();
});
// After the hook above: vitest runs after-hooks last registered first, so the app goes before the mocks do.
const renderTestApp = renderAppPerTest();

async function flush() {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('DevPanel', () => {
  it('is absent unless the agent says devPanel', () => {
    const app = renderTestApp(baseView);
    expect(app.container.querySelector('[data-dev="toggle"]')).toBeNull();
    act(() => app.connection.show(baseView, { ...info, devPanel: false }));
    expect(app.container.querySelector('[data-dev="toggle"]')).toBeNull();
  });

  it('opens from the toggle and drives the simulated devices over HTTP, not the session', async () => {
    const { api, calls } = fakeApi();
    const app = renderTestApp(undefined, { devApi: api });
    act(() => app.connection.show(baseView, info));
    expect(app.container.querySelector('[data-dev="panel"]')).toBeNull();
    app.tap('[data-dev="toggle"]');
    expect(app.container.querySelector('[data-dev="card:wang"]')?.textContent).toContain('王晓梅（无房）');

    const taps = [
      'card:li',
      'card-misread',
      'card-unreadable',
      'card-remove',
      'reader-unplug',
      'reader-plug',
      'paper:out',
      'printer-jam',
      'printer-clear-jam',
      'printer-take-paper',
      'printer-unplug',
      'printer-plug',
    ];
    for (const dev of taps) app.tap(`[data-dev="${dev}"]`);
    const input = app.container.querySelector<HTMLInputElement>('[data-dev="scan-text"]')!;
    act(() => {
      input.value = 'KQ1:ABC';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    app.tap('[data-dev="scan"]');
    await flush();

    expect(calls).toEqual([
      ['id-reader', { action: 'place', cardKey: 'li' }],
      ['id-reader', { action: 'placeMisread' }],
      ['id-reader', { action: 'placeUnreadable' }],
      ['id-reader', { action: 'remove' }],
      ['id-reader', { action: 'unplug' }],
      ['id-reader', { action: 'plug' }],
      ['a4-printer', { action: 'paper', level: 'out' }],
      ['a4-printer', { action: 'jam' }],
      ['a4-printer', { action: 'clearJam' }],
      ['a4-printer', { action: 'takePaper' }],
      ['a4-printer', { action: 'unplug' }],
      ['a4-printer', { action: 'plug' }],
      ['scanner', { action: 'scan', data: 'KQ1:ABC' }],
    ]);
    expect(app.connection.sent.filter((e) => e.type !== 'TOUCH')).toEqual([]);
    expect(app.container.querySelector('[data-dev="status"]')?.textContent).toContain('online');
  });

  it('scans each kind of development maintenance code, and shows the development staff id and PIN', async () => {
    const { api, calls } = fakeApi();
    const app = renderTestApp(undefined, { devApi: api });
    act(() => app.connection.show(baseView, { ...info, devMaintenance: { staffId: 'dev-staff', pin: '2468' } }));
    app.tap('[data-dev="toggle"]');
    expect(app.container.querySelector('[data-dev="maintenance-staff"]')?.textContent).toBe('staff dev-staff · PIN 2468');
    const variants = ['valid', 'expired', 'otherKiosk', 'badSignature', 'tooLongLived'] as const;
    for (const variant of variants) app.tap(`[data-dev="maintenance-code:${variant}"]`);
    await flush();
    expect(calls).toEqual(variants.map((variant) => ['scanner', { action: 'maintenanceCode', variant }]));
    act(() => app.connection.show(baseView, { ...info, devMaintenance: null }));
    expect(app.container.querySelector('[data-dev="maintenance-staff"]')).toBeNull();
  });

  it('shows a short error when a call fails', async () => {
    const { api } = fakeApi(true);
    const app = renderTestApp(undefined, { devApi: api });
    act(() => app.connection.show(baseView, info));
    app.tap('[data-dev="toggle"]');
    app.tap('[data-dev="printer-jam"]');
    await flush();
    expect(app.container.querySelector('[data-dev="error"]')?.textContent).toContain('HTTP 503');
  });

  it('polls the device status every 2 s while open', async () => {
    vi.useFakeTimers();
    const devices = vi.fn(async () => ({ ok: true as const, value: {} }));
    const app = renderTestApp(undefined, { devApi: { ...fakeApi().api, sim: async () => ({ ok: true, value: null }), devices } });
    act(() => app.connection.show(baseView, info));
    app.tap('[data-dev="toggle"]');
    expect(devices).toHaveBeenCalledTimes(1);
    await act(async () => void vi.advanceTimersByTime(4_000));
    expect(devices).toHaveBeenCalledTimes(3);
    app.tap('[data-dev="toggle"]');
    await act(async () => void vi.advanceTimersByTime(4_000));
    expect(devices).toHaveBeenCalledTimes(3);
  });
});

describe('createDevApi', () => {
  it('posts JSON to /api/sim/<device> and reads /api/devices', async () => {
    const requests: Array<[string, RequestInit | undefined]> = [];
    const api = createDevApi(async (url, init) => {
      requests.push([url, init]);
      return new Response(url === '/api/devices' ? '{"a4Printer":null}' : '', { status: url.includes('scanner') ? 500 : 200 });
    });
    expect(await api.sim('id-reader', { action: 'remove' })).toEqual({ ok: true, value: null });
    expect(requests[0]).toEqual(['/api/sim/id-reader', expect.objectContaining({ method: 'POST', body: '{"action":"remove"}' })]);
    expect(await api.devices()).toEqual({ ok: true, value: { a4Printer: null } });
    expect(await api.sim('scanner', { action: 'scan', data: 'x' })).toMatchObject({ ok: false, error: 'HTTP 500' });
  });

  it("shows each test citizen's app code for the challenge on screen, scans it on a tap, and each refused kind", async () => {
    const { api, calls, appCodeCalls } = fakeApi();
    const app = renderTestApp(undefined, { devApi: api });
    act(() => app.connection.show(viewsByScreen.appCode, info));
    app.tap('[data-dev="toggle"]');
    await flush();
    const challenge = viewsByScreen.appCode.appChallenge!.text;
    expect(appCodeCalls).toEqual([['codes', challenge]]);
    const codeButton = app.container.querySelector('[data-dev="app-code:wang"]');
    expect(codeButton?.textContent).toContain('ZLB1:wang-code-for-');
    app.tap('[data-dev="app-code:wang"]');
    await flush();
    expect(calls).toEqual([['scanner', { action: 'scan', data: `ZLB1:wang-code-for-${challenge.slice(-4)}` }]]);
    for (const variant of ['reused', 'expired', 'foreignKiosk', 'wrongNonce']) app.tap(`[data-dev="app-code:wang:${variant}"]`);
    await flush();
    expect(appCodeCalls.slice(1).map(([what]) => what)).toEqual(['wang:reused', 'wang:expired', 'wang:foreignKiosk', 'wang:wrongNonce']);
    // No challenge on screen, no codes.
    act(() => app.connection.show(baseView, info));
    expect(app.container.querySelector('[data-dev="app-code:wang"]')).toBeNull();
  });
});
