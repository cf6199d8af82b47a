// The bundled gateway simulator: the whole contract over real mutual TLS, for integrators, development, the
// embedded default start and the tests — two registered kiosks (ES256 and SM2-SM3), issuers with keys of both
// algorithms, idempotency, rate limiting, every error of the contract's table, and faults on demand. It logs
// requests without personal data.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { loadCatalogue, type CertType } from '../../kiosk/errands/catalogue';
import { formatInstant } from '../../kiosk/gateway/contract-time';
import { keyId } from '../../kiosk/gateway/key-id';
import { FETCH_PATH, HEALTH_PATH, RATINGS_PATH } from '../../kiosk/gateway/request-signing';
import type { SignatureAlg } from '../../kiosk/gateway/signature-algorithms';
import { silentLogger, type Logger } from '../../kiosk/logger';
import { simulatorPopulation, testCitizens } from '../synthetic-population';
import { createAppPlatform, type AppPlatform } from './app-platform';
import { startAdminServer, type RunningAdminServer } from './admin-server';
import { errorAnswer, jsonAnswer, type SimulatorAnswer } from './error-answers';
import { CONTRACT_STATUS, FaultPlan, type AnswerFault, type DrawnFaults, type FaultRuleInput, type WireFault } from './fault-plan';
import { handleFetch, type FetchHandlerDeps, type IssuerAlgChoice } from './fetch-handler';
import { createHolderRegistry } from './holder-registry';
import { IdempotencyStore } from './idempotency-store';
import { RateLimiter, type RateLimit } from './rate-limiter';
import { handleRatings, type RatingsHandlerDeps } from './ratings-handler';
import { RatingsTally, type RatingsCounts } from './ratings-tally';
import type { RegisteredKiosk } from './request-checks';
import { prepareSimulatorFiles, type KioskFiles, type SimulatorFiles } from './simulator-files';

export const MAX_REQUEST_BYTES = 64 * 1024;
export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 60, perMinute: 120 };

export interface GatewaySimulatorOptions {
  dataDir: string;
  /** 0 = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The kiosk registered with ES256. Default kiosk-dev-0001. */
  kioskId?: string;
  /** The kiosk registered with SM2-SM3. Default kiosk-dev-sm2-0001. */
  sm2KioskId?: string;
  /** Which key each department signs with. Default `mixed` (social insurance SM2, the others ES256). */
  issuerAlg?: IssuerAlgChoice;
  /** Per-kiosk limit; null = none (benchmarks). Default DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimit | null;
  /** Faults in force from the start. */
  faults?: FaultRuleInput[];
  /** The admin endpoint's port on 127.0.0.1; 0 = any free port (default); null = no admin endpoint. */
  adminPort?: number | null;
  /** Default: 16 random bytes, hex. */
  adminToken?: string;
  now?: () => Date;
  logger?: Logger;
}

export interface SimulatedKiosk {
  kioskId: string;
  alg: SignatureAlg;
  files: KioskFiles;
}

export interface RunningGatewaySimulator {
  /** https://127.0.0.1:PORT */
  url: string;
  /** The ES256 kiosk's id (the one `simulatorClientConfig(sim)` configures). */
  kioskId: string;
  kiosks: readonly SimulatedKiosk[];
  /** Absolute paths of what it wrote in the data directory. */
  files: SimulatorFiles;
  /** The faults in force; the admin endpoint changes the same plan. */
  faults: FaultPlan;
  /** What POST /v1/ratings counted so far (also at the admin endpoint's /admin/ratings). */
  ratings(): RatingsCounts;
  admin: { url: string; token: string } | null;
  trustListVersion: number;
  /** The government app's platform for the test citizens: their codes for a kiosk's challenge (dev panel, tests). */
  appPlatform: Pick<AppPlatform, 'codeFor'>;
  close(): Promise<void>;
}

type Route = 'fetch' | 'health' | 'ratings' | 'other';

function routeOf(request: IncomingMessage): Route {
  if (request.url === FETCH_PATH) return 'fetch';
  if (request.url === HEALTH_PATH) return 'health';
  if (request.url === RATINGS_PATH) return 'ratings';
  return 'other';
}

