// The kiosk's gateway client over HTTPS: builds and signs the request, sends it within its deadlines, and
// lets nothing through that fails a check of the contract. Every call leaves one PII-free audit record.

import { randomUUID, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import type { Logger } from '../logger';
import { auditOutcome } from './gateway-audit';
import { attemptVerdict, neverOpenBreaker, type CircuitBreaker } from './circuit-breaker';
import { formatInstant, parseInstant } from './contract-time';
import { readErrorAnswer } from './error-answer';
import { buildFetchRequestBody, encodeBody } from './fetch-request-body';
import type { FetchOutcome, FetchRequest, GatewayClient } from './gateway-client';
import { httpsAttempt, type HttpsAttemptResult } from './https-attempt';
import { FETCH_PATH, HEALTH_PATH, sha256Hex, signedRequestHeaders } from './request-signing';
import { signatureScheme, type SignatureAlg } from './signature-algorithms';
import { loadTrustList, trustListIsStale, type TrustList } from './trust-list';
import { MAX_RESPONSE_BYTES, verifyFetchResponse, type SentFetch } from './verify-response';
import { healthResponseSchema } from './wire-format';

export interface GatewayClientConfig {
  /** Base URL; a deployment prefix in its path is kept in front of the contract's paths. */
  url: string;
  kioskId: string;
  /** The gateway server CA: the only one trusted. */
  caFile: string;
  clientCertFile?: string;
  clientKeyFile?: string;
  signingAlgorithm: 'ES256';
  signingKeyFile: string;
  trustListFile: string;
  /** The pinned trust-list root public key (PEM). */
  trustRootFile: string;
  timeouts?: { attemptMs?: number; totalMs?: number; connectMs?: number };
}

export interface GatewayClientDeps {
  logger: Logger;
  now?: () => Date;
  /** Request ids are UUIDv4; tests fix them to exercise idempotency. */
  newRequestId?: () => string;
  breaker?: CircuitBreaker;
}

export type HealthResult = { ok: true; serverTime: string } | { ok: false; detail: string };

export interface HttpsGatewayClient extends GatewayClient {
  /** GET /v1/health, for diagnostics and the breaker's probe. */
  health(signal: AbortSignal): Promise<HealthResult>;
  readonly trustList: TrustList;
}

const DEFAULT_TIMEOUTS = { connectMs: 3_000, attemptMs: 10_000, totalMs: 20_000 };

async function readConfigFile(label: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`gateway client: cannot read ${label} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function parseKey<T>(label: string, path: string, parse: () => T): T {
  try {
    return parse();
  } catch {
    throw new Error(`gateway client: ${label} ${path} does not hold a usable key`);
  }
}

export async function createGatewayClient(config: GatewayClientConfig, deps: GatewayClientDeps): Promise<HttpsGatewayClient> {
  const now = deps.now ?? (() => new Date());
  const newRequestId = deps.newRequestId ?? randomUUID;
  const breaker = deps.breaker ?? neverOpenBreaker;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...config.timeouts };
  const baseUrl = new URL(config.url);
  if (baseUrl.protocol !== 'https:') throw new Error(`gateway client: url must be https, got ${baseUrl.protocol}`);
  if ((config.clientCertFile === undefined) !== (config.clientKeyFile === undefined)) {
    throw new Error('gateway client: clientCertFile and clientKeyFile go together');
  }

  const ca = await readConfigFile('caFile', config.caFile);
  const clientCert = config.clientCertFile ? await readConfigFile('clientCertFile', config.clientCertFile) : undefined;
  const clientKey = config.clientKeyFile ? await readConfigFile('clientKeyFile', config.clientKeyFile) : undefined;
  const signingKeyPem = await readConfigFile('signingKeyFile', config.signingKeyFile);
  const trustListText = await readConfigFile('trustListFile', config.trustListFile);
  const trustRootPem = await readConfigFile('trustRootFile', config.trustRootFile);

  const alg: SignatureAlg = config.signingAlgorithm;
  const scheme = signatureScheme(alg);
  if (!scheme) throw new Error(`gateway client: no implementation of ${alg} yet`);
  const signingKey: KeyObject = parseKey('signingKeyFile', config.signingKeyFile, () => createPrivateKey(signingKeyPem));
  if (!scheme.acceptsKey(createPublicKey(signingKey))) {
    throw new Error(`gateway client: signingKeyFile ${config.signingKeyFile} is not an ${alg} key`);
  }
  const trustRoot = parseKey('trustRootFile', config.trustRootFile, () => createPublicKey(trustRootPem));
  const loaded = loadTrustList(trustListText, trustRoot);
  if (!loaded.ok) throw new Error(`gateway client: trust list ${config.trustListFile} refused: ${loaded.reason}`);
  const trustList = loaded.list;
  if (trustListIsStale(trustList, now())) {
    deps.logger.event('gateway.trust_list_stale', 'failure', { version: trustList.version, nextUpdate: new Date(trustList.nextUpdateMs).toISOString() });
  }

  const agent = new https.Agent({
    ca,
    ...(clientCert && clientKey ? { cert: clientCert, key: clientKey } : {}),
    keepAlive: true,
    maxSockets: 4,
    minVersion: 'TLSv1.2',
  });
  const urlFor = (path: string): URL => new URL(baseUrl.pathname.replace(/\/$/, '') + path, baseUrl);

  async function fetchCertificates(request: FetchRequest, signal: AbortSignal): Promise<FetchOutcome> {
    const started = Date.now();
    const requestId = newRequestId();
    const audit = (outcome: FetchOutcome, fields: { httpStatus?: number } = {}): FetchOutcome => {
      deps.logger.event('gateway.fetch', outcome.ok ? 'success' : 'failure', {
        requestId,
        certTypes: request.certTypes.join(','),
        certIds: outcome.ok ? outcome.certificates.map((c) => c.certId).join(',') : '',
        outcome: auditOutcome(outcome),
        refusalCodes: !outcome.ok && outcome.kind === 'refused' ? outcome.refusals.map((r) => `${r.certType}:${r.code}`).join(',') : '',
        latencyMs: Date.now() - started,
        httpStatus: fields.httpStatus ?? null,
      });
      return outcome;
    };

    if (!breaker.available()) {
      return audit({ ok: false, kind: 'error', code: 'CIRCUIT_OPEN', retryable: true, detail: 'gateway circuit open' });
    }
    const bodyObject = buildFetchRequestBody(request);
    const body = encodeBody(bodyObject);
    if (body.length > 64 * 1024) {
      return audit({ ok: false, kind: 'error', code: 'TOO_LARGE', retryable: false, detail: 'request over 64 KiB' });
    }
    const sent: SentFetch = {
      requestId, kioskId: config.kioskId, purpose: request.purposeCode, certTypes: request.certTypes,
      holder: bodyObject.holder, bodyHash: sha256Hex(body),
    };
    const totalDeadline = started + timeouts.totalMs;

    // One attempt for now; a retry loop goes here, re-sending `body` unchanged under the same request id.
    const timestamp = formatInstant(now());
    const headers = signedRequestHeaders(
      { method: 'POST', path: FETCH_PATH, kioskId: config.kioskId, requestId, timestamp, issue: request.issueCode, purpose: request.purposeCode, body },
      alg,
      signingKey,
    );
    const attempt = await httpsAttempt({
      method: 'POST', url: urlFor(FETCH_PATH), headers, body, agent, connectMs: timeouts.connectMs,
      deadlineMs: Math.min(timeouts.attemptMs, totalDeadline - Date.now()), maxResponseBytes: MAX_RESPONSE_BYTES, signal,
    });
    if (!attempt.ok) {
      if (attempt.failure !== 'canceled') breaker.record(attemptVerdict({ kind: 'no-answer' }));
      return audit(outcomeOfFailedAttempt(attempt));
    }
    breaker.record(attemptVerdict({ kind: 'answer', status: attempt.status }));
    if (attempt.status !== 200) {
      const answer = readErrorAnswer(attempt.status, attempt.headers, attempt.body);
      return audit({ ok: false, kind: 'error', code: answer.code, retryable: answer.retryable, detail: answer.detail }, { httpStatus: attempt.status });
    }
    const verified = verifyFetchResponse(attempt.body, sent, trustList, now());
    if (!verified.ok) {
      return audit({ ok: false, kind: 'error', code: 'VERIFICATION_FAILED', retryable: false, detail: verified.detail }, { httpStatus: 200 });
    }
    if (verified.refusals.length > 0) {
      return audit(
        { ok: false, kind: 'refused', refusals: verified.refusals, issued: verified.issued.map((c) => c.certType) },
        { httpStatus: 200 },
      );
    }
    return audit({ ok: true, certificates: verified.issued }, { httpStatus: 200 });
  }

  async function health(signal: AbortSignal): Promise<HealthResult> {
    const attempt = await httpsAttempt({
      method: 'GET', url: urlFor(HEALTH_PATH), headers: {}, agent, connectMs: timeouts.connectMs,
      deadlineMs: timeouts.attemptMs, maxResponseBytes: 4096, signal,
    });
    if (!attempt.ok) return { ok: false, detail: `${attempt.failure}: ${attempt.detail}` };
    if (attempt.status !== 200) return { ok: false, detail: `HTTP ${attempt.status}` };
    let json: unknown;
    try {
      json = JSON.parse(attempt.body.toString('utf8'));
    } catch {
      return { ok: false, detail: 'health answer is not JSON' };
    }
    const parsed = healthResponseSchema.safeParse(json);
    if (!parsed.success || parseInstant(parsed.data.time) === null) return { ok: false, detail: 'health answer malformed' };
    return { ok: true, serverTime: parsed.data.time };
  }

  return {
    fetchCertificates,
    health,
    trustList,
    available: () => breaker.available(),
    close: async () => agent.destroy(),
  };
}

function outcomeOfFailedAttempt(attempt: Extract<HttpsAttemptResult, { ok: false }>): FetchOutcome {
  switch (attempt.failure) {
    case 'canceled':
      return { ok: false, kind: 'error', code: 'CANCELED', retryable: false, detail: attempt.detail };
    case 'connect-timeout':
    case 'timeout':
      return { ok: false, kind: 'error', code: 'TIMEOUT', retryable: true, detail: attempt.detail };
    case 'transport':
      return { ok: false, kind: 'error', code: 'TRANSPORT', retryable: true, detail: attempt.detail };
    case 'too-large':
      // Check 1 of the contract: an answer over 1 MiB is abandoned unread.
      return { ok: false, kind: 'error', code: 'VERIFICATION_FAILED', retryable: false, detail: `check 1: ${attempt.detail}` };
  }
}
