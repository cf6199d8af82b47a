// The real gateway client against the real simulator over real HTTPS on 127.0.0.1, plus tiny test-only HTTPS
// servers (with the simulator's own server certificate) that tamper, replay, bloat or trickle.

import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../device-drivers/id-reader/id-number';
import { loadCatalogue, type Errand } from '../../kiosk/errands/catalogue';
import { addDays, shanghaiDate } from '../../kiosk/gateway/contract-time';
import type { FetchRequest } from '../../kiosk/gateway/gateway-client';
import { createGatewayClient, type GatewayClientConfig, type HttpsGatewayClient } from '../../kiosk/gateway/https-gateway-client';
import { verifySeal } from '../../kiosk/gateway/seal-kq1';
import { createMemoryLogger, silentLogger } from '../../kiosk/logger';
import { isValidUscc } from '../../scripts/gateway-simulator/uscc';
import { simulatorClientConfig, startGatewaySimulator, type RunningGatewaySimulator } from '../../scripts/gateway-simulator/simulator';
import { testCitizens } from '../../scripts/synthetic-population';

const errands = loadCatalogue();
const errand = (id: string): Errand => errands.find((e) => e.id === id)!;
const citizen = (key: string) => testCitizens.find((c) => c.key === key)!;

function fetchRequest(errandId: string, citizenKey: string, grantedAt = new Date()): FetchRequest {
  const e = errand(errandId);
  return {
    certTypes: e.certTypes, issueCode: e.issueCode, purposeCode: e.purposeCode,
    card: { ...citizen(citizenKey).card, photo: new Uint8Array(0) }, consent: { method: 'id-card', grantedAt },
  };
}
const noSignal = () => new AbortController().signal;

let dataDir: string;
let sim: RunningGatewaySimulator;
let client: HttpsGatewayClient;
const clientLog = createMemoryLogger();
const simLog = createMemoryLogger();
const openClients: HttpsGatewayClient[] = [];

async function extraClient(config: Partial<GatewayClientConfig> = {}, deps: Partial<Parameters<typeof createGatewayClient>[1]> = {}) {
  const made = await createGatewayClient({ ...simulatorClientConfig(sim), ...config }, { logger: clientLog, ...deps });
  openClients.push(made);
  return made;
}

