// SM2-SM3 (GB/T 32918, GM/T 0009): SM2 signatures over SM3 with the standard user id 1234567812345678, raw
// r‖s. Node's crypto cannot make these, so sm-crypto-v2 does the arithmetic; keys stay KeyObjects so that
// kids, PEM files and the trust list work the same for both algorithms. Interoperability with the openssl
// command line is pinned by test/integration/gateway/sm2-openssl-interop.test.ts.

import type { KeyObject } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { SM2_USER_ID, verifySm2Signature } from '../../verifier/sm2-signature';
import type { SignatureScheme } from './signature-scheme';
import { sm2PrivateKeyHex, sm2PublicKeyHex } from './sm2-key';

export { SM2_USER_ID } from '../../verifier/sm2-signature';

type PublicPoint = ReturnType<typeof sm2.precomputePublicKey>;

// Keys are parsed once: a trust list's keys verify many certificates. The precomputed point (about 50 ms to
// make, then each verification is ~5× faster) is kept by the key's bytes, so a reloaded trust list reuses it.
const signingKeys = new WeakMap<KeyObject, { privateHex: string; publicHex: string } | null>();
const publicHexes = new WeakMap<KeyObject, string | null>();
const precomputed = new Map<string, PublicPoint | null>();
const MAX_PRECOMPUTED = 64;

function signingKey(key: KeyObject): { privateHex: string; publicHex: string } | null {
  let cached = signingKeys.get(key);
  if (cached === undefined) {
    const privateHex = sm2PrivateKeyHex(key);
    const publicHex = sm2PublicKeyHex(key);
    cached = privateHex && publicHex ? { privateHex, publicHex } : null;
    signingKeys.set(key, cached);
  }
  return cached;
}

function verifyingKey(key: KeyObject): PublicPoint | null {
  let publicHex = publicHexes.get(key);
  if (publicHex === undefined) {
    publicHex = sm2PublicKeyHex(key);
    publicHexes.set(key, publicHex);
  }
  if (publicHex === null) return null;
  let point = precomputed.get(publicHex);
  if (point === undefined) {
    try {
      point = sm2.precomputePublicKey(publicHex);
    } catch {
      point = null; // not a point on the curve
    }
    // Trust lists hold a handful of keys; the cap only guards against a caller verifying with endless keys.
    if (precomputed.size >= MAX_PRECOMPUTED) precomputed.delete(precomputed.keys().next().value!);
    precomputed.set(publicHex, point);
  }
  return point;
}

export const sm2Sm3: SignatureScheme = {
  alg: 'SM2-SM3',
  sign(data, privateKey) {
    const key = signingKey(privateKey);
    if (!key) throw new Error('not an SM2 private key');
    const hex = sm2.doSignature(data, key.privateHex, { hash: true, publicKey: key.publicHex, userId: SM2_USER_ID });
    return Buffer.from(hex, 'hex');
  },
  verify(data, signature, publicKey) {
    const point = verifyingKey(publicKey);
    return point !== null && verifySm2Signature(data, signature, point);
  },
  acceptsKey(publicKey) {
    return sm2PublicKeyHex(publicKey) !== null;
  },
};
