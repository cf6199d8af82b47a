// 核验证明 / Check a paper: what the session holds between a scanned seal and its result screen. The check is
// the runtime's (the one KQ1 core with the kiosk's trust list); the machine sees only its outcome.

import { shanghaiIsoDate } from '../../print-templates/shanghai-date';
import { certTypeName, factName } from '../../verifier/claim-words';
import type { SealClaims } from '../../verifier/kq1-format';
import { verdictText, type Kq1Verdict } from '../../verifier/kq1-verdict';
import { sealFailureText, type SealFailure } from '../../verifier/verify-kq1';
import type { PaperCheckView } from './session-view';

/** A signature that checked out carries its claims (the paper's name and masked ID); a refused one only why. */
export type PaperCheck =
  { verdict: Exclude<Kq1Verdict, 'invalid'>; claims: SealClaims; issuerName: string } | { verdict: 'invalid'; failure: SealFailure };

export function paperCheckView(check: PaperCheck): PaperCheckView {
  if (check.verdict === 'invalid') return { verdict: 'invalid', verdictText: sealFailureText[check.failure], claims: null };
  const { claims } = check;
  return {
    verdict: check.verdict,
    verdictText: verdictText[check.verdict],
    claims: {
      certType: certTypeName(claims.t),
      certId: claims.id,
      holderName: claims.n,
      maskedIdNumber: claims.m,
      facts: Object.entries(claims.f).map(([key, value]) => ({ label: factName(key), value })),
      issuerName: check.issuerName,
      issuedOn: shanghaiIsoDate(new Date(claims.iat * 1000)),
      validUntil: shanghaiIsoDate(new Date(claims.exp * 1000)),
    },
  };
}
