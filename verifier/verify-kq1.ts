// The one KQ1 verification (seal-kq1.md, "Verifying"), shared by the agent, the command line and the verifier
// page. Its crypto is injected: the checks are written once as steps that yield each signature to check.

import { err, ok, type Result } from '../device-drivers/result';
import { decodeSealClaims, decodeSealEnvelope, sealSigStructure, SEAL_MAX_TEXT, SEAL_PREFIX, type SealClaims } from './kq1-format';
import { runWithCrypto, type CryptoSteps, type SyncSealCrypto } from './seal-crypto';
import { keyUsableAt, type SealIssuer, type SealTrust } from './seal-issuer';
import { COSE_ALG } from './signature-alg';
import type { CborProblem } from './strict-cbor';

const CLOCK_TOLERANCE_S = 300;

/** Why a seal is not valid; `sealFailureText` words each for a verifier's screen. */
export type SealFailure =
  | 'not-kq1'
  | 'damaged'
  | 'unknown-issuer'
  | 'type-not-allowed'
  | 'key-revoked'
  | 'key-not-valid'
  | 'signature-invalid'
  | 'expired'
  | 'unofficial-verifier';

export const sealFailureText: Record<SealFailure, { zh: string; en: string }> = {
  'not-kq1': { zh: '不是KQ1码', en: 'not a KQ1 code' },
  damaged: { zh: '码已损坏', en: 'damaged' },
  'unknown-issuer': { zh: '未知签发机构', en: 'unknown issuer' },
  'type-not-allowed': { zh: '签发机构无权签发此类证明', en: 'issuer not allowed to issue this type' },
  'key-revoked': { zh: '签发密钥已吊销', en: 'key revoked' },
  'key-not-valid': { zh: '签发时密钥不在有效期内', en: 'key not valid when the seal was made' },
  'signature-invalid': { zh: '签名无效', en: 'signature invalid' },
  expired: { zh: '已过期', en: 'expired' },
  'unofficial-verifier': { zh: '非官方核验地址', en: 'unofficial verifier address' },
};

export interface SealError {
  failure: SealFailure;
  /** For a damaged seal whose CBOR broke a strictness rule: which rule (a code for staff, never a value). */
  cbor?: CborProblem;
}

/** A seal that passed every check: its claims, the key that signed it and that key's trust-list entry. */
export interface VerifiedSeal<Issuer> {
  claims: SealClaims;
  kid: string;
  issuer: Issuer;
}

type Verdict<Issuer> = Result<VerifiedSeal<Issuer>, SealError>;

function refuse(failure: SealFailure, cbor?: CborProblem): Result<never, SealError> {
  return err(cbor === undefined ? { failure } : { failure, cbor });
}

/** The four steps, yielding the one signature check; run by `verifySeal` or by a verdict (kq1-verdict.ts). */
export function* sealChecks<Key, Issuer extends SealIssuer<Key>>(
  text: string,
  trust: SealTrust<Key, Issuer>,
  now: Date,
): CryptoSteps<Key, Verdict<Issuer>> {
  if (!text.startsWith(SEAL_PREFIX)) return refuse('not-kq1');
  if (text.length > SEAL_MAX_TEXT) return refuse('damaged');
  const decoded = decodeSealEnvelope(text.slice(SEAL_PREFIX.length));
  if (!decoded.ok) return refuse('damaged', decoded.error.cbor);
  const envelope = decoded.value;

  const issuer = trust.issuers.get(envelope.kid);
  if (!issuer) return refuse('unknown-issuer');
  if (issuer.status === 'revoked') return refuse('key-revoked');
  // The trust list decides the algorithm; a header that names another one is a forgery or a fault.
  if (COSE_ALG[issuer.alg] !== envelope.coseAlg) return refuse('signature-invalid');
  const signed: boolean = yield {
    alg: issuer.alg,
    publicKey: issuer.publicKey,
    data: sealSigStructure(envelope.protectedBytes, envelope.payload),
    signature: envelope.signature,
  };
  if (!signed) return refuse('signature-invalid');

  const claimsRead = decodeSealClaims(envelope.payload);
  if (!claimsRead.ok) return refuse('damaged', claimsRead.error.cbor);
  const claims = claimsRead.value;
  const use = keyUsableAt(issuer, claims.iat * 1000);
  if (!use.ok) return refuse(use.error === 'key revoked' ? 'key-revoked' : 'key-not-valid');
  if (!issuer.certTypes.includes(claims.t)) return refuse('type-not-allowed');
  const nowS = Math.floor(now.getTime() / 1000);
  if (claims.iat > nowS + CLOCK_TOLERANCE_S || claims.iat >= claims.exp) return refuse('damaged');
  if (!(nowS < claims.exp)) return refuse('expired');
  return ok({ claims, kid: envelope.kid, issuer });
}

/** Verifies a bare `KQ1:` seal with crypto that answers at once (Node's). */
export function verifySeal<Key, Issuer extends SealIssuer<Key>>(
  text: string,
  trust: SealTrust<Key, Issuer>,
  now: Date,
  crypto: SyncSealCrypto<Key>,
): Verdict<Issuer> {
  return runWithCrypto(sealChecks(text, trust, now), crypto);
}
