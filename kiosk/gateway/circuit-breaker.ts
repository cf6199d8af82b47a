// The seam for the gateway's circuit breaker (sharing-gateway-v1.md, "Client policy"). The client reports
// every attempt; a real breaker (5 failures → open 30 s) replaces `neverOpenBreaker` in a later issue.

export type AttemptVerdict = 'success' | 'failure';

export interface CircuitBreaker {
  /** False while open: errands that need the gateway say "temporarily unavailable" at once. */
  available(): boolean;
  record(verdict: AttemptVerdict): void;
}

export const neverOpenBreaker: CircuitBreaker = {
  available: () => true,
  record: () => {},
};

/** Transport errors, timeouts, 5xx and 429 count against the gateway; every other answer shows it is up. */
export function attemptVerdict(attempt: { kind: 'no-answer' } | { kind: 'answer'; status: number }): AttemptVerdict {
  if (attempt.kind === 'no-answer') return 'failure';
  return attempt.status === 429 || attempt.status >= 500 ? 'failure' : 'success';
}
