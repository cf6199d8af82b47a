// What a verifier (the command line, the page) tells a reader about a scanned code: valid, or why not, with the
// claims. Past the list's `nextUpdate` it cannot confirm; under a `test` list it names the test issuer.

import { err, ok, type Result } from '../device-drivers/result';
import type { SealClaims } from './kq1-format';
import { readScannedSeal } from './kq1-url-form';
import { runWithAsyncCrypto, runWithCrypto, type AsyncSealCrypto, type CryptoSteps, type SyncSealCrypto } from './seal-crypto';
import type { SealIssuer, SealTrust } from './seal-issuer';
import { sealChecks, type SealError } from './verify-kq1';

/** A trust list as a verifier holds it: the issuers and what v1.1 adds. */
export interface VerifierTrust<Key, Issuer extends SealIssuer<Key> = SealIssuer<Key>> extends SealTrust<Key, Issuer> {
  nextUpdateMs: number;
  environment: 'production' | 'test';
  verifierUrls: readonly string[];
}

export type Kq1Verdict = 'valid' | 'test-issuer' | 'cannot-confirm' | 'invalid';

export const verdictText: Record<Kq1Verdict, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'valid' },
  'test-issuer': { zh: '测试签发机构——不可使用', en: 'test issuer — not valid for use' },
  'cannot-confirm': { zh: '无法确认——签发机构名单已过期', en: 'cannot confirm — the issuer list is out of date' },
  invalid: { zh: '无效', en: 'invalid' },
};

/** A seal whose signature and claims checked out; the verdict says whether it may be called valid. */
export interface CheckedSeal<Issuer> {
  verdict: Exclude<Kq1Verdict, 'invalid'>;
  claims: SealClaims;
  issuer: Issuer;
  verifierUrl: string | null;
}

function* scannedChecks<Key, Issuer extends SealIssuer<Key>>(
  scanned: string,
  trust: VerifierTrust<Key, Issuer>,
  now: Date,
): CryptoSteps<Key, Result<CheckedSeal<Issuer>, SealError>> {
  const read = readScannedSeal(scanned, trust.verifierUrls);
  if (!read.ok) return err({ failure: read.error });
  const checked = yield* sealChecks(read.value.seal, trust, now);
  if (!checked.ok) return checked;
  const verdict = trust.environment === 'test' ? 'test-issuer' : now.getTime() > trust.nextUpdateMs ? 'cannot-confirm' : 'valid';
  return ok({ verdict, claims: checked.value.claims, issuer: checked.value.issuer, verifierUrl: read.value.verifierUrl });
}

/** A scanned code in either form, checked with crypto that answers at once (Node's). */
export function checkScannedSeal<Key, Issuer extends SealIssuer<Key>>(
  scanned: string,
  trust: VerifierTrust<Key, Issuer>,
  now: Date,
  crypto: SyncSealCrypto<Key>,
): Result<CheckedSeal<Issuer>, SealError> {
  return runWithCrypto(scannedChecks(scanned, trust, now), crypto);
}

/** The same with crypto that answers later (WebCrypto in the page). */
export function checkScannedSealAsync<Key, Issuer extends SealIssuer<Key>>(
  scanned: string,
  trust: VerifierTrust<Key, Issuer>,
  now: Date,
  crypto: AsyncSealCrypto<Key>,
): Promise<Result<CheckedSeal<Issuer>, SealError>> {
  return runWithAsyncCrypto(scannedChecks(scanned, trust, now), crypto);
}
