// A non-200 answer of the gateway as a value: the contract's error code, whether a retry may help, and the
// hints a retry policy needs (Retry-After, the server's clock for CLOCK_SKEW).

import type { IncomingHttpHeaders } from 'node:http';
import { parseInstant } from './contract-time';
import { contractErrorCodes, type GatewayErrorCode } from './gateway-client';
import { errorBodySchema } from './wire-format';

const CONTRACT_CODES: ReadonlySet<string> = new Set<GatewayErrorCode>(contractErrorCodes);

export interface ErrorAnswer {
  code: GatewayErrorCode;
  retryable: boolean;
  retryAfterMs?: number;
  serverTimeMs?: number;
  /** For staff: status, code and trace id; no personal data. */
  detail: string;
}

export function readErrorAnswer(status: number, headers: IncomingHttpHeaders, body: Buffer): ErrorAnswer {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = errorBodySchema.safeParse(json);
  const retryAfterMs = parseRetryAfter(headers['retry-after'], Date.now());

  if (parsed.success && CONTRACT_CODES.has(parsed.data.error.code)) {
    const { error } = parsed.data;
    const answer: ErrorAnswer = {
      code: error.code as GatewayErrorCode,
      retryable: error.retryable,
      detail: `HTTP ${status} ${error.code}${error.traceId ? ` trace ${error.traceId}` : ''}`,
    };
    // Retry-After is authoritative; the body only repeats it.
    const after = retryAfterMs ?? error.retryAfterMs;
    if (after !== undefined) answer.retryAfterMs = after;
    if (error.serverTime !== undefined) answer.serverTimeMs = parseInstant(error.serverTime)!;
    return answer;
  }
  // No usable body: only the status can say something, and only where it is unambiguous.
  const fallback = statusFallback(status);
  const answer: ErrorAnswer = { ...fallback, detail: `HTTP ${status} without a contract error body` };
  if (retryAfterMs !== undefined) answer.retryAfterMs = retryAfterMs;
  return answer;
}

function statusFallback(status: number): { code: GatewayErrorCode; retryable: boolean } {
  if (status === 429) return { code: 'RATE_LIMITED', retryable: true };
  if (status === 502 || status === 503) return { code: 'UPSTREAM_UNAVAILABLE', retryable: true };
  if (status === 504) return { code: 'UPSTREAM_TIMEOUT', retryable: true };
  if (status >= 500) return { code: 'INTERNAL', retryable: true };
  // A bare 404 may be a misrouted proxy, not an unknown citizen: never tell the citizen they do not exist.
  return { code: 'MALFORMED_RESPONSE', retryable: false };
}

/** Retry-After as delay-seconds or as an HTTP date (RFC 9110 §10.2.3), in milliseconds from `nowMs`. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) || !/[A-Za-z]/.test(text) ? undefined : Math.max(0, date - nowMs);
}
