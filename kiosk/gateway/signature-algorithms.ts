// The signature algorithms of the contract behind one interface: ES256 with Node's crypto, SM2-SM3 with a
// library (sm2-sm3.ts), since Node's crypto cannot make standard SM2 signatures.

import { sign, verify } from 'node:crypto';
import type { SignatureAlg } from '../../verifier/signature-alg';
import type { SignatureScheme } from './signature-scheme';
import { sm2Sm3 } from './sm2-sm3';

export type { SignatureAlg, SignatureScheme } from './signature-scheme';
export { isSignatureAlg, SIGNATURE_ALGS } from '../../verifier/signature-alg';

const es256: SignatureScheme = {
  alg: 'ES256',
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

export function signatureScheme(alg: SignatureAlg): SignatureScheme {
  switch (alg) {
    case 'ES256':
      return es256;
    case 'SM2-SM3':
      return sm2Sm3;
  }
}
