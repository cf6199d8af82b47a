// 一件事 with a part refused: some certificates issued, another finally refused by its department. The citizen
// is told which and why, and chooses to print the issued ones or to stop; nothing prints before that choice.

import { certTypeNames, type CertType } from '../errands/catalogue';
import type { VerifiedCertificate } from '../gateway/certificate';
import type { FetchOutcome } from '../gateway/gateway-client';
import { failureDefinitions, type FailureCode } from './failures';
import { refusalFailureCode } from './fetch-failure';
import type { PartialErrandView } from './session-view';

/** A certificate the errand needed and did not get: its type and the screen words of its department's answer. */
export interface MissingCertificate {
  certType: CertType;
  failure: FailureCode;
}

/** No personal data: types and failure codes only. */
export interface PartialErrand {
  issued: CertType[];
  missing: MissingCertificate[];
}

/**
 * The issued certificates and what is missing, when the answer is partial and final. A refusal that may
 * change (a department down for now) leads to "try again" instead, which asks for every certificate anew.
 */
export function partialErrandOf(outcome: FetchOutcome): { certificates: VerifiedCertificate[]; partial: PartialErrand } | null {
  if (outcome.ok || outcome.error.kind !== 'refused') return null;
  const { issued, refusals } = outcome.error;
  if (issued.length === 0 || refusals.some((refusal) => refusal.retryable)) return null;
  return {
    certificates: issued,
    partial: {
      issued: issued.map((certificate) => certificate.certType),
      missing: refusals.map((refusal) => ({ certType: refusal.certType, failure: refusalFailureCode(refusal) })),
    },
  };
}

export function partialErrandView(partial: PartialErrand): PartialErrandView {
  return {
    issued: partial.issued.map((type) => certTypeNames[type]),
    missing: partial.missing.map(({ certType, failure }) => ({
      certificate: certTypeNames[certType],
      reason: failureDefinitions[failure].detail,
      whereToGo: failureDefinitions[failure].nextSteps,
    })),
  };
}
