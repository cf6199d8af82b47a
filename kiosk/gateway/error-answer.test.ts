import { describe, expect, it } from 'vitest';
import { parseRetryAfter, readErrorAnswer } from './error-answer';

const body = (error: Record<string, unknown>) => Buffer.from(JSON.stringify({ error }));

describe('readErrorAnswer', () => {
  it('takes the code and retryability from a contract error body', () => {
    expect(readErrorAnswer(404, {}, body({ code: 'HOLDER_NOT_FOUND', message: 'x', retryable: false, traceId: 't1' }))).toEqual({
      code: 'HOLDER_NOT_FOUND',
      retryable: false,
      detail: 'HTTP 404 HOLDER_NOT_FOUND trace t1',
    });
  });

  it('keeps the hints a retry needs; Retry-After wins over the body', () => {
    expect(
      readErrorAnswer(429, { 'retry-after': '2' }, body({ code: 'RATE_LIMITED', message: 'x', retryable: true, retryAfterMs: 1000 })),
    ).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 2000 });
    expect(
      readErrorAnswer(401, {}, body({ code: 'CLOCK_SKEW', message: 'x', retryable: false, serverTime: '2026-11-23T08:00:00Z' })),
    ).toMatchObject({ code: 'CLOCK_SKEW', serverTimeMs: Date.parse('2026-11-23T08:00:00Z') });
  });

  it('falls back on the status only where it is unambiguous', () => {
    expect(readErrorAnswer(503, {}, Buffer.from('<html>'))).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(readErrorAnswer(504, {}, Buffer.alloc(0))).toMatchObject({ code: 'UPSTREAM_TIMEOUT', retryable: true });
    expect(readErrorAnswer(404, {}, Buffer.from('Not Found'))).toMatchObject({ code: 'MALFORMED_RESPONSE', retryable: false });
    expect(readErrorAnswer(400, {}, body({ code: 'NOT_A_CONTRACT_CODE', message: 'x', retryable: false }))).toMatchObject({
      code: 'MALFORMED_RESPONSE',
    });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T08:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 08:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
