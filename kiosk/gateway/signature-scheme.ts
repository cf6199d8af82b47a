// What every signature algorithm of the contract offers: raw r‖s signatures and a key-kind check.

import type { KeyObject } from 'node:crypto';
import type { SignatureAlg } from '../../verifier/signature-alg';

export type { SignatureAlg } from '../../verifier/signature-alg';

export interface SignatureScheme {
  alg: SignatureAlg;
  /** Raw r‖s, 64 bytes. */
  sign(data: Uint8Array, privateKey: KeyObject): Buffer;
  verify(data: Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean;
  /** Whether a public key is of this algorithm's kind (a P-256 key for ES256, an SM2 key for SM2-SM3). */
  acceptsKey(publicKey: KeyObject): boolean;
}
