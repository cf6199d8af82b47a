import { describe, expect, it } from 'vitest';
import { startSystemdNotifier, watchdogPeriodMs } from './systemd-notify';

describe('watchdogPeriodMs', () => {
  it('is half of WATCHDOG_USEC, for this process or any when WATCHDOG_PID is unset', () => {
    expect(watchdogPeriodMs('10000000', undefined, 42)).toBe(5_000);
    expect(watchdogPeriodMs('10000000', '42', 42)).toBe(5_000);
    expect(watchdogPeriodMs('10000000', '', 42)).toBe(5_000);
  });

  it('is none for another process, or without a usable WATCHDOG_USEC', () => {
    expect(watchdogPeriodMs('10000000', '43', 42)).toBeUndefined();
    for (const usec of [undefined, '', '0', '-5', 'ten', '1.5']) expect(watchdogPeriodMs(usec, undefined, 42)).toBeUndefined();
  });
});

describe('startSystemdNotifier outside systemd', () => {
  it('does nothing, spawns nothing, and leaves no watchdog variables behind', async () => {
    const env: NodeJS.ProcessEnv = { WATCHDOG_USEC: '1000000', WATCHDOG_PID: '1' };
    const systemd = startSystemdNotifier({ env, command: '/nonexistent/systemd-notify', onDeliveryChange: () => expect.fail('spawned') });
    expect(systemd.watchdogIntervalMs).toBeUndefined();
    await systemd.ready('serving');
    await systemd.stopping('stopping');
    systemd.close();
    expect(env).toEqual({});
  });
});
