// The client policy against the real simulator over real mutual TLS: idempotent retries, Retry-After, the
// circuit breaker (open, fast refusal, half-open, probe), clock-skew correction, mutual TLS refusals, the
// simulator's own rate limit and request checks, and its admin endpoint.

import { request as httpsRequest } from 'node:https';
import { readFile, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDevCa, issueServerCertificate } from '../../../scripts/gateway-simulator/dev-pki';
import {
  citizenSees,
  expectNoPersonalData,
  fetchRequest,
  noSignal,
  nothingPrinted,
  throughSession,
  startRig,
  type GatewayRig,
} from './gateway-rig';
import { startRecordingProxy } from './recording-proxy';

let rig: GatewayRig;
beforeAll(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.clearFaults();
  await rig.closeClients();
});
afterAll(async () => {
  await rig?.close();
});

const zhang = (grantedAt?: Date) => fetchRequest('no-property-proof-provident-fund', 'zhang-san', grantedAt);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One raw HTTPS request to the simulator with the ES256 kiosk's client certificate (or none). */
async function rawRequest(options: {
  path: string;
  method: string;
  headers?: Record<string, string>;
  body?: Buffer;
  withClientCert?: boolean;
}) {
  const kiosk = rig.sim.kiosks.find((k) => k.alg === 'ES256')!;
  const ca = await readFile(rig.sim.files.caCert);
  const identity =
    options.withClientCert === false ? {} : { cert: await readFile(kiosk.files.clientCert), key: await readFile(kiosk.files.clientKey) };
  return new Promise<{ status: number; json: unknown; headers: Record<string, unknown> } | { error: string }>((resolve) => {
    const request = httpsRequest(
      `${rig.sim.url}${options.path}`,
      { method: options.method, headers: options.headers ?? {}, ca, ...identity },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString());
          } catch {
            json = null;
          }
          resolve({ status: response.statusCode ?? 0, json, headers: response.headers });
        });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.name }));
    request.end(options.body);
  });
}

describe('retries', () => {
  it('re-send the identical body bytes under the same X-Request-Id; only X-Timestamp and X-Signature are new', async () => {
    await rig.setFaults([{ kind: '5xx', status: 502, count: 2 }]);
    const proxy = await startRecordingProxy(rig.sim);
    try {
      const client = await rig.client({ url: proxy.url });
      const outcome = await client.fetchCertificates(zhang(), noSignal());
      expect(citizenSees(outcome)).toBe('printed');
      expect(proxy.requests).toHaveLength(3);
      const [first, ...retries] = proxy.requests;
      for (const retry of retries) {
        expect(retry.body.equals(first!.body)).toBe(true);
        for (const name of ['x-request-id', 'x-kiosk-id', 'x-issue', 'x-purpose', 'x-signature-alg'])
          expect(retry.headers[name]).toBe(first!.headers[name]);
        expect(retry.headers['x-signature']).not.toBe(first!.headers['x-signature']);
      }
      expect(new Set(proxy.requests.map((r) => r.headers['x-timestamp'])).size).toBe(3);
      if (outcome.ok) expect(outcome.value[0]!.requestId).toBe(first!.headers['x-request-id']);
    } finally {
      await proxy.close();
    }
  });

  it('honour Retry-After: the retry waits for it, then succeeds', async () => {
    await rig.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 1, count: 1 }]);
    const client = await rig.client({ timings: { totalMs: 3_000 } });
    const started = performance.now();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    expect(citizenSees(outcome)).toBe('printed');
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(rig.audits().at(-1)).toMatchObject({ outcome: 'issued', attempts: 2 });
  });

  it('are not made for answers the contract does not call retryable', async () => {
    const client = await rig.client();
    const outcome = await client.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'wang-wu'), noSignal());
    expect(outcome).toMatchObject({ ok: false, error: { code: 'HOLDER_NOT_FOUND', retryable: false } });
    expect(citizenSees(outcome)).toBe('HOLDER_NOT_FOUND');
    expect(rig.audits().at(-1)).toMatchObject({ attempts: 1, httpStatus: 404 });
  });
});

