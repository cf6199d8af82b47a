// Both algorithms end to end: the kiosk registered with SM2-SM3 (its signing key written by the openssl
// command line) and the one with ES256, against issuers that sign with SM2 or ES256 — the trust list decides.

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'cborg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase45 } from '../../../verifier/base45';
import { createGatewayClient } from '../../../kiosk/gateway/https-gateway-client';
import { createMemoryLogger } from '../../support/memory-logger';
import { simulatorClientConfig } from '../../../scripts/gateway-simulator/client-config';
import { startGatewaySimulator, type RunningGatewaySimulator } from '../../../scripts/gateway-simulator/simulator';
import { citizenSees, expectNoPersonalData, FAST_TIMINGS, fetchRequest, noSignal, startRig, type GatewayRig } from './gateway-rig';

let rig: GatewayRig;
let sm2OnlyDir: string;
let openSslKeyPem: string;
let sm2Only: RunningGatewaySimulator | undefined;
const sm2OnlyLog = createMemoryLogger();

beforeAll(async () => {
  // The SM2 kiosk's signing key as an operator makes it: `openssl genpkey -algorithm SM2` (PKCS#8 PEM).
  sm2OnlyDir = await mkdtemp(join(tmpdir(), 'gateway-sm2-'));
  const kioskDir = join(sm2OnlyDir, 'kiosks', 'kiosk-dev-sm2-0001');
  await mkdir(kioskDir, { recursive: true });
  execFileSync('openssl', ['genpkey', '-algorithm', 'SM2', '-out', join(kioskDir, 'signing-key.pem')]);
  openSslKeyPem = await readFile(join(kioskDir, 'signing-key.pem'), 'utf8');
  sm2Only = await startGatewaySimulator({
    dataDir: sm2OnlyDir,
    port: 0,
    issuerAlg: 'SM2-SM3',
    rateLimit: null,
    adminPort: null,
    logger: sm2OnlyLog,
  });
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
  await sm2Only?.close();
  if (sm2OnlyDir) await rm(sm2OnlyDir, { recursive: true, force: true });
});

function sealCoseAlg(seal: string): unknown {
  const [protectedBytes] = decode(decodeBase45(seal.slice(4))!, { useMaps: true }) as [Uint8Array];
  return (decode(protectedBytes, { useMaps: true }) as Map<number, unknown>).get(1);
}

describe('SM2-SM3 end to end', () => {
  it('the SM2 kiosk signs its requests with SM2-SM3, and verifies an ES256 and an SM2 certificate in one answer', async () => {
    const client = await rig.client({}, {}, 'SM2-SM3');
    const outcome = await client.fetchCertificates(fetchRequest('renter-provident-fund-withdrawal', 'zhang-san'), noSignal());
    expect(citizenSees(outcome)).toBe('printed');
    if (!outcome.ok) return;
    const [property, insurance] = outcome.value;
    expect(property!.kioskId).toBe('kiosk-dev-sm2-0001');
    // The real-estate office signs with ES256, the social-insurance centre with SM2 (the default mix).
    const listed = [...client.trustList.issuers.values()];
    expect(listed.filter((entry) => entry.alg === 'SM2-SM3')).toHaveLength(3);
    expect(sealCoseAlg(property!.seal)).toBe(-7);
    expect(sealCoseAlg(insurance!.seal)).toBe(-65537);
  });

  it('every department signing with SM2: the ES256 kiosk verifies JWS and seals by the trust list', async () => {
    const client = await createGatewayClient(
      { ...simulatorClientConfig(sm2Only!), timings: FAST_TIMINGS },
      { logger: rig.clientLog, probeWhenOpen: false },
    );
    const proxyless = await client.fetchCertificates(fetchRequest('renter-provident-fund-withdrawal', 'zhang-san'), noSignal());
    expect(citizenSees(proxyless)).toBe('printed');
    if (proxyless.ok) {
      for (const certificate of proxyless.value) expect(sealCoseAlg(certificate.seal)).toBe(-65537);
    }
    await client.close();
  });

  it('the SM2 kiosk whose key openssl wrote is registered and served', async () => {
    const client = await createGatewayClient(
      { ...simulatorClientConfig(sm2Only!, 'SM2-SM3'), timings: FAST_TIMINGS },
      { logger: rig.clientLog, probeWhenOpen: false },
    );
    const outcome = await client.fetchCertificates(fetchRequest('residence-proof', 'ayiguli'), noSignal());
    expect(citizenSees(outcome)).toBe('printed');
    if (outcome.ok) expect(sealCoseAlg(outcome.value[0]!.seal)).toBe(-65537);
    // The simulator registered the key openssl wrote rather than make its own.
    expect(await readFile(simulatorClientConfig(sm2Only!, 'SM2-SM3').signingKeyFile, 'utf8')).toBe(openSslKeyPem);
    await client.close();
  });

  it('an SM2 kiosk signing with a key the gateway does not know: UNAUTHENTICATED', async () => {
    const strangerKey = join(rig.dataDir, 'stranger-sm2.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'SM2', '-out', strangerKey]);
    const client = await rig.client({ signingKeyFile: strangerKey }, {}, 'SM2-SM3');
    const outcome = await client.fetchCertificates(fetchRequest('residence-proof', 'ayiguli'), noSignal());
    expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', retryable: false } });
  });

  it('the ES256 kiosk claiming SM2-SM3 is refused (registered algorithm), and a key of the wrong kind stops the start', async () => {
    const es256 = rig.sim.kiosks.find((k) => k.alg === 'ES256')!;
    const sm2 = rig.sim.kiosks.find((k) => k.alg === 'SM2-SM3')!;
    const claiming = await rig.client({ kioskId: es256.kioskId, signingAlgorithm: 'SM2-SM3', signingKeyFile: sm2.files.signingKey });
    expect(await claiming.fetchCertificates(fetchRequest('residence-proof', 'ayiguli'), noSignal())).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await expect(rig.client({ signingAlgorithm: 'ES256', signingKeyFile: sm2.files.signingKey })).rejects.toThrow(
      `signingKeyFile ${sm2.files.signingKey} is not an ES256 key`,
    );
    await expect(rig.client({ signingAlgorithm: 'SM2-SM3', signingKeyFile: es256.files.signingKey })).rejects.toThrow(
      'is not an SM2-SM3 key',
    );
  });

  it('logs no personal data, nor any hash of it, on either side', () => {
    expectNoPersonalData([...rig.clientLog.lines, ...rig.simLog.lines, ...sm2OnlyLog.lines]);
  });
});
