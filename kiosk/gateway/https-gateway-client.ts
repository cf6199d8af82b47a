// The kiosk's gateway client over mutual TLS: builds and signs the request, sends it within its deadlines,
// retries what the contract calls retryable under the same request id and body bytes, keeps one circuit
// breaker for the gateway, and lets nothing through that fails a check. Every call leaves one PII-free
// audit record.

import { randomUUID } from 'node:crypto';
import https from 'node:https';
import { err, ok, type Result } from '../../device-drivers/result';
import type { Logger } from '../logger';
import { auditOutcome, fetchAuditFields } from './gateway-audit';
import { attemptVerdict, createCircuitBreaker, type AttemptVerdict, type BreakerState, type CircuitBreaker } from './circuit-breaker';
import { formatInstant, parseInstant } from './contract-time';
import { readErrorAnswer } from './error-answer';
import { buildFetchRequestBody, encodeBody } from './fetch-request-body';
import type { FetchFailure, FetchOutcome, FetchRequest, GatewayClient, GatewayErrorCode } from './gateway-client';
import { acceptTrustList, loadClientMaterial, type GatewayClientConfig } from './gateway-client-config';
import { httpsAttempt, type HttpsAttemptResult } from './https-attempt';
import {
  ratingsResponseSchema,
  type RatingsBatch,
  type RatingsFailure,
  type RatingsGateway,
  type RatingsOutcome,
} from './platform-ratings';
import { FETCH_PATH, HEALTH_PATH, RATINGS_PATH, sha256Hex, signedRequestHeaders } from './request-signing';
import { decideRetry, isRetryableCode } from './retry-policy';
import { staffDiagnostic, type StaffAction } from './staff-diagnostic';
import { trustListIsStale, type TrustList, type TrustListEnvironment, type TrustListRefusal } from './trust-list';
import { MAX_RESPONSE_BYTES, verifyFetchResponse, type SentRequest } from './verify-response';
import { healthResponseSchema } from './wire-format';

export type { GatewayClientConfig, GatewayTimings } from './gateway-client-config';

const MAX_REQUEST_BYTES = 64 * 1024;

export interface GatewayClientDeps {
  logger: Logger;
  /** The kiosk's wall clock (X-Timestamp, consent time, validity checks); corrected by a learnt offset. */
  now?: () => Date;
  /** Request ids are UUIDv4; tests fix them to exercise idempotency. */
  newRequestId?: () => string;
  /** For backoff jitter; tests fix it. */
  random?: () => number;
  /** Default: one breaker per client (= per gateway) with the configured threshold and open time. */
  breaker?: CircuitBreaker;
  /** When the breaker's open time is over, probe GET /v1/health so it can close without a citizen waiting. Default true. */
  probeWhenOpen?: boolean;
}

/** The gateway's clock when it is up; else what went wrong, for staff. */
export type HealthResult = Result<{ serverTime: string }, { detail: string }>;

export interface GatewayDiagnostics {
  breaker: BreakerState;
  /** What the client adds to its clock after a CLOCK_SKEW answer (0 until then). */
  clockOffsetMs: number;
  trustListVersion: number;
  trustListStale: boolean;
  /** `test`: every paper this kiosk prints is a specimen. */
  trustListEnvironment: TrustListEnvironment;
  lastFailure: { code: GatewayErrorCode; action: StaffAction; text: string; at: string } | null;
}

/** One certificate fetch, as the metrics count it: the audit record's outcome word and its duration. */
export interface FetchMeasurement {
  outcome: string;
  latencyMs: number;
}

export interface HttpsGatewayClient extends GatewayClient, RatingsGateway {
  /** GET /v1/health, for diagnostics. */
  health(signal: AbortSignal): Promise<HealthResult>;
  breakerState(): BreakerState;
  /** For the agent's health output and logs; no personal data. */
  diagnostics(): GatewayDiagnostics;
  /** Told of every fetch when its audit record is logged; returns the unsubscribe. */
  onFetch(listener: (fetch: FetchMeasurement) => void): () => void;
  /** The list in use now: read it at each use, a newer one may have replaced it. */
  readonly trustList: TrustList;
  /**
   * Replaces the list in use with a newer signed one, verified against the pinned root as at the start and
   * kept for the next start; a fetch already verifying keeps the list it started with.
   */
  installTrustList(token: string): Promise<Result<TrustList, TrustListRefusal>>;
}

