// Which failure screen a gateway outcome leads to.

import type { CertificateRefusal, FetchOutcome, FetchRequest } from '../gateway/gateway-client';
import type { FailureCode } from './failures';

/** The screen one department's refusal leads to: its certificate named where the words exist. */
export function refusalFailureCode(refusal: CertificateRefusal): FailureCode {
  if (refusal.code === 'NOT_ELIGIBLE') {
    if (refusal.certType === 'no-property-proof') return 'NOT_ELIGIBLE_NO_PROPERTY';
    if (refusal.certType === 'social-security-record') return 'NOT_ELIGIBLE_SOCIAL_SECURITY';
    return 'NOT_ELIGIBLE';
  }
  return refusal.retryable ? 'GATEWAY_UNAVAILABLE' : 'NOT_ELIGIBLE';
}

/** `app-qr`: the citizen came with the app's code, which the gateway refuses as consent it cannot take. */
export function fetchFailureCode(
  outcome: Exclude<FetchOutcome, { ok: true }>,
  method: FetchRequest['consent']['method'] = 'id-card',
): FailureCode {
  const failure = outcome.error;
  if (failure.kind === 'refused') {
    // An answer that cannot change (NOT_ELIGIBLE) outranks one that may: never "try again" for it.
    const first = failure.refusals.find((refusal) => !refusal.retryable) ?? failure.refusals[0];
    return first ? refusalFailureCode(first) : 'NOT_ELIGIBLE';
  }
  switch (failure.code) {
    case 'HOLDER_NOT_FOUND':
      return 'HOLDER_NOT_FOUND';
    case 'VERIFICATION_FAILED':
      return 'CERTIFICATE_INVALID';
    case 'CONSENT_INVALID':
      // A used, stale, foreign or mismatched app code: the gateway says which only to staff.
      return method === 'app-qr' ? 'APP_CODE_REFUSED' : 'CONSENT_EXPIRED';
    case 'KIOSK_NOT_AUTHORISED':
    case 'UNAUTHENTICATED':
    case 'CLOCK_SKEW':
    case 'BAD_REQUEST':
    case 'REQUEST_ID_REUSED':
    case 'TOO_LARGE':
      return 'GATEWAY_REFUSED';
    case 'TRANSPORT':
      // A refused TLS handshake is not retryable: the kiosk's credentials need staff, not a second try.
      return failure.retryable ? 'GATEWAY_UNAVAILABLE' : 'GATEWAY_REFUSED';
    case 'MALFORMED_RESPONSE': // an error page without a contract body: a gateway fault, not a forged certificate
    case 'RATE_LIMITED':
    case 'UPSTREAM_UNAVAILABLE':
    case 'UPSTREAM_TIMEOUT':
    case 'INTERNAL':
    case 'TIMEOUT':
    case 'CIRCUIT_OPEN':
    case 'CANCELED':
      return 'GATEWAY_UNAVAILABLE';
  }
}
