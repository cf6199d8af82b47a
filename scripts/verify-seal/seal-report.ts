// A checked seal as the verify-seal command prints it: the verdict in the contract's words and every claim.

import type { TrustEntry } from '../../kiosk/gateway/trust-list';
import type { Result } from '../../device-drivers/result';
import { sealFailureText, type SealError } from '../../verifier/verify-kq1';
import { verdictText, type CheckedSeal, type Kq1Verdict } from '../../verifier/kq1-verdict';

export interface SealReport {
  verdict: Kq1Verdict;
  /** The verdict in words (English; `zh` beside it). */
  says: string;
  saysZh: string;
  /** Why not valid: the contract's reason code, or null. */
  failure: SealError['failure'] | null;
  form?: 'bare' | 'url';
  verifierUrl?: string | null;
  claims?: {
    type: string;
    certificateId: string;
    holderName: string;
    maskedIdNumber: string;
    facts: Record<string, string>;
    issuedAt: string;
    validUntil: string;
  };
  issuer?: { name: string; code: string; kid: string };
}

export function sealReport(checked: Result<CheckedSeal<TrustEntry>, SealError>): SealReport {
  if (!checked.ok) {
    const reason = sealFailureText[checked.error.failure];
    return {
      verdict: 'invalid',
      says: `invalid: ${reason.en}`,
      saysZh: `${verdictText.invalid.zh}：${reason.zh}`,
      failure: checked.error.failure,
    };
  }
  const { verdict, claims, issuer, verifierUrl } = checked.value;
  return {
    verdict,
    says: verdictText[verdict].en,
    saysZh: verdictText[verdict].zh,
    failure: null,
    form: verifierUrl === null ? 'bare' : 'url',
    verifierUrl,
    claims: {
      type: claims.t,
      certificateId: claims.id,
      holderName: claims.n,
      maskedIdNumber: claims.m,
      facts: claims.f,
      issuedAt: new Date(claims.iat * 1000).toISOString(),
      validUntil: new Date(claims.exp * 1000).toISOString(),
    },
    issuer: { name: issuer.name, code: issuer.code, kid: issuer.kid },
  };
}

/** 0 valid, 1 invalid (cannot confirm included), 2 unusable input, 3 valid from a `test` list; the worst seal decides. */
export function exitCode(reports: readonly SealReport[]): number {
  if (reports.length === 0 || reports.some((report) => report.failure === 'not-kq1')) return 2;
  if (reports.some((report) => report.verdict === 'invalid' || report.verdict === 'cannot-confirm')) return 1;
  if (reports.some((report) => report.verdict === 'test-issuer')) return 3;
  return 0;
}