function errorOutcome(code: GatewayErrorCode, detail: string, retryable = isRetryableCode(code)): Result<never, FetchFailure> {
  return err({ kind: 'error', code, retryable, detail });
}

/** How an attempt counts for the breaker: no answer, 5xx and 429 against; a cancel neither way. */
function breakerVerdict(attempt: HttpsAttemptResult): AttemptVerdict | null {
  if (attempt.ok) return attemptVerdict({ kind: 'answer', status: attempt.value.status });
  if (attempt.error.failure === 'canceled') return null;
  // An answer over 1 MiB did come: the gateway is up, if broken.
  if (attempt.error.failure === 'too-large') return 'success';
  return attemptVerdict({ kind: 'no-answer' });
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Resolves true after `ms`, or false at once when the session cancels. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export async function createGatewayClient(config: GatewayClientConfig, deps: GatewayClientDeps): Promise<HttpsGatewayClient> {
  const now = deps.now ?? (() => new Date());
  const newRequestId = deps.newRequestId ?? randomUUID;
  const { logger } = deps;
  const material = await loadClientMaterial(config);
  const { ca, clientCert, clientKey, signingKey, trustRoot, timings } = material;
  let { trustList } = material;
  const breaker = deps.breaker ?? createCircuitBreaker({ threshold: timings.breakerThreshold, openMs: timings.breakerOpenMs });
  const baseUrl = new URL(config.url);
  const alg = config.signingAlgorithm;

  if (trustListIsStale(trustList, now())) {
    logger.event('gateway.trust_list_stale', 'failure', {
      version: trustList.version,
      nextUpdate: new Date(trustList.nextUpdateMs).toISOString(),
    });
  }

  const agent = new https.Agent({ ca, cert: clientCert, key: clientKey, keepAlive: true, maxSockets: 4, minVersion: 'TLSv1.2' });
  const urlFor = (path: string): URL => new URL(baseUrl.pathname.replace(/\/$/, '') + path, baseUrl);

  /** Learnt from the gateway's serverTime after CLOCK_SKEW; the kiosk's clock plus this is the gateway's. */
  let clockOffsetMs = 0;
  const correctedNow = (): Date => new Date(now().getTime() + clockOffsetMs);
  let lastFailure: GatewayDiagnostics['lastFailure'] = null;
  let closed = false;
  const fetchListeners = new Set<(fetch: FetchMeasurement) => void>();

  // --- the breaker: log each change; when its open time is over, a health probe may close it ---
  let probeTimer: NodeJS.Timeout | undefined;
  const probeWhenOpen = deps.probeWhenOpen ?? true;
  breaker.onStateChange((state) => {
    logger.event('gateway.breaker', state === 'closed' ? 'success' : state === 'open' ? 'failure' : 'info', { state });
    if (state === 'open' && probeWhenOpen && !closed) scheduleProbe(timings.breakerOpenMs);
  });

  function scheduleProbe(afterMs: number): void {
    clearTimeout(probeTimer);
    probeTimer = setTimeout(() => void probe(), afterMs);
    probeTimer.unref();
  }

  async function probe(): Promise<void> {
    if (closed) return;
    // A timer may fire a little before the breaker's own clock says the open time is over: look again shortly.
    if (breaker.state() === 'open') return scheduleProbe(10);
    if (breaker.state() !== 'halfOpen') return;
    const signal = new AbortController().signal;
    const run = await breaker.run(() => healthAttempt(signal), breakerVerdict);
    logger.event('gateway.breaker_probe', run.ok && run.value.ok && run.value.value.status === 200 ? 'success' : 'failure', {
      state: breaker.state(),
    });
  }

  function healthAttempt(signal: AbortSignal): Promise<HttpsAttemptResult> {
    return httpsAttempt({
      method: 'GET',
      url: urlFor(HEALTH_PATH),
      headers: {},
      agent,
      connectMs: timings.connectMs,
      deadlineMs: timings.attemptMs,
      maxResponseBytes: 4096,
      signal,
    });
  }

  /** After CLOCK_SKEW: from now on the kiosk's clock is read with the gateway's offset. */
  function learnClock(serverTimeMs: number, previousRequestId: string): void {
    clockOffsetMs = serverTimeMs - now().getTime();
    logger.event('gateway.clock_corrected', 'failure', { previousRequestId, offsetMs: clockOffsetMs });
  }

  function retryDecision(failure: { code: GatewayErrorCode; retryAfterMs?: number }, retries: number, deadline: number) {
    return decideRetry({
      code: failure.code,
      retriesSoFar: retries,
      maxRetries: timings.maxRetries,
      retryAfterMs: failure.retryAfterMs,
      remainingMs: deadline - performance.now(),
      settings: timings,
      ...(deps.random ? { random: deps.random } : {}),
    });
  }

  /** One signed POST; only X-Timestamp and X-Signature are made afresh for a retry. */
  function signedPost(request: {
    path: string;
    requestId: string;
    issue: string;
    purpose: string;
    body: Buffer;
    deadlineMs: number;
    signal: AbortSignal;
  }): Promise<HttpsAttemptResult> {
    const { path, requestId, issue, purpose, body } = request;
    const timestamp = formatInstant(correctedNow());
    const headers = signedRequestHeaders(
      { method: 'POST', path, kioskId: config.kioskId, requestId, timestamp, issue, purpose, body },
      alg,
      signingKey,
    );
    return httpsAttempt({
      method: 'POST',
      url: urlFor(path),
      headers,
      body,
      agent,
      connectMs: timings.connectMs,
      deadlineMs: request.deadlineMs,
      maxResponseBytes: MAX_RESPONSE_BYTES,
      signal: request.signal,
    });
  }

  async function fetchCertificates(request: FetchRequest, signal: AbortSignal): Promise<FetchOutcome> {
    const started = performance.now();
    const deadline = started + timings.totalMs;
    let requestId = newRequestId();
    let attempts = 0;
    let retries = 0;
    let httpStatus: number | null = null;
    let clockCorrected = false;

    const finish = (outcome: FetchOutcome): FetchOutcome => {
      if (!outcome.ok && outcome.error.kind === 'error' && outcome.error.code !== 'CANCELED') {
        const { action, text } = staffDiagnostic(outcome.error.code);
        lastFailure = { code: outcome.error.code, action, text, at: new Date().toISOString() };
      }
      const latencyMs = performance.now() - started;
      logger.event(
        'gateway.fetch',
        outcome.ok ? 'success' : 'failure',
        fetchAuditFields({ requestId, request, outcome, latencyMs, attempts, httpStatus, clockCorrected }),
      );
      for (const listener of fetchListeners) listener({ outcome: auditOutcome(outcome), latencyMs });
      return outcome;
    };

    if (!breaker.available()) return finish(errorOutcome('CIRCUIT_OPEN', 'gateway circuit open', true));

    // The body is built once and its bytes re-sent unchanged on every retry. The consent time is read on
    // the kiosk's clock, so it takes the same correction as X-Timestamp.
    const prepare = () => {
      const grantedAt = new Date(request.consent.grantedAt.getTime() + clockOffsetMs);
      const bodyObject = buildFetchRequestBody(
        'appCode' in request
          ? { ...request, consent: { method: 'app-qr', grantedAt } }
          : { ...request, consent: { method: 'id-card', grantedAt } },
      );
      const body = encodeBody(bodyObject);
      const sent: SentRequest = {
        requestId,
        kioskId: config.kioskId,
        purpose: request.purposeCode,
        certTypes: request.certTypes,
        holder: bodyObject.holder.idType === 'app-token' ? null : bodyObject.holder,
        bodyHash: sha256Hex(body),
      };
      return { body, sent };
    };
    let { body, sent } = prepare();
    if (body.length > MAX_REQUEST_BYTES) return finish(errorOutcome('TOO_LARGE', 'request over 64 KiB'));

    for (;;) {
      const remainingMs = deadline - performance.now();
      if (remainingMs <= 0) return finish(errorOutcome('TIMEOUT', `no answer within the ${timings.totalMs} ms budget`));
      attempts++;
      const run = await breaker.run(
        () =>
          signedPost({
            path: FETCH_PATH,
            requestId,
            issue: request.issueCode,
            purpose: request.purposeCode,
            body,
            deadlineMs: Math.min(timings.attemptMs, remainingMs),
            signal,
          }),
        breakerVerdict,
      );
      if (!run.ok) return finish(errorOutcome('CIRCUIT_OPEN', 'gateway circuit opened during the fetch', true));
      const attempt = run.value;

      let failure: { code: GatewayErrorCode; detail: string; retryAfterMs?: number; serverTimeMs?: number };
      if (!attempt.ok) {
        const { detail } = attempt.error;
        switch (attempt.error.failure) {
          case 'canceled':
            return finish(errorOutcome('CANCELED', detail, false));
          case 'too-large':
            // Check 1 of the contract: an answer over 1 MiB is abandoned unread.
            return finish(errorOutcome('VERIFICATION_FAILED', `check 1: ${detail}`));
          case 'tls':
            // A refused handshake will be refused again: staff must fix a certificate or the CA.
            return finish(errorOutcome('TRANSPORT', `TLS handshake refused (${detail})`, false));
          case 'connect-timeout':
          case 'timeout':
            failure = { code: 'TIMEOUT', detail };
            break;
          case 'transport':
            failure = { code: 'TRANSPORT', detail };
            break;
        }
      } else {
        const answer = attempt.value;
        httpStatus = answer.status;
        if (answer.status === 200) {
          const verified = verifyFetchResponse(answer.body, sent, trustList, correctedNow());
          if (!verified.ok) return finish(errorOutcome('VERIFICATION_FAILED', verified.error.detail));
          const { issued, refusals, holder } = verified.value;
          if (refusals.length > 0) {
            const named = sent.holder === null ? { holder } : {};
            return finish(err({ kind: 'refused', refusals, issued, ...named }));
          }
          return finish(ok(issued));
        }
        failure = readErrorAnswer(answer.status, answer.headers, answer.body);
      }

      if (failure.code === 'CLOCK_SKEW' && !clockCorrected && failure.serverTimeMs !== undefined && retries < timings.maxRetries) {
        // Once per call: take the gateway's clock, and ask again as a new request (new id, consent time
        // corrected), since a 401 is not kept and the body's consent time was read on the wrong clock.
        learnClock(failure.serverTimeMs, requestId);
        clockCorrected = true;
        retries++;
        requestId = newRequestId();
        ({ body, sent } = prepare());
        continue;
      }
      const decision = retryDecision(failure, retries, deadline);
      if (!decision.retry) {
        const why = decision.reason === 'not retryable' ? '' : ` (${decision.reason} after ${attempts} attempts)`;
        return finish(errorOutcome(failure.code, failure.detail + why));
      }
      if (!(await sleep(decision.delayMs, signal))) return finish(errorOutcome('CANCELED', 'aborted while waiting to retry', false));
      retries++;
    }
  }

  /**
   * POST /v1/ratings. Never through the fetch breaker (the contract keeps rating calls out of it). Retries
   * within the fetch budget reuse the request id and body: the gateway counts each ratingId once anyway.
   */
  async function sendRatings(batch: RatingsBatch, signal: AbortSignal): Promise<RatingsOutcome> {
    const started = performance.now();
    const deadline = started + timings.totalMs;
    const body = encodeBody({ ratings: batch.ratings });
    let retries = 0;
    let clockCorrected = false;
    const failed = (failure: RatingsFailure): RatingsOutcome => {
      logger.event('gateway.ratings', 'failure', {
        requestId: batch.requestId,
        ratings: batch.ratings.length,
        code: failure.code,
        retries,
      });
      return err(failure);
    };
    if (body.length > MAX_REQUEST_BYTES) return failed({ code: 'TOO_LARGE', retryable: false, detail: 'request over 64 KiB' });
    for (;;) {
      const remainingMs = deadline - performance.now();
      if (remainingMs <= 0) return failed({ code: 'TIMEOUT', retryable: true, detail: `no answer within ${timings.totalMs} ms` });
      const attempt = await signedPost({
        path: RATINGS_PATH,
        requestId: batch.requestId,
        issue: '',
        purpose: '',
        body,
        deadlineMs: Math.min(timings.attemptMs, remainingMs),
        signal,
      });
      let failure: RatingsFailure & { serverTimeMs?: number };
      if (!attempt.ok) {
        const { failure: kind, detail } = attempt.error;
        if (kind === 'canceled') return failed({ code: 'CANCELED', retryable: false, detail });
        const code: GatewayErrorCode =
          kind === 'too-large' ? 'MALFORMED_RESPONSE' : kind === 'transport' || kind === 'tls' ? 'TRANSPORT' : 'TIMEOUT';
        failure = { code, retryable: kind !== 'tls' && kind !== 'too-large', detail: `${kind}: ${detail}` };
      } else if (attempt.value.status >= 200 && attempt.value.status < 300) {
        const accepted = ratingsResponseSchema.safeParse(parseJson(attempt.value.body));
        if (!accepted.success) return failed({ code: 'MALFORMED_RESPONSE', retryable: true, detail: 'ratings answer malformed' });
        logger.event('gateway.ratings', 'success', {
          requestId: batch.requestId,
          ratings: batch.ratings.length,
          accepted: accepted.data.accepted,
          retries,
          latencyMs: Math.round(performance.now() - started),
        });
        return ok({ accepted: accepted.data.accepted });
      } else {
        const answer = readErrorAnswer(attempt.value.status, attempt.value.headers, attempt.value.body);
        failure = { ...answer, retryable: answer.retryable || isRetryableCode(answer.code) };
      }
      if (failure.code === 'CLOCK_SKEW' && !clockCorrected && failure.serverTimeMs !== undefined) {
        // The body holds no time: the same request, signed on the gateway's clock, is all a retry needs.
        learnClock(failure.serverTimeMs, batch.requestId);
        clockCorrected = true;
        continue;
      }
      const decision = retryDecision(failure, retries, deadline);
      if (!decision.retry) {
        const { serverTimeMs: _serverTimeMs, ...rest } = failure;
        return failed(rest);
      }
      if (!(await sleep(decision.delayMs, signal)))
        return failed({ code: 'CANCELED', retryable: false, detail: 'aborted while waiting to retry' });
      retries++;
    }
  }

  async function health(signal: AbortSignal): Promise<HealthResult> {
    const attempt = await healthAttempt(signal);
    if (!attempt.ok) return err({ detail: `${attempt.error.failure}: ${attempt.error.detail}` });
    const answer = attempt.value;
    if (answer.status !== 200) return err({ detail: `HTTP ${answer.status}` });
    const json = parseJson(answer.body);
    if (json === undefined) return err({ detail: 'health answer is not JSON' });
    const parsed = healthResponseSchema.safeParse(json);
    if (!parsed.success || parseInstant(parsed.data.time) === null) return err({ detail: 'health answer malformed' });
    return ok({ serverTime: parsed.data.time });
  }

  return {
    fetchCertificates,
    sendRatings,
    health,
    get trustList() {
      return trustList;
    },
    async installTrustList(token) {
      const accepted = await acceptTrustList(token, trustList, config, trustRoot);
      if (accepted.ok) trustList = accepted.value;
      return accepted;
    },
    available: () => breaker.available(),
    breakerState: () => breaker.state(),
    diagnostics: () => ({
      breaker: breaker.state(),
      clockOffsetMs,
      trustListVersion: trustList.version,
      trustListStale: trustListIsStale(trustList, correctedNow()),
      trustListEnvironment: trustList.environment,
      lastFailure,
    }),
    onFetch(listener) {
      fetchListeners.add(listener);
      return () => fetchListeners.delete(listener);
    },
    close: async () => {
      closed = true;
      clearTimeout(probeTimer);
      agent.destroy();
    },
  };
}
