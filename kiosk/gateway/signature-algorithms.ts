// The signature algorithms of the contract, behind one interface so that SM2-SM3 (which needs a library,
// since Node's crypto cannot make standard SM2 signatures) can be added without touching the callers.

import { sign, verify, type KeyObject } from 'node:crypto';

export type SignatureAlg = 'ES256' | 'SM2-SM3';

export interface SignatureScheme {
  alg: SignatureAlg;
  /** The COSE algorithm number (seal-kq1.md). */
  coseAlg: number;
  /** Raw r‖s, 64 bytes. */
  sign(data: Uint8Array, privateKey: KeyObject): Buffer;
  verify(data: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean;
  /** Whether a public key is of this algorithm's kind (a P-256 key for ES256). */
  acceptsKey(publicKey: KeyObject): boolean;
}

const es256: SignatureScheme = {
  alg: 'ES256',
  coseAlg: -7,
  sign(data, privateKey) {
    return sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  },
  verify(data, signature, publicKey) {
    if (signature.length !== 64 || !es256.acceptsKey(publicKey)) return false;
    return verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  },
  acceptsKey(publicKey) {
    return publicKey.asymmetricKeyType === 'ec' && publicKey.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  },
};

export const SIGNATURE_ALGS: readonly SignatureAlg[] = ['ES256', 'SM2-SM3'];

/** The implementation of an algorithm, or undefined while it has none (SM2-SM3, for now). */
export function signatureScheme(alg: SignatureAlg): SignatureScheme | undefined {
  switch (alg) {
    case 'ES256':
      return es256;
    case 'SM2-SM3':
      return undefined;
  }
}

export function isSignatureAlg(value: unknown): value is SignatureAlg {
  return typeof value === 'string' && (SIGNATURE_ALGS as readonly string[]).includes(value);
}
