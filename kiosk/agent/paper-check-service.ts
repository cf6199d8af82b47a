// 核验证明 in the agent: the one KQ1 core with Node's crypto, against the trust list the kiosk holds now.
// Offline: neither the gateway nor the printer is asked. The scanned text is neither logged nor kept.

import { nodeSealCrypto } from '../gateway/seal-kq1';
import type { TrustList } from '../gateway/trust-list';
import type { PaperCheck } from '../session/paper-check';
import { checkScannedSeal } from '../../verifier/kq1-verdict';

export function checkPaperSeal(scanned: string, trustList: TrustList, now: Date): PaperCheck {
  const checked = checkScannedSeal(scanned, trustList, now, nodeSealCrypto);
  if (!checked.ok) return { verdict: 'invalid', failure: checked.error.failure };
  return { verdict: checked.value.verdict, claims: checked.value.claims, issuerName: checked.value.issuer.name };
}
