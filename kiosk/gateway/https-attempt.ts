// One HTTPS exchange with hard limits: a connect timeout, an absolute deadline that a slow trickle cannot
// extend, a response size cap, and the caller's AbortSignal. Retries, if any, are the caller's business.

import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { TLSSocket } from 'node:tls';

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

export type HttpsAttemptResult =
  | { ok: true; status: number; headers: IncomingHttpHeaders; body: Buffer }
  /** `detail` is an error code or a short phrase, never data from the exchange. */
  | { ok: false; failure: AttemptFailure; detail: string };

export function httpsAttempt(options: HttpsAttemptOptions): Promise<HttpsAttemptResult> {
  return new Promise((resolve) => {
    if (options.signal.aborted) return resolve({ ok: false, failure: 'canceled', detail: 'aborted before sending' });
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
      () => finish({ ok: false, failure: 'timeout', detail: `no complete answer within ${options.deadlineMs} ms` }),
      Math.max(0, options.deadlineMs),
    );
    const onAbort = (): void => finish({ ok: false, failure: 'canceled', detail: 'aborted' });
    options.signal.addEventListener('abort', onAbort, { once: true });

    request.on('socket', (socket) => {
      // A kept-alive socket is already connected; only a new one has a handshake to time.
      if (!socket.connecting) return;
      connectTimer = setTimeout(
        () => finish({ ok: false, failure: 'connect-timeout', detail: `no TLS connection within ${options.connectMs} ms` }),
        options.connectMs,
      );
      (socket as TLSSocket).once('secureConnect', () => clearTimeout(connectTimer));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.name;
      finish({ ok: false, failure: isTlsRefusal(code) ? 'tls' : 'transport', detail: code });
    });
    request.on('response', (response) => {
      const declared = Number(response.headers['content-length'] ?? '0');
      if (declared > options.maxResponseBytes) {
        return finish({ ok: false, failure: 'too-large', detail: `answer declares ${declared} bytes` });
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxResponseBytes) {
          finish({ ok: false, failure: 'too-large', detail: `answer over ${options.maxResponseBytes} bytes` });
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => finish({ ok: true, status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, failure: 'transport', detail: error.code ?? error.name }));
      response.on('aborted', () => finish({ ok: false, failure: 'transport', detail: 'answer cut off' }));
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
