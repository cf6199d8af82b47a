// The consent rules of POST /v1/certificates:fetch: fresh, for this purpose, covering every type, and for an
// errand that may use those types.

import type { CertType } from '../../kiosk/errands/catalogue';
import { parseInstant } from '../../kiosk/gateway/contract-time';
import type { FetchRequestBody } from '../../kiosk/gateway/wire-format';
import type { SignedRequest } from './request-checks';

const CONSENT_WINDOW_MS = 300_000;

/** null when the consent holds; else why not (for staff, no personal data). */
export function consentProblem(
  body: FetchRequestBody,
  signed: SignedRequest,
  errandCertTypes: ReadonlyMap<string, ReadonlySet<CertType>>,
): string | null {
  const { consent } = body;
  if (consent.method === 'id-card+face') return `consent method ${consent.method} is not supported by the simulator yet`;
  const age = signed.timestampMs - parseInstant(consent.grantedAt)!;
  if (age < 0 || age > CONSENT_WINDOW_MS) return 'grantedAt is not within 300 s before X-Timestamp';
  if (consent.purpose !== signed.purpose) return 'consent purpose differs from X-Purpose';
  if (!body.certTypes.every((certType) => consent.scope.includes(certType))) return 'consent scope does not cover every certificate type';
  const allowed = errandCertTypes.get(signed.issue);
  if (!allowed) return 'unknown errand (X-Issue)';
  if (!body.certTypes.every((certType) => allowed.has(certType))) return 'the errand may not use every requested certificate type';
  return null;
}
