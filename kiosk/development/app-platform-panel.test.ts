import { describe, expect, it } from 'vitest';
import { SimulatedCodeScanner } from '../../device-drivers/code-scanner/simulated-code-scanner';
import { newAppChallenge } from '../gateway/app-code';
import { createAppPlatform } from '../../scripts/gateway-simulator/app-platform';
import { testCitizens } from '../../scripts/synthetic-population';
import { handleSimulatedDevice } from './simulated-device-api';

describe("the dev panel's app codes", () => {
  it("gives each test citizen's code for the challenge, and scans a citizen's code of the kind asked", async () => {
    const scanner = new SimulatedCodeScanner();
    await scanner.enable();
    const reads: string[] = [];
    scanner.events.on('read', (read) => reads.push(read.data));
    const platform = createAppPlatform(testCitizens);
    const challenge = newAppChallenge('kiosk-dev-0001', new Date());
    const codes = handleSimulatedDevice({ scanner }, 'app-platform', { action: 'codes', challenge: challenge.text }, null, platform);
    expect(codes.status).toBe(200);
    const listed = (codes.body as { codes: Array<{ key: string; code: string }> }).codes;
    expect(listed.map((c) => c.key)).toEqual(testCitizens.map((c) => c.key));
    for (const { code } of listed) expect(code).toMatch(/^ZLB1:/);
    expect(reads).toEqual([]);

    const scan = (variant: string) =>
      handleSimulatedDevice(
        { scanner },
        'app-platform',
        { action: 'scan', citizenKey: 'zhang-san', variant, challenge: challenge.text },
        null,
        platform,
      );
    expect(scan('reused')).toMatchObject({ status: 409 });
    expect(scan('wrongNonce')).toEqual({ status: 200, body: { ok: true } });
    expect(reads).toHaveLength(1);
    expect(scan('forged')).toMatchObject({ status: 400 });
  });

  it('is not there without the gateway simulator', () => {
    const scanner = new SimulatedCodeScanner();
    expect(handleSimulatedDevice({ scanner }, 'app-platform', { action: 'codes', challenge: 'x' }, null, null).status).toBe(404);
  });
});
