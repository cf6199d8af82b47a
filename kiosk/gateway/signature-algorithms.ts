// The signature algorithms of the contract behind one interface: ES256 with Node's crypto, SM2-SM3 with a
// library (sm2-sm3.ts), since Node's crypto cannot make standard SM2 signatures.

import { sign, verify, type KeyObject } from 'node:crypto';
import { sm2Sm3 } from './sm2-sm3';

export type SignatureAlg = 'ES256' | 'SM2-SM3';

export interface SignatureScheme {
  alg: SignatureAlg;
  /** The COSE algorithm number (seal-kq1.md). */
  coseAlg: number;
  /** Raw r‖s, 64 bytes. */
  sign(data: Uint8Array, privateKey: KeyObject): Buffer;
  verify(data: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean;
  /** Whether a public key is of this algorithm's kind (a P-256 key for ES256, an SM2 key for SM2-SM3). */
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

export function signatureScheme(alg: SignatureAlg): SignatureScheme {
  switch (alg) {
    case 'ES256':
      return es256;
    case 'SM2-SM3':
      return sm2Sm3;
  }
}

export function isSignatureAlg(value: unknown): value is SignatureAlg {
  return typeof value === 'string' && (SIGNATURE_ALGS as readonly string[]).includes(value);
}
