import { describe, expect, it } from 'vitest';
import { realHardware } from '../../test/support/real-hardware-config';
import { parseConfig } from '../config/kiosk-config';
import { remoteGatewayConfig } from './kiosk-gateway';

describe('the remote gateway client configuration', () => {
  it("keeps the agent's outage alert out of the client's timings", () => {
    const config = parseConfig(
      { ...realHardware, gateway: { ...realHardware.gateway, timings: { breakerOpenMs: 60_000, outageAlertMs: 1_800_000 } } },
      'test',
    );
    if (config.gateway.mode !== 'remote') throw new Error('expected a remote gateway');
    expect(config.gateway.timings?.outageAlertMs).toBe(1_800_000);
    const client = remoteGatewayConfig(config, config.gateway);
    expect(client.timings).toEqual({ breakerOpenMs: 60_000 });
    expect(client.kioskId).toBe(config.kioskId);
  });

  it('passes no timings when the configuration names none', () => {
    const config = parseConfig(realHardware, 'test');
    if (config.gateway.mode !== 'remote') throw new Error('expected a remote gateway');
    expect(remoteGatewayConfig(config, config.gateway).timings).toBeUndefined();
  });

  it('tells the client whether the configuration says production, so that a test trust list stops the start', () => {
    for (const production of [true, false]) {
      const config = parseConfig({ ...realHardware, production }, 'test');
      if (config.gateway.mode !== 'remote') throw new Error('expected a remote gateway');
      expect(remoteGatewayConfig(config, config.gateway).production).toBe(production);
    }
  });
});