/** A test-only HTTPS server presenting the simulator's certificate, so the kiosk's pinned CA accepts it. */
async function testServer(handler: (request: IncomingMessage, body: Buffer, response: ServerResponse) => void) {
  const server = https.createServer(
    { cert: await readFile(sim.files.serverCert), key: await readFile(sim.files.serverKey) },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => handler(request, Buffer.concat(chunks), response));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

/** Forwards a request to the simulator and returns its answer. */
async function forward(request: IncomingMessage, body: Buffer): Promise<{ status: number; body: Buffer }> {
  const ca = await readFile(sim.files.caCert);
  const { host: _host, ...headers } = request.headers;
  return new Promise((resolve, reject) => {
    const upstream = https.request(`${sim.url}${request.url}`, { method: request.method, headers, ca }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gateway-sim-'));
  sim = await startGatewaySimulator({ dataDir, port: 0, logger: simLog });
  client = await createGatewayClient(simulatorClientConfig(sim), { logger: clientLog });
});

afterAll(async () => {
  for (const extra of openClients) await extra.close();
  await client?.close();
  await sim?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('gateway client against the simulator', () => {
  it('answers health over HTTPS with the pinned CA', async () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await client.health(noSignal());
    expect(health.ok).toBe(true);
  });

  it('gets Zhang San a verified no-property proof with a matching seal', async () => {
    const before = new Date();
    const outcome = await client.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.certificates).toHaveLength(1);
    const [certificate] = outcome.certificates;
    const zhang = citizen('zhang-san').card;
    expect(certificate).toMatchObject({
      verified: true, certType: 'no-property-proof', title: '无房证明', kioskId: 'kiosk-dev-0001',
      holder: { idType: 'resident-id', idNumber: zhang.idNumber, name: '张三' },
      issuer: { name: '杭州市不动产登记服务中心' }, purpose: 'provident-fund-withdrawal',
      fields: [{ key: 'region', label: '查询范围', value: '杭州市' }],
    });
    const today = shanghaiDate(before);
    const [y, m, d] = today.split('-').map(Number);
    expect(certificate!.statement).toBe(`经查询，截至${y}年${m}月${d}日，张三（身份证号码${zhang.idNumber}）在杭州市范围内无登记在册的住房。`);
    expect(certificate!.validUntil).toBe(addDays(today, 30));
    expect(isValidUscc(certificate!.issuer.code)).toBe(true);
    const seal = verifySeal(certificate!.seal, client.trustList, new Date());
    expect(seal).toMatchObject({ ok: true, claims: { t: 'no-property-proof', id: certificate!.certId, n: '张三', m: maskIdNumber(zhang.idNumber), f: { region: '杭州市' } } });

    // Log lines are JSON objects of scalars; any is fine for reading them back.
    const audit = clientLog.lines.map((line) => JSON.parse(line)).find((record) => record.certIds === certificate!.certId);
    expect(audit).toMatchObject({ event: 'gateway.fetch', disposition: 'success', outcome: 'issued', certTypes: 'no-property-proof', httpStatus: 200 });
    expect(typeof audit.latencyMs).toBe('number');
  });

  it('fetches both certificates of the renter errand in one request, from two departments', async () => {
    const outcome = await client.fetchCertificates(fetchRequest('renter-provident-fund-withdrawal', 'zhang-san'), noSignal());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.certificates.map((c) => c.certType)).toEqual(['no-property-proof', 'social-security-record']);
    const [property, insurance] = outcome.certificates;
    expect(property!.requestId).toBe(insurance!.requestId);
    expect(property!.issuer.code).not.toBe(insurance!.issuer.code);
    expect(insurance!.fields).toEqual([
      { key: 'region', label: '参保地', value: '杭州市' },
      { key: 'months', label: '累计缴费月数', value: '86' },
      { key: 'lastPaidMonth', label: '最近缴费月份', value: '2026-10' },
    ]);
    expect(insurance!.statement).toContain('累计缴费86个月，最近缴费月份为2026年10月');
  });

  it('serves foreign and HMT card holders under their own id types', async () => {
    for (const key of ['anna-schmidt', 'chan-tai-man', 'ayiguli']) {
      const outcome = await client.fetchCertificates(fetchRequest('residence-proof', key), noSignal());
      expect(outcome.ok, key).toBe(true);
      if (outcome.ok) expect(outcome.certificates[0]!.holder.name).toBe(citizen(key).card.name);
    }
  });

  it('refuses Li Si a no-property proof (owns housing) and says which one', async () => {
    const outcome = await client.fetchCertificates(fetchRequest('renter-provident-fund-withdrawal', 'li-si'), noSignal());
    expect(outcome).toEqual({
      ok: false, kind: 'refused',
      refusals: [{ certType: 'no-property-proof', code: 'NOT_ELIGIBLE', retryable: false }],
      issued: ['social-security-record'],
    });
  });

  it('tells Wang Wu plainly that the sources do not know him', async () => {
    const outcome = await client.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'wang-wu'), noSignal());
    expect(outcome).toMatchObject({ ok: false, kind: 'error', code: 'HOLDER_NOT_FOUND', retryable: false });
  });

  it('replays the stored answer for the same request id and body, and refuses the id with another body', async () => {
    const requestId = '6f1d2b3c-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    const fixed = await extraClient({}, { newRequestId: () => requestId });
    const request = fetchRequest('renter-provident-fund-withdrawal', 'zhang-san');
    const first = await fixed.fetchCertificates(request, noSignal());
    const second = await fixed.fetchCertificates(request, noSignal());
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.certificates.map((c) => c.certId)).toEqual(first.certificates.map((c) => c.certId));
    expect(second.certificates).toEqual(first.certificates);
    const reused = await fixed.fetchCertificates(fetchRequest('renter-provident-fund-withdrawal', 'ayiguli'), noSignal());
    expect(reused).toMatchObject({ ok: false, kind: 'error', code: 'REQUEST_ID_REUSED' });
  });

  it('is refused CONSENT_INVALID for stale consent or an errand that may not use the type', async () => {
    const stale = await client.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san', new Date(Date.now() - 10 * 60_000)), noSignal());
    expect(stale).toMatchObject({ ok: false, code: 'CONSENT_INVALID' });
    const wrongErrand = { ...fetchRequest('no-property-proof-provident-fund', 'zhang-san'), issueCode: errand('social-security-record').issueCode };
    expect(await client.fetchCertificates(wrongErrand, noSignal())).toMatchObject({ ok: false, code: 'CONSENT_INVALID' });
  });

  it('is refused UNAUTHENTICATED for a signing key the gateway does not know, and CLOCK_SKEW for a wrong clock', async () => {
    const keyFile = join(dataDir, 'unregistered-key.pem');
    await writeFile(keyFile, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const impostor = await extraClient({ signingKeyFile: keyFile });
    expect(await impostor.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal()))
      .toMatchObject({ ok: false, code: 'UNAUTHENTICATED', retryable: false });
    const unregistered = await extraClient({ kioskId: 'kiosk-dev-9999' });
    expect(await unregistered.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal()))
      .toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const fast = await extraClient({}, { now: () => new Date(Date.now() + 10 * 60_000) });
    expect(await fast.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal()))
      .toMatchObject({ ok: false, code: 'CLOCK_SKEW' });
  });

  it('catches a certificate altered on the way (check 3)', async () => {
    const proxy = await testServer(async (request, body, response) => {
      const answer = await forward(request, body);
      // JSON.parse gives any: this test edits the wire format freely, as an attacker on the path would.
      const json = JSON.parse(answer.body.toString());
      const [header, payload, signature] = (json.results[0].certificate as string).split('.');
      const altered = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), statement: '经查询，……无登记在册的住房。（篡改）' };
      json.results[0].certificate = `${header}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`;
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
    try {
      const viaProxy = await extraClient({ url: proxy.url });
      const outcome = await viaProxy.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal());
      expect(outcome).toMatchObject({ ok: false, kind: 'error', code: 'VERIFICATION_FAILED', detail: expect.stringMatching(/check 3/) });
    } finally {
      await proxy.close();
    }
  });

  it("catches another person's genuine certificate replayed as the answer (wrong holder)", async () => {
    let recorded: Buffer | undefined;
    const proxy = await testServer(async (request, body, response) => {
      const answer = await forward(request, body);
      recorded ??= answer.body;
      response.writeHead(200, { 'content-type': 'application/json' }).end(recorded);
    });
    try {
      const viaProxy = await extraClient({ url: proxy.url });
      expect((await viaProxy.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal())).ok).toBe(true);
      const outcome = await viaProxy.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'ayiguli'), noSignal());
      expect(outcome).toMatchObject({ ok: false, code: 'VERIFICATION_FAILED', detail: expect.stringMatching(/check 4/) });
      expect(JSON.stringify(outcome)).not.toContain('张三');
    } finally {
      await proxy.close();
    }
  });

  it('abandons an answer over 1 MiB', async () => {
    const bloated = await testServer((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(Buffer.alloc(2 * 1024 * 1024, 0x20));
    });
    try {
      const viaBloat = await extraClient({ url: bloated.url });
      expect(await viaBloat.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal()))
        .toMatchObject({ ok: false, code: 'VERIFICATION_FAILED', detail: expect.stringMatching(/check 1/) });
    } finally {
      await bloated.close();
    }
  });

  it('keeps its deadline against a slow trickle, and stops when the session cancels', async () => {
    const trickle = await testServer((_request, _body, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 });
      const timer = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(timer));
    });
    try {
      const slow = await extraClient({ url: trickle.url, timeouts: { attemptMs: 300, totalMs: 400, connectMs: 1000 } });
      const started = Date.now();
      const outcome = await slow.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal());
      expect(outcome).toMatchObject({ ok: false, code: 'TIMEOUT', retryable: true });
      expect(Date.now() - started).toBeLessThan(1000);

      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const patient = await extraClient({ url: trickle.url, timeouts: { attemptMs: 5000 } });
      expect(await patient.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), controller.signal))
        .toMatchObject({ ok: false, code: 'CANCELED' });
    } finally {
      await trickle.close();
    }
  });

  it('trusts only its configured CA', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'gateway-sim-other-'));
    const other = await startGatewaySimulator({ dataDir: otherDir, port: 0 });
    try {
      const misdirected = await extraClient({ url: other.url });
      const outcome = await misdirected.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal());
      expect(outcome).toMatchObject({ ok: false, kind: 'error', code: 'TRANSPORT' });
    } finally {
      await other.close();
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('refuses to start without its files or with a trust list that does not verify, naming the file', async () => {
    const missing = join(dataDir, 'no-such-trust-list.jws');
    await expect(createGatewayClient({ ...simulatorClientConfig(sim), trustListFile: missing }, { logger: silentLogger }))
      .rejects.toThrow(`cannot read trustListFile ${missing}`);
    const forged = join(dataDir, 'forged-trust-list.jws');
    const [header, payload, signature] = (await readFile(sim.files.trustList, 'utf8')).trim().split('.');
    const document = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    document.version += 1;
    await writeFile(forged, `${header}.${Buffer.from(JSON.stringify(document)).toString('base64url')}.${signature}`);
    await expect(createGatewayClient({ ...simulatorClientConfig(sim), trustListFile: forged }, { logger: silentLogger }))
      .rejects.toThrow(`trust list ${forged} refused`);
  });

  it('reuses its data directory on a later start', async () => {
    const caBefore = await readFile(sim.files.caCert, 'utf8');
    const trustBefore = await readFile(sim.files.trustList, 'utf8');
    const again = await startGatewaySimulator({ dataDir, port: 0 });
    try {
      expect(again.files).toEqual(sim.files);
      expect(await readFile(again.files.caCert, 'utf8')).toBe(caBefore);
      expect(await readFile(again.files.trustList, 'utf8')).toBe(trustBefore);
      const viaAgain = await extraClient({ url: again.url });
      expect((await viaAgain.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal())).ok).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('runs from its command line', async () => {
    const cliDir = await mkdtemp(join(tmpdir(), 'gateway-sim-cli-'));
    const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/gateway-simulator.ts', '--data-dir', cliDir, '--port', '0'], {
      cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /"gatewaySimulator": "(https:\/\/127\.0\.0\.1:\d+)"/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`simulator exited ${code}`)));
      });
      const cliClient = await extraClient({
        url, caFile: join(cliDir, 'ca-cert.pem'), trustListFile: join(cliDir, 'trust-list.jws'), trustRootFile: join(cliDir, 'trust-root.pem'),
        signingKeyFile: join(cliDir, 'kiosks/kiosk-dev-0001/signing-key.pem'),
        clientCertFile: join(cliDir, 'kiosks/kiosk-dev-0001/client-cert.pem'), clientKeyFile: join(cliDir, 'kiosks/kiosk-dev-0001/client-key.pem'),
      });
      expect(await cliClient.health(noSignal())).toMatchObject({ ok: true });
    } finally {
      child.kill('SIGTERM');
      await rm(cliDir, { recursive: true, force: true });
    }
  });

  it('logs no personal data, nor any hash of it, on either side', () => {
    const logs = [...clientLog.lines, ...simLog.lines].join('\n');
    expect(clientLog.lines.length).toBeGreaterThan(5);
    expect(simLog.lines.length).toBeGreaterThan(5);
    for (const { card } of testCitizens) {
      for (const secret of [card.name, card.idNumber, maskIdNumber(card.idNumber), createHash('sha256').update(card.idNumber).digest('hex')]) {
        expect(logs).not.toContain(secret);
      }
    }
    // Request-body hashes would confirm a visit to anyone who knows a name and ID number: none are logged.
    expect(logs).not.toMatch(/requestHash|[0-9a-f]{64}/);
  });
});