describe('circuit breaker', () => {
  it('opens after 5 consecutive failures, refuses at once while open, then half-opens', async () => {
    await rig.setFaults([{ kind: '5xx', status: 503 }]);
    const client = await rig.client({ timings: { maxRetries: 0, breakerThreshold: 5, breakerOpenMs: 150 } });
    for (let i = 1; i <= 4; i++) {
      expect(await client.fetchCertificates(zhang(), noSignal())).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
      expect(client.available()).toBe(true);
    }
    expect(client.breakerState()).toBe('closed');
    expect(await client.fetchCertificates(zhang(), noSignal())).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect(client.available()).toBe(false);
    expect(client.breakerState()).toBe('open');
    expect(client.diagnostics()).toMatchObject({ breaker: 'open', lastFailure: { code: 'UPSTREAM_UNAVAILABLE', action: 'watch' } });

    // While open, nothing reaches the gateway (no attempt, no request) and the citizen is told at once.
    const before = rig.simRequests().length;
    const refused = await client.fetchCertificates(zhang(), noSignal());
    expect(refused).toMatchObject({ ok: false, error: { kind: 'error', code: 'CIRCUIT_OPEN', retryable: true } });
    expect(await throughSession(refused)).toEqual(nothingPrinted);
    expect(citizenSees(refused)).toBe('GATEWAY_UNAVAILABLE');
    expect(rig.simRequests().length).toBe(before);
    expect(rig.audits().at(-1)).toMatchObject({ outcome: 'CIRCUIT_OPEN', attempts: 0 });

    // After the open time, one test attempt passes; it fails, so the breaker opens again.
    await sleep(170);
    expect(client.breakerState()).toBe('halfOpen');
    expect(client.available()).toBe(true);
    expect(await client.fetchCertificates(zhang(), noSignal())).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } });
    expect(client.breakerState()).toBe('open');

    // The gateway recovers: the next test attempt succeeds and closes it.
    await rig.clearFaults();
    await sleep(170);
    expect(client.breakerState()).toBe('halfOpen');
    expect(citizenSees(await client.fetchCertificates(zhang(), noSignal()))).toBe('printed');
    expect(client.breakerState()).toBe('closed');
    expect(client.available()).toBe(true);
    const transitions = rig.clientLog.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((r) => r.event === 'gateway.breaker')
      .map((r) => r.state);
    expect(transitions.slice(-5)).toEqual(['open', 'halfOpen', 'open', 'halfOpen', 'closed']);
  });

  it('counts only transport errors, timeouts, 5xx and 429: any other answer resets the count', async () => {
    const client = await rig.client({ timings: { maxRetries: 0, breakerThreshold: 5 } });
    await rig.setFaults([{ kind: '5xx', status: 500 }]);
    for (let i = 0; i < 4; i++) await client.fetchCertificates(zhang(), noSignal());
    await rig.setFaults([{ kind: 'error', code: 'CONSENT_INVALID' }]);
    await client.fetchCertificates(zhang(), noSignal());
    await rig.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 60 }]);
    for (let i = 0; i < 4; i++) await client.fetchCertificates(zhang(), noSignal());
    expect(client.breakerState()).toBe('closed');
    await rig.setFaults([{ kind: 'hang' }]);
    await client.fetchCertificates(zhang(), noSignal());
    expect(client.breakerState()).toBe('open');
  });

  it('closes by itself when its health probe finds the gateway back, without a citizen waiting', async () => {
    await rig.setFaults([{ kind: 'truncated-body' }]);
    const client = await rig.client({ timings: { maxRetries: 0, breakerThreshold: 2, breakerOpenMs: 80 } }, { probeWhenOpen: true });
    await client.fetchCertificates(zhang(), noSignal());
    await client.fetchCertificates(zhang(), noSignal());
    expect(client.available()).toBe(false);
    await rig.clearFaults();
    const healthBefore = rig.simRequests().filter((r) => r.route === 'health').length;
    // Wall-clock bound, generous: on a loaded two-core machine the probe's TLS handshake can take a while.
    const deadline = Date.now() + 10_000;
    while (client.breakerState() !== 'closed' && Date.now() < deadline) await sleep(20);
    expect(client.breakerState()).toBe('closed');
    expect(rig.simRequests().filter((r) => r.route === 'health').length).toBe(healthBefore + 1);
  });
});

