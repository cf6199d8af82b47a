import { afterEach, describe, expect, it, vi } from 'vitest';
import { restartWindowSchema } from '../config/restart-window';
import type { Logger, LogValue } from '../logger';
import { restartNight, startNightlyRestart } from './nightly-restart';

const MINUTE = 60_000;
const window = (text: string) => restartWindowSchema.parse(text);
/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (wallClock: string) => new Date(`${wallClock}+08:00`);

function harness(windowText: string, startAt: string) {
  vi.useFakeTimers({ now: shanghai(startAt) });
  const actions: Array<Record<string, LogValue>> = [];
  const logger: Logger = { event: (name, _disposition, fields = {}) => name === 'agent.restart_scheduled' && actions.push(fields) };
  const state = { idle: true, restarts: 0 };
  const nightly = startNightlyRestart({
    window: window(windowText),
    idle: () => state.idle,
    restart: () => state.restarts++,
    logger,
    checkEveryMs: MINUTE,
  });
  return { state, actions, nightly, at: () => new Date() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the restart window', () => {
  it('reads HH:MM-HH:MM, and refuses what is not a window', () => {
    expect(window('03:00-04:30')).toEqual({ text: '03:00-04:30', startMinute: 180, endMinute: 270 });
    for (const bad of ['3:00-4:00', '03:00-24:00', '03:00', '03:00-03:00']) expect(restartWindowSchema.safeParse(bad).success).toBe(false);
  });

  it('names the night a moment belongs to, in Shanghai time, across midnight too', () => {
    expect(restartNight(window('03:00-04:00'), shanghai('2026-12-01T03:10'))).toBe('2026-12-01');
    expect(restartNight(window('03:00-04:00'), shanghai('2026-12-01T04:00'))).toBeNull();
    expect(restartNight(window('03:00-04:00'), shanghai('2026-12-01T02:59'))).toBeNull();
    expect(restartNight(window('23:30-00:30'), shanghai('2026-12-01T23:45'))).toBe('2026-12-01');
    expect(restartNight(window('23:30-00:30'), shanghai('2026-12-02T00:15'))).toBe('2026-12-01');
    expect(restartNight(window('23:30-00:30'), shanghai('2026-12-02T00:30'))).toBeNull();
    expect(restartNight(window('23:30-00:30'), shanghai('2026-12-01T12:00'))).toBeNull();
  });
});

describe('the nightly restart', () => {
  it('restarts once the window opens on an idle kiosk, and not outside it', () => {
    const { state, actions, nightly } = harness('03:00-04:00', '2026-12-01T12:00');
    vi.advanceTimersByTime(15 * 60 * MINUTE - MINUTE); // 02:59
    expect(state.restarts).toBe(0);
    vi.advanceTimersByTime(MINUTE); // 03:00
    expect(state.restarts).toBe(1);
    expect(actions).toEqual([{ action: 'restarting', reason: 'nightlyWindow', window: '03:00-04:00' }]);
    // Asked once: the process is on its way out.
    vi.advanceTimersByTime(10 * MINUTE);
    expect(state.restarts).toBe(1);
    nightly.stop();
  });

  it('waits while a session runs, and restarts at the first idle moment', () => {
    const { state, actions, nightly } = harness('03:00-04:00', '2026-12-01T02:30');
    state.idle = false;
    vi.advanceTimersByTime(50 * MINUTE); // 03:20
    expect(state.restarts).toBe(0);
    expect(actions).toEqual([{ action: 'waiting', reason: 'sessionRunning', window: '03:00-04:00' }]);
    state.idle = true;
    vi.advanceTimersByTime(MINUTE);
    expect(state.restarts).toBe(1);
    expect(actions.map((fields) => fields.action)).toEqual(['waiting', 'restarting']);
    nightly.stop();
  });

  it('skips the night when the window closes without an idle moment, and restarts the next night', () => {
    const { state, actions, nightly } = harness('03:00-04:00', '2026-12-01T02:30');
    state.idle = false;
    vi.advanceTimersByTime(90 * MINUTE); // 04:00
    expect(state.restarts).toBe(0);
    expect(actions.map((fields) => fields.action)).toEqual(['waiting', 'skipped']);
    state.idle = true;
    vi.advanceTimersByTime(22 * 60 * MINUTE); // 02:00 the next day
    expect(state.restarts).toBe(0);
    vi.advanceTimersByTime(60 * MINUTE); // 03:00
    expect(state.restarts).toBe(1);
    expect(actions.map((fields) => fields.action)).toEqual(['waiting', 'skipped', 'restarting']);
    nightly.stop();
  });

  it('once a night: the agent that started inside the window waits for the next night', () => {
    const { state, nightly } = harness('03:00-04:00', '2026-12-01T03:05');
    vi.advanceTimersByTime(24 * 60 * MINUTE - 10 * MINUTE); // 02:55 the next day
    expect(state.restarts).toBe(0);
    vi.advanceTimersByTime(5 * MINUTE); // 03:00
    expect(state.restarts).toBe(1);
    nightly.stop();
  });

  it('a window across midnight is one night: started at 23:40, no restart at 00:10', () => {
    const { state, nightly } = harness('23:30-00:30', '2026-12-01T23:40');
    vi.advanceTimersByTime(30 * MINUTE); // 00:10
    expect(state.restarts).toBe(0);
    nightly.stop();
  });

  it('a window across midnight: a session until after midnight, then idle', () => {
    const { state, actions, nightly } = harness('23:30-00:30', '2026-12-01T23:00');
    state.idle = false;
    vi.advanceTimersByTime(65 * MINUTE); // 00:05
    expect(state.restarts).toBe(0);
    state.idle = true;
    vi.advanceTimersByTime(5 * MINUTE); // 00:10
    expect(state.restarts).toBe(1);
    expect(actions.map((fields) => fields.action)).toEqual(['waiting', 'restarting']);
    nightly.stop();
  });
});
