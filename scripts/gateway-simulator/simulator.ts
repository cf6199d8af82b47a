// The bundled gateway simulator: the contract's normal cases over real HTTPS, for development, the embedded
// default start and the integration tests. It logs requests without personal data.

import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { loadCatalogue, type CertType } from '../../kiosk/errands/catalogue';
import { formatInstant } from '../../kiosk/gateway/contract-time';
import { FETCH_PATH, HEALTH_PATH } from '../../kiosk/gateway/request-signing';
import { silentLogger, type Logger } from '../../kiosk/logger';
import { simulatorPopulation } from '../synthetic-population';
import { errorAnswer, jsonAnswer, type SimulatorAnswer } from './error-answers';
import { handleFetch, type FetchHandlerDeps } from './fetch-handler';
import { createHolderRegistry } from './holder-registry';
import { IdempotencyStore } from './idempotency-store';
import { prepareSimulatorFiles, type SimulatorFiles } from './simulator-files';

export { simulatorClientConfig } from './client-config';

export const MAX_REQUEST_BYTES = 64 * 1024;

export interface GatewaySimulatorOptions {
  dataDir: string;
  /** 0 = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default kiosk-dev-0001. */
  kioskId?: string;
  now?: () => Date;
  logger?: Logger;
}

export interface RunningGatewaySimulator {
  /** https://127.0.0.1:PORT */
  url: string;
  kioskId: string;
  /** Absolute paths of what it wrote in the data directory. */
  files: SimulatorFiles;
  close(): Promise<void>;
}

export async function startGatewaySimulator(options: GatewaySimulatorOptions): Promise<RunningGatewaySimulator> {
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  const kioskId = options.kioskId ?? 'kiosk-dev-0001';
  const logger = options.logger ?? silentLogger;
  const material = await prepareSimulatorFiles(options.dataDir, kioskId, now());

  const errandCertTypes = new Map<string, ReadonlySet<CertType>>();
  for (const errand of loadCatalogue()) errandCertTypes.set(errand.issueCode, new Set(errand.certTypes));
  const deps: FetchHandlerDeps = {
    kiosks: new Map([[kioskId, { alg: 'ES256', publicKey: material.kioskPublicKey }]]),
    errandCertTypes,
    registry: createHolderRegistry(simulatorPopulation()),
    issuers: material.issuers,
    store: new IdempotencyStore(),
    now,
  };

  const server = https.createServer(
    {
      cert: material.tls.certPem,
      key: material.tls.keyPem,
      ca: material.tls.caPem,
      // Client certificates are asked for and checked when shown; requiring them comes with the mTLS issue.
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    },
    (request, response) => {
      const started = Date.now();
      route(request, deps, now).then(
        (answer) => {
          send(response, answer);
          logger.event('gateway_sim.request', answer.status < 400 ? 'success' : 'failure', {
            route: routeName(request), status: answer.status, code: answer.code, requestId: answer.requestId ?? null,
            latencyMs: Date.now() - started,
          });
        },
        (error: unknown) => {
          send(response, errorAnswer(500, 'INTERNAL', 'simulator fault', { retryable: true }));
          logger.event('gateway_sim.fault', 'failure', { route: routeName(request), error: error instanceof Error ? error.name : 'unknown' });
        },
      );
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.event('gateway_sim.started', 'info', { url, kioskId, trustListVersion: material.trustList.version });

  return {
    url,
    kioskId,
    files: material.files,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function routeName(request: IncomingMessage): string {
  if (request.url === FETCH_PATH) return 'fetch';
  if (request.url === HEALTH_PATH) return 'health';
  return 'unknown';
}

async function route(request: IncomingMessage, deps: FetchHandlerDeps, now: () => Date): Promise<SimulatorAnswer & { requestId?: string }> {
  if (request.url === HEALTH_PATH && request.method === 'GET') {
    return jsonAnswer(200, { status: 'ok', time: formatInstant(now()) });
  }
  if (request.url !== FETCH_PATH) return errorAnswer(404, 'BAD_REQUEST', 'no such endpoint');
  if (request.method !== 'POST') return errorAnswer(405, 'BAD_REQUEST', 'fetch takes POST');
  const body = await readBody(request);
  if (body === 'too-large') return errorAnswer(413, 'TOO_LARGE', 'request over 64 KiB');
  return handleFetch({ headers: request.headers, body, clientCertificateCn: clientCertificateCn(request) }, deps);
}

function clientCertificateCn(request: IncomingMessage): string | null {
  const socket = request.socket as TLSSocket;
  const certificate = socket.getPeerCertificate();
  if (!certificate || Object.keys(certificate).length === 0) return null;
  // A certificate the CA did not issue names no one.
  if (!socket.authorized) return '';
  const cn = certificate.subject?.CN;
  return typeof cn === 'string' ? cn : '';
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

function send(response: ServerResponse, answer: SimulatorAnswer): void {
  response.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': answer.body.length,
    ...answer.headers,
  });
  response.end(answer.body);
}