export async function startGatewaySimulator(options: GatewaySimulatorOptions): Promise<RunningGatewaySimulator> {
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  const kioskId = options.kioskId ?? 'kiosk-dev-0001';
  const sm2KioskId = options.sm2KioskId ?? 'kiosk-dev-sm2-0001';
  if (kioskId === sm2KioskId) throw new Error('gateway simulator: the ES256 and the SM2 kiosk need different ids');
  const logger = options.logger ?? silentLogger;
  const material = await prepareSimulatorFiles(
    options.dataDir,
    [
      { kioskId, alg: 'ES256' },
      { kioskId: sm2KioskId, alg: 'SM2-SM3' },
    ],
    now(),
  );

  const errandCertTypes = new Map<string, ReadonlySet<CertType>>();
  for (const errand of loadCatalogue()) errandCertTypes.set(errand.issueCode, new Set(errand.certTypes));
  const kiosks = new Map<string, RegisteredKiosk>(
    material.kiosks.map((kiosk) => [kiosk.kioskId, { alg: kiosk.alg, publicKey: kiosk.publicKey }]),
  );
  const stranger = (alg: SignatureAlg) => {
    const privateKey = generateKeyPairSync('ec', { namedCurve: alg === 'ES256' ? 'P-256' : 'SM2' }).privateKey;
    return { alg, kid: keyId(privateKey), privateKey };
  };
  const appPlatform = createAppPlatform(testCitizens);
  const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const deps: FetchHandlerDeps = {
    kiosks,
    errandCertTypes,
    registry: createHolderRegistry(simulatorPopulation()),
    appPlatform,
    issuers: material.issuers,
    issuerAlg: options.issuerAlg ?? 'mixed',
    strangers: { ES256: stranger('ES256'), 'SM2-SM3': stranger('SM2-SM3') },
    store: new IdempotencyStore(),
    rateLimiter: rateLimit ? new RateLimiter(rateLimit) : null,
    now,
  };
  const ratingsDeps: RatingsHandlerDeps = {
    kiosks,
    rateLimiter: rateLimit ? new RateLimiter(rateLimit) : null,
    tally: new RatingsTally(),
    now,
  };
  const faults = new FaultPlan();
  faults.set(options.faults ?? []);

  const server = https.createServer(
    {
      cert: material.tls.certPem,
      key: material.tls.keyPem,
      ca: material.tls.caPem,
      // Mutual TLS: no client certificate from the operator's CA, no handshake.
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    },
    (request, response) => {
      const started = performance.now();
      const route = routeOf(request);
      const drawn = faults.draw(route, clientCertificateCn(request));
      const faultNames = drawn.kinds.join(',');
      serve(request, response, route, drawn, { fetch: deps, ratings: ratingsDeps }, now).then(
        (answer) => {
          logger.event('gateway_sim.request', answer === 'hang' || answer.status >= 400 ? 'failure' : 'success', {
            route,
            status: answer === 'hang' ? null : answer.status,
            code: answer === 'hang' ? 'HANG' : answer.code,
            requestId: answer === 'hang' ? null : (answer.requestId ?? null),
            faults: faultNames,
            latencyMs: Math.round((performance.now() - started) * 10) / 10,
          });
        },
        (error: unknown) => {
          if (!response.headersSent) send(response, errorAnswer(500, 'INTERNAL', 'simulator fault', { retryable: true }), null);
          logger.event('gateway_sim.fault', 'failure', { route, error: error instanceof Error ? error.name : 'unknown' });
        },
      );
    },
  );
  // A refused handshake is the contract's first error row: worth a line for whoever runs the simulator.
  server.on('tlsClientError', (error: NodeJS.ErrnoException) => {
    logger.event('gateway_sim.tls_refused', 'failure', { error: error.code ?? error.name });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let admin: RunningAdminServer | null = null;
  const adminToken = options.adminToken ?? randomBytes(16).toString('hex');
  const adminPort = options.adminPort === undefined ? 0 : options.adminPort;
  if (adminPort !== null)
    admin = await startAdminServer({ port: adminPort, token: adminToken, faults, ratings: () => ratingsDeps.tally.snapshot(), logger });
  logger.event('gateway_sim.started', 'info', {
    url,
    kioskId,
    sm2KioskId,
    trustListVersion: material.trustList.version,
    admin: admin?.url ?? null,
    faults: faults.list().length,
  });

  return {
    url,
    kioskId,
    kiosks: material.kiosks.map(({ kioskId: id, alg, files }) => ({ kioskId: id, alg, files })),
    files: material.files,
    faults,
    ratings: () => ratingsDeps.tally.snapshot(),
    admin: admin ? { url: admin.url, token: adminToken } : null,
    trustListVersion: material.trustList.version,
    appPlatform,
    close: async () => {
      await admin?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

interface RouteDeps {
  fetch: FetchHandlerDeps;
  ratings: RatingsHandlerDeps;
}

type Served = (SimulatorAnswer & { requestId?: string }) | 'hang';

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  route: Route,
  drawn: DrawnFaults,
  deps: RouteDeps,
  now: () => Date,
): Promise<Served> {
  if (drawn.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, drawn.latencyMs));
  const body = await readBody(request);
  // Holds the connection open without a word; closing the simulator (or the kiosk giving up) ends it.
  if (drawn.answer?.kind === 'hang') return 'hang';
  const answer = drawn.answer ? faultAnswer(drawn.answer, now) : answerRequest(request, route, body, deps, drawn, now);
  send(response, answer, drawn.wire);
  return answer;
}

function answerRequest(
  request: IncomingMessage,
  route: Route,
  body: Buffer | 'too-large',
  deps: RouteDeps,
  drawn: DrawnFaults,
  now: () => Date,
): SimulatorAnswer & { requestId?: string } {
  if (route === 'health' && request.method === 'GET') return jsonAnswer(200, { status: 'ok', time: formatInstant(now()) });
  if (route === 'other' || route === 'health') return errorAnswer(404, 'BAD_REQUEST', 'no such endpoint');
  if (request.method !== 'POST') return errorAnswer(405, 'BAD_REQUEST', `${route} takes POST`);
  if (body === 'too-large') return errorAnswer(413, 'TOO_LARGE', 'request over 64 KiB');
  const received = { headers: request.headers, body, clientCertificateCn: clientCertificateCn(request) };
  if (route === 'ratings') return handleRatings(received, deps.ratings);
  return handleFetch(received, deps.fetch, drawn.certificate);
}

const RETRYABLE_CODES: ReadonlySet<string> = new Set(['RATE_LIMITED', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT', 'INTERNAL']);

function faultAnswer(fault: Exclude<AnswerFault, { kind: 'hang' }>, now: () => Date): SimulatorAnswer {
  switch (fault.kind) {
    case '5xx': {
      const code = fault.status === 500 ? 'INTERNAL' : fault.status === 504 ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE';
      return errorAnswer(fault.status, code, 'failure on demand (simulator fault)', { retryable: true });
    }
    case 'rate-limit':
      return {
        ...errorAnswer(429, 'RATE_LIMITED', 'rate limited on demand (simulator fault)', {
          retryable: true,
          retryAfterMs: fault.retryAfterSeconds * 1000,
        }),
        headers: { 'retry-after': String(fault.retryAfterSeconds) },
      };
    case 'error': {
      const status = fault.status ?? CONTRACT_STATUS[fault.code];
      const extra = {
        retryable: RETRYABLE_CODES.has(fault.code),
        ...(fault.code === 'CLOCK_SKEW' ? { serverTime: formatInstant(now()) } : {}),
        ...(fault.code === 'RATE_LIMITED' ? { retryAfterMs: 1000 } : {}),
      };
      const answer = errorAnswer(status, fault.code, 'error on demand (simulator fault)', extra);
      return fault.code === 'RATE_LIMITED' ? { ...answer, headers: { 'retry-after': '1' } } : answer;
    }
  }
}

function clientCertificateCn(request: IncomingMessage): string | null {
  const socket = request.socket as TLSSocket;
  // rejectUnauthorized holds: every connection here showed a certificate the CA issued.
  if (!socket.authorized) return null;
  const cn = socket.getPeerCertificate().subject?.CN;
  return typeof cn === 'string' ? cn : null;
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? '0') > MAX_REQUEST_BYTES) {
      request.resume();
      return resolve('too-large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) over = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, answer: SimulatorAnswer, wire: WireFault | null): void {
  const body = wire?.kind === 'malformed-json' ? Buffer.from('{"requestId":"', 'utf8') : answer.body;
  const status = wire?.kind === 'malformed-json' ? 200 : answer.status;
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
    ...answer.headers,
  });
  if (wire?.kind === 'truncated-body') {
    // Announce every byte, deliver half, then cut the connection: what a dying proxy does.
    response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
    return;
  }
  response.end(body);
}
