// A gateway client's diagnostics as the metrics read them, for tests and benchmarks: a closed breaker, no clock
// offset, a current test trust list, no failure; each test changes what it is about.

import type { GatewayDiagnostics } from '../../kiosk/gateway/https-gateway-client';

export function gatewayDiagnostics(overrides: Partial<GatewayDiagnostics> = {}): GatewayDiagnostics {
  return {
    breaker: 'closed',
    clockOffsetMs: 0,
    trustListVersion: 1,
    trustListStale: false,
    trustListEnvironment: 'test',
    lastFailure: null,
    ...overrides,
  };
}
