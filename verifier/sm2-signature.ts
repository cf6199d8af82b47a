// SM2-SM3 signature checking (GB/T 32918, GM/T 0009) as every verifier does it: raw r‖s, each in [1, n-1],
// over SM3 with the standard user id, by sm-crypto-v2. The agent hands it a precomputed point; the page loads
// this file only when a seal needs an SM2 key checked.

import { sm2 } from 'sm-crypto-v2';
import { bytesToHex } from './hex';

export const SM2_USER_ID = '1234567812345678';
/** The order n of the SM2 curve: r and s must lie in [1, n-1]. */
const SM2_ORDER = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

/** The public point, as `04‖x‖y` hex or precomputed once for many checks. */
export type Sm2PublicPoint = string | ReturnType<typeof sm2.precomputePublicKey>;

function inRange(bytes: Uint8Array): boolean {
  const value = BigInt('0x' + bytesToHex(bytes));
  return value >= 1n && value < SM2_ORDER;
}

export function verifySm2Signature(data: Uint8Array, signature: Uint8Array, publicKey: Sm2PublicPoint): boolean {
  if (signature.length !== 64 || !inRange(signature.subarray(0, 32)) || !inRange(signature.subarray(32))) return false;
  try {
    return sm2.doVerifySignature(data, bytesToHex(signature), publicKey, { hash: true, userId: SM2_USER_ID });
  } catch {
    return false; // not a point on the curve
  }
}
