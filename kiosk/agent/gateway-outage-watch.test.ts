import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BreakerState } from '../gateway/circuit-breaker';
import type { Logger, LogValue } from '../logger';
import { DEFAULT_GATEWAY_OUTAGE_ALERT_MS, startGatewayOutageWatch } from './gateway-outage-watch';

const MINUTE = 60_000;

function recordingLogger() {
  const events: Array<{ name: string; disposition: string; fields: Record<string, LogValue> }> = [];
  const logger: Logger = { event: (name, disposition, fields = {}) => events.push({ name, disposition, fields }) };
  return { logger, events };
}

let state: BreakerState;
let log: ReturnType<typeof recordingLogger>;
let watch: ReturnType<typeof startGatewayOutageWatch>;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-30T02:00:00Z') });
  state = 'closed';
  log = recordingLogger();
  watch = startGatewayOutageWatch({ gateway: { breakerState: () => state }, logger: log.logger });
});
afterEach(() => {
  watch.stop();
  vi.useRealTimers();
});

describe('the gateway outage watch', () => {
  it('waits ten minutes by default, then raises one staff alert however long the outage lasts', () => {
    expect(DEFAULT_GATEWAY_OUTAGE_ALERT_MS).toBe(10 * MINUTE);
    state = 'open';
    // It looks every second, so it sees the opening one second late.
    vi.advanceTimersByTime(10 * MINUTE);
    expect(log.events).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(log.events).toEqual([{ name: 'staff.alert', disposition: 'failure', fields: { reason: 'gatewayOutage', minutes: 10 } }]);
    // Probes keep failing: half-open, open again, for hours.
    for (let i = 0; i < 240; i++) {
      state = i % 2 ? 'open' : 'halfOpen';
      vi.advanceTimersByTime(30_000);
    }
    expect(log.events.filter((event) => event.name === 'staff.alert')).toHaveLength(1);
  });

  it('logs the end of the outage, with its length, when the circuit closes', () => {
    state = 'open';
    vi.advanceTimersByTime(3 * 60 * MINUTE);
    state = 'closed';
    vi.advanceTimersByTime(1000);
    expect(log.events.map((event) => event.name)).toEqual(['staff.alert', 'gateway.outage_ended']);
    expect(log.events[1]).toEqual({ name: 'gateway.outage_ended', disposition: 'success', fields: { minutes: 180 } });
  });

  it('says nothing of openings shorter than the threshold, and counts each outage from its own start', () => {
    state = 'open';
    vi.advanceTimersByTime(9 * MINUTE);
    state = 'closed';
    vi.advanceTimersByTime(1000);
    state = 'open';
    vi.advanceTimersByTime(9 * MINUTE);
    expect(log.events).toEqual([]);
    vi.advanceTimersByTime(MINUTE + 1000);
    state = 'closed';
    vi.advanceTimersByTime(1000);
    state = 'open';
    vi.advanceTimersByTime(10 * MINUTE + 1000);
    expect(log.events.map((event) => event.name)).toEqual(['staff.alert', 'gateway.outage_ended', 'staff.alert']);
  });

  it('takes its threshold from the configuration', () => {
    watch.stop();
    watch = startGatewayOutageWatch({ gateway: { breakerState: () => state }, logger: log.logger, alertAfterMs: 2 * MINUTE });
    state = 'halfOpen';
    vi.advanceTimersByTime(2 * MINUTE + 1000);
    expect(log.events).toEqual([{ name: 'staff.alert', disposition: 'failure', fields: { reason: 'gatewayOutage', minutes: 2 } }]);
  });
});
