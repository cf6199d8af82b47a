// The gateway down for long: once its circuit has stayed away from `closed` (open, or half-open with every
// health probe failing) for `alertAfterMs`, staff are told once (`staff.alert`, reason `gatewayOutage`); the
// first success that closes the circuit ends the outage (`gateway.outage_ended`, with its length). Shorter
// openings are left to the `gateway.breaker` events. The breaker's state is read in memory, every second.

import type { BreakerState } from '../gateway/circuit-breaker';
import type { Logger } from '../logger';

/** Ten minutes: long beyond the breaker's 30 s open time, short against a shift. */
export const DEFAULT_GATEWAY_OUTAGE_ALERT_MS = 10 * 60_000;

export interface GatewayOutageWatchOptions {
  gateway: { breakerState(): BreakerState };
  logger: Logger;
  alertAfterMs?: number;
  checkEveryMs?: number;
  now?: () => number;
}

export function startGatewayOutageWatch(options: GatewayOutageWatchOptions) {
  const { gateway, logger } = options;
  const alertAfterMs = options.alertAfterMs ?? DEFAULT_GATEWAY_OUTAGE_ALERT_MS;
  const now = options.now ?? Date.now;
  /** When the circuit was last seen leaving `closed`; null while it is closed. */
  let downSince: number | null = null;
  let alerted = false;
  const minutesDown = (at: number): number => Math.floor((at - (downSince ?? at)) / 60_000);

  function check(): void {
    const at = now();
    if (gateway.breakerState() !== 'closed') {
      downSince ??= at;
      if (!alerted && at - downSince >= alertAfterMs) {
        alerted = true;
        logger.event('staff.alert', 'failure', { reason: 'gatewayOutage', minutes: minutesDown(at) });
      }
      return;
    }
    if (alerted) logger.event('gateway.outage_ended', 'success', { minutes: minutesDown(at) });
    downSince = null;
    alerted = false;
  }

  const timer = setInterval(check, options.checkEveryMs ?? 1000);
  timer.unref();
  return {
    check,
    stop(): void {
      clearInterval(timer);
    },
  };
}
