// When and how long to wait before trying again (sharing-gateway-v1.md, "Client policy"): only errors the
// contract calls retryable, exponential backoff with jitter, Retry-After honoured but never past the budget.

import type { GatewayErrorCode } from './gateway-client';

/** The contract's table: "retry, then explain" or "wait and retry", plus the kiosk's own no-answer cases. */
const RETRYABLE: ReadonlySet<GatewayErrorCode> = new Set<GatewayErrorCode>([
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'INTERNAL',
  'TIMEOUT',
  'TRANSPORT',
]);

export function isRetryableCode(code: GatewayErrorCode): boolean {
  return RETRYABLE.has(code);
}

export interface BackoffSettings {
  backoffBaseMs: number;
  backoffCapMs: number;
}

/**
 * The wait before retry number `retry` (1, 2, …): base·2^(retry-1) capped, "equal jitter" (half fixed, half
 * random) so that kiosks that failed together do not come back together, yet none retries at once.
 */
export function backoffDelayMs(retry: number, settings: BackoffSettings, random: () => number = Math.random): number {
  const ceiling = Math.min(settings.backoffCapMs, settings.backoffBaseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export type RetryDecision =
  { retry: true; delayMs: number } | { retry: false; reason: 'not retryable' | 'no retries left' | 'beyond budget' };

/**
 * Whether to try again after a retryable failure. Retry-After is authoritative: when it (or the backoff)
 * would end after the budget, the kiosk stops now rather than keep a citizen waiting for a sure failure.
 */
export function decideRetry(input: {
  code: GatewayErrorCode;
  retriesSoFar: number;
  maxRetries: number;
  retryAfterMs: number | undefined;
  remainingMs: number;
  settings: BackoffSettings;
  random?: () => number;
}): RetryDecision {
  if (!isRetryableCode(input.code)) return { retry: false, reason: 'not retryable' };
  if (input.retriesSoFar >= input.maxRetries) return { retry: false, reason: 'no retries left' };
  const delayMs = input.retryAfterMs ?? backoffDelayMs(input.retriesSoFar + 1, input.settings, input.random);
  if (delayMs >= input.remainingMs) return { retry: false, reason: 'beyond budget' };
  return { retry: true, delayMs };
}
