// The audit record of one gateway call (sharing-gateway-v1.md, "Client policy"): request id, certificate
// types and ids, outcome, timing, attempts — no personal data and no hash of any (a hash of a request body
// would let anyone who knows a citizen's name and ID number confirm the visit).

import type { LogValue } from '../logger';
import type { FetchOutcome, FetchRequest } from './gateway-client';
import { staffDiagnostic } from './staff-diagnostic';

/** `issued`, `refused`, or the error code: one word per outcome, so records can be counted without parsing. */
export function auditOutcome(outcome: FetchOutcome): string {
  if (outcome.ok) return 'issued';
  return outcome.error.kind === 'refused' ? 'refused' : outcome.error.code;
}

export interface FetchAuditFacts {
  requestId: string;
  request: Pick<FetchRequest, 'certTypes'>;
  outcome: FetchOutcome;
  latencyMs: number;
  attempts: number;
  /** The status of the last answer, if any came. */
  httpStatus: number | null;
  /** Set when the call corrected the kiosk's clock offset after CLOCK_SKEW. */
  clockCorrected: boolean;
}

/** The fields of the `gateway.fetch` log event. Every value is a code, an id, a count or a duration. */
export function fetchAuditFields(facts: FetchAuditFacts): Record<string, LogValue> {
  const { outcome } = facts;
  const failure = outcome.ok ? null : outcome.error;
  return {
    requestId: facts.requestId,
    certTypes: facts.request.certTypes.join(','),
    certIds: outcome.ok ? outcome.value.map((certificate) => certificate.certId).join(',') : '',
    outcome: auditOutcome(outcome),
    refusalCodes: failure?.kind === 'refused' ? failure.refusals.map((r) => `${r.certType}:${r.code}`).join(',') : '',
    // Details name a check or a status, never a value (verify-response.ts, error-answer.ts).
    detail: failure?.kind === 'error' ? failure.detail : '',
    staffAction: failure?.kind === 'error' ? staffDiagnostic(failure.code).action : 'none',
    latencyMs: Math.round(facts.latencyMs),
    attempts: facts.attempts,
    httpStatus: facts.httpStatus,
    clockCorrected: facts.clockCorrected,
  };
}
