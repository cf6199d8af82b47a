// KQ1 seals in the agent: the shared core (verifier/) with Node's crypto. Signing is the issuer's side (the
// gateway simulator, tests); verifying is the core's four steps against the kiosk's trust list.

import type { KeyObject } from 'node:crypto';
import type { Result } from '../../device-drivers/result';
import { assembleSeal, prepareSeal, type SealClaims } from '../../verifier/kq1-format';
import type { SyncSealCrypto } from '../../verifier/seal-crypto';
import { verifySeal as verifyKq1Seal, type SealError, type VerifiedSeal as VerifiedKq1Seal } from '../../verifier/verify-kq1';
import type { TrustEntry, TrustList } from '../../verifier/load-trust-list';
import { signatureScheme, type SignatureAlg } from './signature-algorithms';

// Kept here for the gateway's callers (the response check, the simulator's issuer).
export { SEAL_MAX_COSE_BYTES, sealCoseBytes, sealFactKeys, type SealClaims } from '../../verifier/kq1-format';

export type VerifiedSeal = VerifiedKq1Seal<TrustEntry<KeyObject>>;

export interface SealSigner {
  alg: SignatureAlg;
  kid: string;
  privateKey: KeyObject;
}

export function encodeSeal(claims: SealClaims, signer: SealSigner): string {
  const unsigned = prepareSeal(claims, signer.alg, signer.kid);
  return assembleSeal(unsigned, signatureScheme(signer.alg).sign(unsigned.toBeSigned, signer.privateKey));
}

/** Node's crypto for the core: ES256 by Node itself, SM2-SM3 through sm2-sm3.ts. */
export const nodeSealCrypto: SyncSealCrypto<KeyObject> = {
  verifySignature: ({ alg, publicKey, data, signature }) => signatureScheme(alg).verify(data, signature, publicKey),
};

/** The four-step check of seal-kq1.md, "Verifying", against the kiosk's trust list. */
export function verifySeal(text: string, trustList: TrustList<KeyObject>, now: Date): Result<VerifiedSeal, SealError> {
  return verifyKq1Seal(text, trustList, now, nodeSealCrypto);
}
