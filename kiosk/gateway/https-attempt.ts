// One HTTPS exchange with hard limits: a connect timeout, an absolute deadline that a slow trickle cannot
// extend, a response size cap, and the caller's AbortSignal. Retries, if any, are the caller's business.

import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { err, ok, type Result } from '../../device-drivers/result';

export interface HttpsAttemptOptions {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: Buffer;
  /** Carries the pinned CA and, for mutual TLS, the client certificate. */
  agent: https.Agent;
  connectMs: number;
  /** The whole exchange, from now until the last byte of the answer. */
  deadlineMs: number;
  maxResponseBytes: number;
  signal: AbortSignal;
}

/** `tls`: the handshake was refused either way (our client certificate, or a server our CA did not issue). */
export type AttemptFailure = 'connect-timeout' | 'timeout' | 'transport' | 'tls' | 'too-large' | 'canceled';

export interface HttpsAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface AttemptError {
  failure: AttemptFailure;
  /** An error code or a short phrase, never data from the exchange. */
  detail: string;
}

export type HttpsAttemptResult = Result<HttpsAnswer, AttemptError>;

function failed(failure: AttemptFailure, detail: string): HttpsAttemptResult {
  return err({ failure, detail });
}

export function httpsAttempt(options: HttpsAttemptOptions): Promise<HttpsAttemptResult> {
  return new Promise((resolve) => {
    if (options.signal.aborted) return resolve(failed('canceled', 'aborted before sending'));
    let settled = false;
    let connectTimer: NodeJS.Timeout | undefined;
    const headers: Record<string, string | number> = { ...options.headers, accept: 'application/json' };
    if (options.body) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = options.body.length;
    }
    const host = options.url.hostname.replace(/^\[|\]$/g, '');
    const request = https.request({
      method: options.method,
      protocol: options.url.protocol,
      host,
      port: options.url.port === '' ? 443 : Number(options.url.port),
      path: options.url.pathname,
      headers,
      agent: options.agent,
      // SNI carries host names only; Node warns when it is given an IP address.
      ...(isIpAddress(host) ? {} : { servername: host }),
    });

    const finish = (result: HttpsAttemptResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadlineTimer);
      clearTimeout(connectTimer);
      options.signal.removeEventListener('abort', onAbort);
      if (!result.ok) request.destroy();
      resolve(result);
    };
    const deadlineTimer = setTimeout(
      () => finish(failed('timeout', `no complete answer within ${Math.round(options.deadlineMs)} ms`)),
      Math.max(0, options.deadlineMs),
    );
    const onAbort = (): void => finish(failed('canceled', 'aborted'));
    options.signal.addEventListener('abort', onAbort, { once: true });

    request.on('socket', (socket) => {
      // A kept-alive socket is already connected; only a new one has a handshake to time.
      if (!socket.connecting) return;
      connectTimer = setTimeout(
        () => finish(failed('connect-timeout', `no TLS connection within ${Math.round(options.connectMs)} ms`)),
        options.connectMs,
      );
      (socket as TLSSocket).once('secureConnect', () => clearTimeout(connectTimer));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.name;
      finish(failed(isTlsRefusal(code) ? 'tls' : 'transport', code));
    });
    request.on('response', (response) => {
      const declared = Number(response.headers['content-length'] ?? '0');
      if (declared > options.maxResponseBytes) {
        return finish(failed('too-large', `answer declares ${declared} bytes`));
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxResponseBytes) {
          finish(failed('too-large', `answer over ${options.maxResponseBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => finish(ok({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) })));
      response.on('error', (error: NodeJS.ErrnoException) => finish(failed('transport', error.code ?? error.name)));
      response.on('aborted', () => finish(failed('transport', 'answer cut off')));
    });
    request.end(options.body);
  });
}

/** OpenSSL's alerts (ERR_SSL_…), Node's TLS checks (ERR_TLS_…) and X.509 verification codes (…CERT…). */
export function isTlsRefusal(code: string): boolean {
  return code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || /CERT|SIGNATURE/.test(code);
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}
