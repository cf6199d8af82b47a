import { describe, expect, it } from 'vitest';
import { backoffDelayMs, decideRetry, isRetryableCode } from './retry-policy';

const settings = { backoffBaseMs: 100, backoffCapMs: 1_000 };

describe('retry policy', () => {
  it('retries only what the contract calls retryable, plus no answer at all', () => {
    expect(
      (['RATE_LIMITED', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_TIMEOUT', 'INTERNAL', 'TIMEOUT', 'TRANSPORT'] as const).every(isRetryableCode),
    ).toBe(true);
    for (const code of [
      'BAD_REQUEST',
      'UNAUTHENTICATED',
      'CLOCK_SKEW',
      'KIOSK_NOT_AUTHORISED',
      'CONSENT_INVALID',
      'HOLDER_NOT_FOUND',
      'REQUEST_ID_REUSED',
      'TOO_LARGE',
      'VERIFICATION_FAILED',
      'MALFORMED_RESPONSE',
      'CIRCUIT_OPEN',
      'CANCELED',
    ] as const) {
      expect(isRetryableCode(code), code).toBe(false);
    }
  });

  it('backs off exponentially, capped, with half of each wait jittered', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, settings, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, settings, () => 0.999999))).toEqual([100, 200, 400, 800, 1000]);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelayMs(2, settings);
      expect(delay).toBeGreaterThanOrEqual(100);
      expect(delay).toBeLessThanOrEqual(200);
    }
  });

  it('honours Retry-After over the backoff, and stops rather than wait past the budget', () => {
    const base = { code: 'RATE_LIMITED' as const, retriesSoFar: 0, maxRetries: 2, settings, random: () => 0 };
    expect(decideRetry({ ...base, retryAfterMs: 2_000, remainingMs: 5_000 })).toEqual({ retry: true, delayMs: 2_000 });
    expect(decideRetry({ ...base, retryAfterMs: 2_000, remainingMs: 1_500 })).toEqual({ retry: false, reason: 'beyond budget' });
    expect(decideRetry({ ...base, retryAfterMs: undefined, remainingMs: 1_500 })).toEqual({ retry: true, delayMs: 50 });
    expect(decideRetry({ ...base, retriesSoFar: 2, retryAfterMs: undefined, remainingMs: 5_000 })).toEqual({
      retry: false,
      reason: 'no retries left',
    });
    expect(decideRetry({ ...base, code: 'CONSENT_INVALID', retryAfterMs: undefined, remainingMs: 5_000 })).toEqual({
      retry: false,
      reason: 'not retryable',
    });
  });
});
