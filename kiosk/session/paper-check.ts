// 核验证明 / Check a paper: what the session holds between a scanned seal and its result screen. The check is
// the runtime's (the one KQ1 core with the kiosk's trust list); the machine sees only its outcome.

import { shanghaiIsoDate } from '../../print-templates/shanghai-date';
import type { SealClaims } from '../../verifier/kq1-format';
import { verdictText, type Kq1Verdict } from '../../verifier/kq1-verdict';
import { sealFailureText, type SealFailure } from '../../verifier/verify-kq1';
import { certTypeNames, type CertType } from '../errands/catalogue';
import type { Bilingual, PaperCheckView } from './session-view';

/** A signature that checked out carries its claims (the paper's name and masked ID); a refused one only why. */
export type PaperCheck =
  { verdict: Exclude<Kq1Verdict, 'invalid'>; claims: SealClaims; issuerName: string } | { verdict: 'invalid'; failure: SealFailure };

/** The contract's fact keys (seal-kq1.md, `f`), in plain words; an unknown key is shown as it is. */
const factLabels: Record<string, Bilingual> = {
  region: { zh: '地区', en: 'Region' },
  months: { zh: '缴费月数', en: 'Contribution months' },
  lastPaidMonth: { zh: '最近缴费月份', en: 'Last month paid' },
  since: { zh: '居住起始日期', en: 'Resident since' },
};

export function paperCheckView(check: PaperCheck): PaperCheckView {
  if (check.verdict === 'invalid') return { verdict: 'invalid', verdictText: sealFailureText[check.failure], claims: null };
  const { claims } = check;
  return {
    verdict: check.verdict,
    verdictText: verdictText[check.verdict],
    claims: {
      certType: certTypeNames[claims.t as CertType] ?? { zh: claims.t, en: claims.t },
      certId: claims.id,
      holderName: claims.n,
      maskedIdNumber: claims.m,
      facts: Object.entries(claims.f).map(([key, value]) => ({ label: factLabels[key] ?? { zh: key, en: key }, value })),
      issuerName: check.issuerName,
      issuedOn: shanghaiIsoDate(new Date(claims.iat * 1000)),
      validUntil: shanghaiIsoDate(new Date(claims.exp * 1000)),
    },
  };
}
