// IPP over HTTP (RFC 8010 §4): one POST of application/ipp per operation, to the printer's URI with ipp://
// read as http:// on port 631 (ipps:// as https://). A fresh connection per request: a kept-alive socket that
// the printer has already closed would turn a harmless retry into a Print-Job whose outcome is unknown.
// Every failure is a value that says whether the printer may have received the request.

import http from 'node:http';
import https from 'node:https';
import { err, ok, type Result } from '../result';
import { decodeIppMessage, encodeIppMessage, type IppMessage } from './ipp-encoding';

export interface IppClientOptions {
  /** `ipp://host[:port]/path` (also ipps://, http://, https://). */
  url: string;
  /** The whole exchange, from connect to the last byte of the answer. */
  timeoutMs?: number;
  /** Answers larger than this are refused (a status answer is a few kilobytes). */
  maxResponseBytes?: number;
}

export type IppTransportFailure = 'unreachable' | 'timeout' | 'connectionLost' | 'httpError' | 'tooLarge' | 'malformed';

export interface IppTransportError {
  kind: IppTransportFailure;
  /** False only when the request certainly never reached the printer (no connection was made). */
  delivered: boolean;
  detail: string;
  /** The HTTP status, for `httpError`. */
  httpStatus?: number;
}

export type IppExchange = Result<IppMessage, IppTransportError>;

export interface PrinterEndpoint {
  /** Where the POST goes. */
  httpUrl: URL;
  /** What the requests call the printer (`printer-uri`). */
  printerUri: string;
}

const DEFAULT_IPP_PORT = '631';

/** Reads a printer URL; throws TypeError for one that is not a printer URL (a configuration bug). */
export function printerEndpoint(url: string): PrinterEndpoint {
  const parsed = new URL(url);
  const scheme = { 'ipp:': 'http:', 'ipps:': 'https:', 'http:': 'http:', 'https:': 'https:' }[parsed.protocol];
  if (!scheme || parsed.hostname === '') throw new TypeError(`not a printer URL: ${url}`);
  // WHATWG URL has no default port for ipp:, so an empty port really means "none given".
  const port = parsed.port || DEFAULT_IPP_PORT;
  const httpUrl = new URL(`${scheme}//${parsed.host.replace(/:\d+$/, '')}:${port}${parsed.pathname}`);
  const printerScheme = parsed.protocol === 'https:' || parsed.protocol === 'ipps:' ? 'ipps:' : 'ipp:';
  return { httpUrl, printerUri: `${printerScheme}//${httpUrl.host}${parsed.pathname}` };
}

const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

export class IppClient {
  readonly endpoint: PrinterEndpoint;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private nextRequestId = 1;

  constructor(options: IppClientOptions) {
    this.endpoint = printerEndpoint(options.url);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
  }

  get printerUri(): string {
    return this.endpoint.printerUri;
  }

  /** A fresh request id (RFC 8011 §4.1.2: 1 to 2^31-1). */
  requestId(): number {
    const id = this.nextRequestId;
    this.nextRequestId = id >= 0x7fffffff ? 1 : id + 1;
    return id;
  }

  /** Sends one request; `document` follows the attributes without being copied (Print-Job). */
  send(message: IppMessage, options: { document?: Uint8Array; timeoutMs?: number } = {}): Promise<IppExchange> {
    const { document, timeoutMs = this.timeoutMs } = options;
    const head = encodeIppMessage(message);
    const { httpUrl } = this.endpoint;
    const transport = httpUrl.protocol === 'https:' ? https : http;
    return new Promise<IppExchange>((resolve) => {
      let connected = false;
      let settled = false;
      const finish = (result: IppExchange) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const failWith = (kind: IppTransportFailure, detail: string, delivered = connected, httpStatus?: number) => {
        const error: IppTransportError = { kind, delivered, detail };
        if (httpStatus !== undefined) error.httpStatus = httpStatus;
        finish(err(error));
        request.destroy();
      };

      const request = transport.request(httpUrl, {
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': 'application/ipp',
          'Content-Length': head.length + (document?.length ?? 0),
        },
      });
      const timer = setTimeout(() => failWith('timeout', `no complete answer within ${timeoutMs} ms`), timeoutMs);

      request.on('socket', (socket) => {
        // A socket reused from nowhere (agent: false) is never already connected, but be exact about it.
        if (!socket.connecting) connected = true;
        socket.once('connect', () => (connected = true));
        socket.once('secureConnect', () => (connected = true));
      });
      request.on('error', (error: NodeJS.ErrnoException) => {
        const code = error.code ?? '';
        if (!connected && NOT_CONNECTED.has(code)) failWith('unreachable', `${code} ${httpUrl.host}`, false);
        else failWith('connectionLost', code || error.message);
      });
      request.on('response', (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          return failWith('httpError', `HTTP ${response.statusCode ?? '?'}`, true, response.statusCode);
        }
        const declared = Number(response.headers['content-length']);
        if (declared > this.maxResponseBytes) return failWith('tooLarge', `answer of ${declared} bytes`);
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.maxResponseBytes) failWith('tooLarge', `answer over ${this.maxResponseBytes} bytes`);
          else chunks.push(chunk);
        });
        response.on('error', (error: NodeJS.ErrnoException) => failWith('connectionLost', error.code ?? error.message));
        response.on('aborted', () => failWith('connectionLost', 'answer cut short'));
        response.on('end', () => {
          if (!response.complete) return failWith('connectionLost', 'answer cut short');
          const decoded = decodeIppMessage(Buffer.concat(chunks));
          if (!decoded.ok) return failWith('malformed', decoded.error.message);
          if (decoded.value.requestId !== message.requestId) {
            return failWith('malformed', `answer to request ${decoded.value.requestId}, expected ${message.requestId}`);
          }
          finish(ok(decoded.value));
        });
      });

      request.write(head);
      request.end(document);
    });
  }
}