describe('clock skew', () => {
  it('corrects the offset from serverTime once, asks again as a new request, and keeps the correction', async () => {
    const fast = () => new Date(Date.now() + 10 * 60_000);
    const client = await rig.client({}, { now: fast });
    const first = await client.fetchCertificates(zhang(fast()), noSignal());
    expect(citizenSees(first)).toBe('printed');
    expect(rig.audits().at(-1)).toMatchObject({ outcome: 'issued', attempts: 2, clockCorrected: true });
    expect(Math.abs(client.diagnostics().clockOffsetMs + 10 * 60_000)).toBeLessThan(5_000);
    const corrected = rig.clientLog.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((r) => r.event === 'gateway.clock_corrected');
    expect(corrected).toMatchObject({ disposition: 'failure' });
    const second = await client.fetchCertificates(zhang(fast()), noSignal());
    expect(citizenSees(second)).toBe('printed');
    expect(rig.audits().at(-1)).toMatchObject({ attempts: 1, clockCorrected: false });
  });

  it('retries only once: a second CLOCK_SKEW is final, "this kiosk cannot do this errand now"', async () => {
    await rig.setFaults([{ kind: 'error', code: 'CLOCK_SKEW' }]);
    const client = await rig.client();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CLOCK_SKEW', retryable: false } });
    expect(citizenSees(outcome)).toBe('GATEWAY_REFUSED');
    expect(rig.audits().at(-1)).toMatchObject({ attempts: 2, clockCorrected: true });
  });
});

describe('mutual TLS', () => {
  it('the simulator refuses the handshake without a client certificate', async () => {
    const answer = await rawRequest({ path: '/v1/health', method: 'GET', withClientCert: false });
    expect(answer).toEqual({ error: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' });
    expect(rig.simLog.lines.some((line) => line.includes('gateway_sim.tls_refused'))).toBe(true);
    const kiosk = rig.sim.kiosks[0]!;
    expect(kiosk.files.clientCert.startsWith(rig.sim.files.dir)).toBe(true);
    expect(await rawRequest({ path: '/v1/health', method: 'GET' })).toMatchObject({ status: 200, json: { status: 'ok' } });
  });

  it('a client certificate from another CA: no exchange, TRANSPORT, staff alerted, nothing printed', async () => {
    const stranger = await createDevCa();
    const certFile = join(rig.dataDir, 'stranger-cert.pem');
    const keyFile = join(rig.dataDir, 'stranger-key.pem');
    await writeFile(certFile, stranger.certPem);
    await writeFile(keyFile, stranger.keyPem);
    const client = await rig.client({ clientCertFile: certFile, clientKeyFile: keyFile });
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    // Under TLS 1.3 the server judges the client certificate after the client's handshake is done, and Node
    // closes without an alert: to the kiosk it looks like a connection cut (retried), not a refusal.
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'error', code: 'TRANSPORT', detail: expect.stringMatching(/ECONNRESET/) } });
    expect(await throughSession(outcome)).toEqual(nothingPrinted);
    expect(citizenSees(outcome)).toBe('GATEWAY_UNAVAILABLE');
    expect(rig.audits().at(-1)).toMatchObject({ staffAction: 'staff-alert', httpStatus: null });
  });

  it('the kiosk trusts only its configured CA: a server from another CA is refused', async () => {
    const otherCa = await createDevCa();
    const otherServer = await issueServerCertificate(otherCa);
    const impostor = https.createServer({ cert: otherServer.certPem, key: otherServer.keyPem }, (_request, response) => response.end('{}'));
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      const client = await rig.client({ url: `https://127.0.0.1:${(impostor.address() as AddressInfo).port}` });
      const outcome = await client.fetchCertificates(zhang(), noSignal());
      expect(outcome).toMatchObject({
        ok: false,
        error: { code: 'TRANSPORT', retryable: false, detail: expect.stringMatching(/TLS handshake refused/) },
      });
    } finally {
      impostor.closeAllConnections();
      await new Promise((resolve) => impostor.close(resolve));
    }
  });

  it('X-Kiosk-Id must equal the client certificate CN: UNAUTHENTICATED', async () => {
    const sm2 = rig.sim.kiosks.find((k) => k.alg === 'SM2-SM3')!;
    // The SM2 kiosk's id and key, over the ES256 kiosk's TLS identity.
    const client = await rig.client({ kioskId: sm2.kioskId, signingAlgorithm: 'SM2-SM3', signingKeyFile: sm2.files.signingKey });
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', retryable: false } });
    expect(citizenSees(outcome)).toBe('GATEWAY_REFUSED');
  });
});

