// The `gateway` part of the kiosk's configuration file (kiosk/config/kiosk-config.ts), as the client reads it.

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/kiosk-config';
import { DEFAULT_GATEWAY_TIMINGS, resolveTimings } from './gateway-client-config';

const devices = { idReader: { driver: 'simulated' }, scanner: { driver: 'simulated' }, a4Printer: { driver: 'simulated' } };
const remote = {
  mode: 'remote',
  url: 'https://gateway.example.invalid/share',
  caFile: 'ca.pem',
  clientCertFile: 'kiosk.crt',
  clientKeyFile: 'kiosk.key',
  signingAlgorithm: 'SM2-SM3',
  signingKeyFile: 'sm2-signing.pem',
  trustListFile: 'trust-list.jws',
  trustRootFile: 'trust-root.pem',
};

describe('gateway configuration', () => {
  it('takes either algorithm and optional timings, every one of them', () => {
    const config = parseConfig({ devices, gateway: { ...remote, timings: { attemptMs: 5_000, breakerOpenMs: 60_000 } } }, 'kiosk.json');
    expect(config.gateway).toMatchObject({
      mode: 'remote',
      signingAlgorithm: 'SM2-SM3',
      timings: { attemptMs: 5_000, breakerOpenMs: 60_000 },
    });
    expect(parseConfig({ devices, gateway: { ...remote, signingAlgorithm: 'ES256' } }, 'kiosk.json').gateway).toMatchObject({
      signingAlgorithm: 'ES256',
    });
    const all = Object.fromEntries(Object.keys(DEFAULT_GATEWAY_TIMINGS).map((name) => [name, 1]));
    expect(parseConfig({ devices, gateway: { ...remote, timings: all } }, 'kiosk.json').gateway).toMatchObject({ timings: all });
  });

  it('names the bad key: an unknown algorithm or timing, more than 2 retries', () => {
    expect(() => parseConfig({ devices, gateway: { ...remote, signingAlgorithm: 'RS256' } }, 'kiosk.json')).toThrow(
      /gateway\.signingAlgorithm/,
    );
    expect(() => parseConfig({ devices, gateway: { ...remote, timings: { retryMs: 1 } } }, 'kiosk.json')).toThrow(/gateway\.timings/);
    expect(() => parseConfig({ devices, gateway: { ...remote, timings: { maxRetries: 3 } } }, 'kiosk.json')).toThrow(
      /gateway\.timings\.maxRetries: the contract allows at most 2 retries/,
    );
    expect(() => parseConfig({ devices, gateway: { ...remote, kioskId: 'K1' } }, 'kiosk.json')).toThrow(/gateway/);
  });

  it("fills unset timings with the contract's client policy", () => {
    expect(resolveTimings({})).toEqual({
      connectMs: 3_000,
      attemptMs: 10_000,
      totalMs: 20_000,
      maxRetries: 2,
      backoffBaseMs: 250,
      backoffCapMs: 2_000,
      breakerThreshold: 5,
      breakerOpenMs: 30_000,
    });
    expect(resolveTimings({ totalMs: 500, attemptMs: undefined })).toMatchObject({ totalMs: 500, attemptMs: 10_000 });
    expect(() => resolveTimings({ connectMs: -1 })).toThrow('timings.connectMs');
  });
});
