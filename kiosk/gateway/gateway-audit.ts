// The audit vocabulary of a gateway call: one word per outcome, so records can be counted without parsing.

import type { FetchOutcome } from './gateway-client';

/** `issued`, `refused`, or the error code. */
export function auditOutcome(outcome: FetchOutcome): string {
  if (outcome.ok) return 'issued';
  return outcome.kind === 'refused' ? 'refused' : outcome.code;
}