describe('the simulator on its own', () => {
  it('rate-limits each kiosk: 429 with Retry-After, which the client does not wait out beyond its budget', async () => {
    const limited = await rig.sibling({ rateLimit: { burst: 2, perMinute: 1 } });
    const client = await rig.client({ url: limited.url });
    expect(citizenSees(await client.fetchCertificates(zhang(), noSignal()))).toBe('printed');
    expect(citizenSees(await client.fetchCertificates(zhang(), noSignal()))).toBe('printed');
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', retryable: true, detail: expect.stringMatching(/beyond budget/) },
    });
    expect(rig.audits().at(-1)).toMatchObject({ attempts: 1, httpStatus: 429 });
  });

  it('answers BAD_REQUEST for missing headers and TOO_LARGE for a body over 64 KiB', async () => {
    expect(await rawRequest({ path: '/v1/certificates:fetch', method: 'POST', body: Buffer.from('{}') })).toMatchObject({
      status: 400,
      json: { error: { code: 'BAD_REQUEST', retryable: false } },
    });
    expect(await rawRequest({ path: '/v1/certificates:fetch', method: 'POST', body: Buffer.alloc(65 * 1024, 0x20) })).toMatchObject({
      status: 413,
      json: { error: { code: 'TOO_LARGE' } },
    });
    expect(await rawRequest({ path: '/v1/other', method: 'GET' })).toMatchObject({ status: 404, json: { error: { code: 'BAD_REQUEST' } } });
  });

  it('keeps its admin endpoint on loopback behind a bearer token, and checks every rule', async () => {
    const admin = rig.sim.admin!;
    expect(new URL(admin.url).hostname).toBe('127.0.0.1');
    expect((await fetch(admin.url)).status).toBe(401);
    expect((await fetch(admin.url, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
    const auth = { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' };
    const bad = await fetch(admin.url, { method: 'POST', headers: auth, body: JSON.stringify({ faults: [{ kind: '5xx', status: 418 }] }) });
    expect(bad.status).toBe(400);
    await fetch(admin.url, { method: 'POST', headers: auth, body: JSON.stringify({ faults: [{ kind: 'latency', ms: 1 }] }) });
    await fetch(`${admin.url}?append=1`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ faults: [{ kind: 'hang', count: 2, route: 'health' }] }),
    });
    const listed = (await (await fetch(admin.url, { headers: auth })).json()) as { faults: unknown[] };
    expect(listed.faults).toEqual([
      { kind: 'latency', ms: 1, route: 'fetch', remaining: null },
      { kind: 'hang', count: 2, route: 'health', remaining: 2 },
    ]);
  });
});

describe('privacy', () => {
  it('logs no personal data, nor any hash of it, on either side', () => {
    expectNoPersonalData([...rig.clientLog.lines, ...rig.simLog.lines]);
  });
});
