// 核验证明 in the agent: the one KQ1 core with Node's crypto, against the trust list the kiosk holds now.
// Offline: neither the gateway nor the printer is asked. The scanned text is neither logged nor kept.

import type { Result } from '../../device-drivers/result';
import { checkScannedSeal, type CheckedSeal } from '../../verifier/kq1-verdict';
import type { SealError } from '../../verifier/verify-kq1';
import { nodeSealCrypto } from '../gateway/seal-kq1';
import type { TrustEntry, TrustList } from '../gateway/trust-list';
import type { PaperCheck } from '../session/paper-check';

export function checkPaperSeal(scanned: string, trustList: TrustList, now: Date): PaperCheck {
  let checked: Result<CheckedSeal<TrustEntry>, SealError>;
  try {
    checked = checkScannedSeal(scanned, trustList, now, nodeSealCrypto);
  } catch {
    // The check runs inside the session machine: whatever a forged code provokes, it is a damaged code, not a stop.
    return { verdict: 'invalid', failure: 'damaged' };
  }
  if (!checked.ok) return { verdict: 'invalid', failure: checked.error.failure };
  return { verdict: checked.value.verdict, claims: checked.value.claims, issuerName: checked.value.issuer.name };
}
