// The real gateway client against the real simulator over real mutual TLS on 127.0.0.1: the contract's
// normal cases, idempotency, refusals, plus test-only HTTPS hops (with the simulator's own server
// certificate) that tamper, replay, bloat or trickle; the simulator's data directory and command line.

import { spawn } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../kiosk/privacy/mask';
import { addDays, shanghaiIsoDate } from '../../../print-templates/shanghai-date';
import { createGatewayClient } from '../../../kiosk/gateway/https-gateway-client';
import { verifySeal } from '../../../kiosk/gateway/seal-kq1';
import { publishTrustList, type TrustListDocument } from '../../../kiosk/gateway/trust-list';
import { silentLogger } from '../../../kiosk/logger';
import { createMemoryLogger } from '../../support/memory-logger';
import { simulatorClientConfig } from '../../../scripts/gateway-simulator/client-config';
import { isValidUscc } from '../../../scripts/gateway-simulator/uscc';
import { citizen, citizenSees, errand, expectNoPersonalData, fetchRequest, noSignal, startRig, type GatewayRig } from './gateway-rig';
import { startRecordingProxy } from './recording-proxy';
import { readPrintedJson } from '../../support/printed-json';

let rig: GatewayRig;
const cliLog = createMemoryLogger();
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

describe('gateway client against the simulator', () => {
  it('answers health over mutual TLS with the pinned CA', async () => {
    expect(rig.sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const client = await rig.client();
    expect(await client.health(noSignal())).toMatchObject({ ok: true });
    expect(client.diagnostics()).toMatchObject({ breaker: 'closed', clockOffsetMs: 0, trustListStale: false, lastFailure: null });
  });

  it('gets Zhang San a verified no-property proof with a matching seal', async () => {
    const client = await rig.client();
    const before = new Date();
    const outcome = await client.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value).toHaveLength(1);
    const [certificate] = outcome.value;
    const zhang = citizen('zhang-san').card;
    expect(certificate).toMatchObject({
      verified: true,
      // The simulator's issuers are test issuers with generated stamps.
      specimen: true,
      stamp: { viewBox: [200, 200], color: '#d0021b' },
      certType: 'no-property-proof',
      title: '无房证明',
      kioskId: 'kiosk-dev-0001',
      holder: { idType: 'resident-id', idNumber: zhang.idNumber, name: '张三' },
      issuer: { name: '杭州市不动产登记服务中心' },
      purpose: 'provident-fund-withdrawal',
      fields: [{ key: 'region', label: '查询范围', value: '杭州市' }],
    });
    const today = shanghaiIsoDate(before);
    const [y, m, d] = today.split('-').map(Number);
    expect(certificate!.statement).toBe(
      `经查询，截至${y}年${m}月${d}日，张三（身份证号码${zhang.idNumber}）在杭州市范围内无登记在册的住房。`,
    );
    expect(certificate!.validUntil).toBe(addDays(today, 30));
    expect(isValidUscc(certificate!.issuer.code)).toBe(true);
    const seal = verifySeal(certificate!.seal, client.trustList, new Date());
    expect(seal).toMatchObject({
      ok: true,
      value: {
        claims: { t: 'no-property-proof', id: certificate!.certId, n: '张三', m: maskIdNumber(zhang.idNumber), f: { region: '杭州市' } },
      },
    });

    const audit = rig.audits().find((record) => record.certIds === certificate!.certId);
    expect(audit).toMatchObject({
      event: 'gateway.fetch',
      disposition: 'success',
      outcome: 'issued',
      certTypes: 'no-property-proof',
      httpStatus: 200,
      attempts: 1,
      requestId: certificate!.requestId,
      clockCorrected: false,
      staffAction: 'none',
    });
    expect(typeof audit!.latencyMs).toBe('number');
  });

  it('fetches both certificates of the renter errand in one request, from two departments', async () => {
    const client = await rig.client();
    const outcome = await client.fetchCertificates(fetchRequest('renter-provident-fund-withdrawal', 'zhang-san'), noSignal());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.map((c) => c.certType)).toEqual(['no-property-proof', 'social-security-record']);
    const [property, insurance] = outcome.value;
    expect(property!.requestId).toBe(insurance!.requestId);
    expect(property!.issuer.code).not.toBe(insurance!.issuer.code);
    expect(insurance!.fields).toEqual([
      { key: 'region', label: '参保地', value: '杭州市' },
      { key: 'months', label: '累计缴费月数', value: '86' },
      { key: 'lastPaidMonth', label: '最近缴费月份', value: '2026-10' },
    ]);
    expect(insurance!.statement).toContain('累计缴费86个月，最近缴费月份为2026年10月');
    expect(rig.audits().at(-1)).toMatchObject({ certIds: `${property!.certId},${insurance!.certId}` });
  });

  it('serves foreign and HMT card holders under their own id types', async () => {
    const client = await rig.client();
    for (const key of ['anna-schmidt', 'chan-tai-man', 'ayiguli']) {
      const outcome = await client.fetchCertificates(fetchRequest('residence-proof', key), noSignal());
      expect(outcome.ok, key).toBe(true);
      if (outcome.ok) expect(outcome.value[0]!.holder.name).toBe(citizen(key).card.name);
    }
  });

  it('serves the generated population: a thousand citizens across regions, some owning housing, some unknown', async () => {
    const { simulatorPopulation } = await import('../../../scripts/synthetic-population');
    const population = simulatorPopulation();
    expect(population.length).toBeGreaterThanOrEqual(1000);
    const client = await rig.client();
    const pick = (test: (p: (typeof population)[number]) => boolean) => population.find((p) => p.key.startsWith('p') && test(p))!;
    const e = errand('no-property-proof-provident-fund');
    const ask = (p: (typeof population)[number]) =>
      client.fetchCertificates(
        {
          certTypes: e.certTypes,
          issueCode: e.issueCode,
          purposeCode: e.purposeCode,
          card: { ...p.card, photo: new Uint8Array(0) },
          consent: { method: 'id-card', grantedAt: new Date() },
        },
        noSignal(),
      );
    expect(citizenSees(await ask(pick((p) => p.known && !p.ownsHousing)))).toBe('printed');
    expect(citizenSees(await ask(pick((p) => p.known && p.ownsHousing)))).toBe('NOT_ELIGIBLE_NO_PROPERTY');
    expect(citizenSees(await ask(pick((p) => !p.known)))).toBe('HOLDER_NOT_FOUND');
  });

  it('refuses Li Si a no-property proof (owns housing) and says which one', async () => {
    const client = await rig.client();
    const outcome = await client.fetchCertificates(fetchRequest('renter-provident-fund-withdrawal', 'li-si'), noSignal());
    expect(outcome).toEqual({
      ok: false,
      error: {
        kind: 'refused',
        refusals: [{ certType: 'no-property-proof', code: 'NOT_ELIGIBLE', retryable: false }],
        issued: [
          expect.objectContaining({
            verified: true,
            certType: 'social-security-record',
            holder: expect.objectContaining({ name: '李四' }),
          }),
        ],
      },
    });
  });

  it('tells Wang Wu plainly that the sources do not know him', async () => {
    const client = await rig.client();
    const outcome = await client.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'wang-wu'), noSignal());
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'error', code: 'HOLDER_NOT_FOUND', retryable: false } });
  });

  it('replays the stored answer for the same request id and body, and refuses the id with another body', async () => {
    const requestId = '6f1d2b3c-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    const fixed = await rig.client({}, { newRequestId: () => requestId });
    const request = fetchRequest('renter-provident-fund-withdrawal', 'zhang-san');
    const first = await fixed.fetchCertificates(request, noSignal());
    const second = await fixed.fetchCertificates(request, noSignal());
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.value).toEqual(first.value);
    expect(rig.simRequests().at(-1)).toMatchObject({ code: 'REPLAY', requestId });
    const reused = await fixed.fetchCertificates(fetchRequest('renter-provident-fund-withdrawal', 'ayiguli'), noSignal());
    expect(reused).toMatchObject({ ok: false, error: { kind: 'error', code: 'REQUEST_ID_REUSED', retryable: false } });
    expect(citizenSees(reused)).toBe('GATEWAY_REFUSED');
  });

  it('is refused CONSENT_INVALID for stale consent or an errand that may not use the type', async () => {
    const client = await rig.client();
    const stale = await client.fetchCertificates(
      fetchRequest('no-property-proof-provident-fund', 'zhang-san', new Date(Date.now() - 10 * 60_000)),
      noSignal(),
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONSENT_INVALID' } });
    const wrongErrand = {
      ...fetchRequest('no-property-proof-provident-fund', 'zhang-san'),
      issueCode: errand('social-security-record').issueCode,
    };
    expect(await client.fetchCertificates(wrongErrand, noSignal())).toMatchObject({ ok: false, error: { code: 'CONSENT_INVALID' } });
  });

  it('is refused UNAUTHENTICATED for a signing key the gateway does not know, or a kiosk id it did not register', async () => {
    const keyFile = join(rig.dataDir, 'unregistered-key.pem');
    await writeFile(keyFile, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const impostor = await rig.client({ signingKeyFile: keyFile });
    expect(await impostor.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal())).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', retryable: false },
    });
    const unregistered = await rig.client({ kioskId: 'kiosk-dev-9999' });
    expect(await unregistered.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal())).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('catches a certificate altered on the way (check 3)', async () => {
    const proxy = await startRecordingProxy(rig.sim, (answer) => {
      // JSON.parse gives any: this test edits the wire format freely, as an attacker on the path would.
      const json = JSON.parse(answer.body.toString());
      const [header, payload, signature] = (json.results[0].certificate as string).split('.');
      const altered = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), statement: '经查询，……无登记在册的住房。（篡改）' };
      json.results[0].certificate = `${header}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`;
      return { ...answer, body: Buffer.from(JSON.stringify(json)) };
    });
    try {
      const viaProxy = await rig.client({ url: proxy.url });
      const outcome = await viaProxy.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal());
      expect(outcome).toMatchObject({
        ok: false,
        error: { kind: 'error', code: 'VERIFICATION_FAILED', detail: expect.stringMatching(/check 3/) },
      });
    } finally {
      await proxy.close();
    }
  });

  it("catches another person's genuine certificate replayed as the answer", async () => {
    let recorded: Buffer | undefined;
    const proxy = await startRecordingProxy(rig.sim, (answer) => {
      recorded ??= answer.body;
      return { ...answer, status: 200, body: recorded };
    });
    try {
      const viaProxy = await rig.client({ url: proxy.url });
      expect((await viaProxy.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal())).ok).toBe(true);
      const outcome = await viaProxy.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'ayiguli'), noSignal());
      expect(outcome).toMatchObject({ ok: false, error: { code: 'VERIFICATION_FAILED', detail: expect.stringMatching(/check 4/) } });
      expect(JSON.stringify(outcome)).not.toContain('张三');
    } finally {
      await proxy.close();
    }
  });

  it('abandons an answer over 1 MiB', async () => {
    const proxy = await startRecordingProxy(rig.sim, (answer) => ({ ...answer, status: 200, body: Buffer.alloc(2 * 1024 * 1024, 0x20) }));
    try {
      const viaBloat = await rig.client({ url: proxy.url });
      expect(await viaBloat.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal())).toMatchObject({
        ok: false,
        error: { code: 'VERIFICATION_FAILED', detail: expect.stringMatching(/check 1/) },
      });
    } finally {
      await proxy.close();
    }
  });

  it('keeps its total deadline against a slow trickle, however many retries', async () => {
    const serverCert = await readFile(rig.sim.files.serverCert);
    const serverKey = await readFile(rig.sim.files.serverKey);
    const trickle = https.createServer({ cert: serverCert, key: serverKey }, (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 });
      const timer = setInterval(() => response.write(' '), 20);
      response.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => trickle.listen(0, '127.0.0.1', resolve));
    try {
      const slow = await rig.client({
        url: `https://127.0.0.1:${(trickle.address() as AddressInfo).port}`,
        timings: { attemptMs: 150, totalMs: 400 },
      });
      const started = performance.now();
      const outcome = await slow.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal());
      expect(outcome).toMatchObject({ ok: false, error: { code: 'TIMEOUT', retryable: true } });
      expect(performance.now() - started).toBeLessThan(600);
      // The last attempt's deadline is what was left of the budget: said in whole milliseconds.
      const detail = outcome.ok ? '' : outcome.error.kind === 'error' ? outcome.error.detail : '';
      expect(detail).toMatch(/ \d+ ms/);
      expect(detail).not.toMatch(/\d\.\d/);
    } finally {
      trickle.closeAllConnections();
      await new Promise((resolve) => trickle.close(resolve));
    }
  });

  it('refuses to start without its files or with a trust list that does not verify, naming the file', async () => {
    const config = simulatorClientConfig(rig.sim);
    const missing = join(rig.dataDir, 'no-such-trust-list.jws');
    await expect(createGatewayClient({ ...config, trustListFile: missing }, { logger: silentLogger })).rejects.toThrow(
      `cannot read trustListFile ${missing}`,
    );
    const noCert = join(rig.dataDir, 'no-such-client-cert.pem');
    await expect(createGatewayClient({ ...config, clientCertFile: noCert }, { logger: silentLogger })).rejects.toThrow(
      `cannot read clientCertFile ${noCert}`,
    );
    const forged = join(rig.dataDir, 'forged-trust-list.jws');
    const [header, payload, signature] = (await readFile(rig.sim.files.trustList, 'utf8')).trim().split('.');
    const document = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    document.version += 1;
    await writeFile(forged, `${header}.${Buffer.from(JSON.stringify(document)).toString('base64url')}.${signature}`);
    await expect(createGatewayClient({ ...config, trustListFile: forged }, { logger: silentLogger })).rejects.toThrow(
      `trust list ${forged} refused`,
    );
    await expect(createGatewayClient({ ...config, timings: { maxRetries: 3 } }, { logger: silentLogger })).rejects.toThrow(
      'timings.maxRetries is at most 2',
    );
  });

  it('refuses an older signed trust list than one it accepted before (no rollback to a revoked key)', async () => {
    const config = simulatorClientConfig(rig.sim);
    const versionFile = join(rig.dataDir, 'trust-list-version.json');
    const current = await createGatewayClient({ ...config, trustListVersionFile: versionFile }, { logger: silentLogger });
    const installed = current.trustList.version;
    await current.close();
    expect(JSON.parse(await readFile(versionFile, 'utf8'))).toEqual({ version: installed });
    // A genuinely signed list, one version older: what an attacker would put back.
    const [, payload] = (await readFile(rig.sim.files.trustList, 'utf8')).trim().split('.');
    const document = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as TrustListDocument;
    const rootKey = createPrivateKey(await readFile(rig.sim.files.trustRootKey, 'utf8'));
    const older = join(rig.dataDir, 'older-trust-list.jws');
    await writeFile(older, publishTrustList({ ...document, version: installed - 1 }, rootKey));
    await expect(
      createGatewayClient({ ...config, trustListFile: older, trustListVersionFile: versionFile }, { logger: silentLogger }),
    ).rejects.toThrow(`trust list ${older} refused`);
    // The same older list is accepted by a kiosk that never saw a newer one: the check is the recorded version.
    const fresh = await createGatewayClient({ ...config, trustListFile: older }, { logger: silentLogger });
    expect(fresh.trustList.version).toBe(installed - 1);
    await fresh.close();
  });

  it('reuses its data directory on a later start', async () => {
    const caBefore = await readFile(rig.sim.files.caCert, 'utf8');
    const trustBefore = await readFile(rig.sim.files.trustList, 'utf8');
    const again = await rig.sibling({});
    expect(again.files).toEqual(rig.sim.files);
    expect(again.kiosks).toEqual(rig.sim.kiosks);
    expect(await readFile(again.files.caCert, 'utf8')).toBe(caBefore);
    expect(await readFile(again.files.trustList, 'utf8')).toBe(trustBefore);
    const viaAgain = await rig.client({ url: again.url });
    expect((await viaAgain.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal())).ok).toBe(true);
  });

  it('runs from its command line, with faults from flags and from a JSON file', async () => {
    const cliDir = await mkdtemp(join(tmpdir(), 'gateway-sim-cli-'));
    const faultsFile = join(cliDir, 'faults.json');
    await writeFile(faultsFile, JSON.stringify({ faults: [{ kind: 'latency', ms: 1 }] }));
    const child = spawn(
      join(process.cwd(), 'node_modules/.bin/tsx'),
      [
        'scripts/gateway-simulator.ts',
        '--data-dir',
        cliDir,
        '--port',
        '0',
        '--faults-file',
        faultsFile,
        '--fault',
        'error:code=KIOSK_NOT_AUTHORISED,count=1',
        '--rate-limit',
        'off',
      ],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stderr.on('data', (chunk: Buffer) =>
      cliLog.lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((line) => line.startsWith('{')),
      ),
    );
    try {
      const printed = await readPrintedJson<{
        gatewaySimulator: string;
        dataDir: string;
        faults: unknown[];
        kiosks: Array<{ alg: string; clientConfig: Parameters<typeof createGatewayClient>[0] }>;
      }>(child);
      expect(printed.dataDir).toBe(cliDir);
      expect(printed.faults).toHaveLength(2);
      expect(printed.kiosks.map((k) => k.alg)).toEqual(['ES256', 'SM2-SM3']);
      for (const kiosk of printed.kiosks) {
        const cliClient = await rig.client(kiosk.clientConfig);
        expect(await cliClient.health(noSignal())).toMatchObject({ ok: true });
      }
      const cliClient = await rig.client(printed.kiosks[0]!.clientConfig);
      const refused = await cliClient.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal());
      expect(refused).toMatchObject({ ok: false, error: { code: 'KIOSK_NOT_AUTHORISED' } });
      expect(citizenSees(refused)).toBe('GATEWAY_REFUSED');
      expect(
        citizenSees(await cliClient.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal())),
      ).toBe('printed');
    } finally {
      child.kill('SIGTERM');
      await rm(cliDir, { recursive: true, force: true });
    }
  });

  it('logs no personal data, nor any hash of it, on either side', () => {
    expect(rig.audits().length).toBeGreaterThan(10);
    expectNoPersonalData([...rig.clientLog.lines, ...rig.simLog.lines, ...cliLog.lines]);
  });
});
