// SM2 keys as Node holds them (KeyObject, parsed from PKCS#8 or SPKI PEM as `openssl genpkey -algorithm SM2`
// writes them) turned into the hex forms sm-crypto-v2 takes. Node can parse and export SM2 keys but cannot
// sign with them the standard way, so only the key bytes cross over.

import { createPublicKey, type KeyObject } from 'node:crypto';
import { DER_TAG, readDerChildren, readDerElement } from './der-reader';

/** AlgorithmIdentifier content: id-ecPublicKey (1.2.840.10045.2.1) with the curve sm2 (1.2.156.10197.1.301). */
const SM2_ALGORITHM = Buffer.from('06072a8648ce3d020106082a811ccf5501822d', 'hex');

function sequenceChildren(bytes: Uint8Array): ReturnType<typeof readDerChildren> {
  const outer = readDerElement(bytes);
  if (!outer || outer.tag !== DER_TAG.sequence || outer.end !== bytes.length) return null;
  return readDerChildren(outer.content);
}

function isSm2Algorithm(element: { tag: number; content: Uint8Array } | undefined): boolean {
  return element !== undefined && element.tag === DER_TAG.sequence && Buffer.from(element.content).equals(SM2_ALGORITHM);
}

/** The uncompressed public point `04‖x‖y` as hex, or null if the key is not an SM2 key. */
export function sm2PublicKeyHex(key: KeyObject): string | null {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.type !== 'public') return null;
  let spki: Buffer;
  try {
    spki = publicKey.export({ type: 'spki', format: 'der' });
  } catch {
    return null;
  }
  const parts = sequenceChildren(spki);
  if (!parts || parts.length !== 2 || !isSm2Algorithm(parts[0])) return null;
  const bits = parts[1]!;
  // BIT STRING: no unused bits, then the uncompressed point.
  if (bits.tag !== DER_TAG.bitString || bits.content.length !== 66 || bits.content[0] !== 0 || bits.content[1] !== 0x04) return null;
  return Buffer.from(bits.content.subarray(1)).toString('hex');
}

/** The private scalar as 64 hex digits, or null if the key is not an SM2 private key. */
export function sm2PrivateKeyHex(key: KeyObject): string | null {
  if (key.type !== 'private') return null;
  let pkcs8: Buffer;
  try {
    pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  } catch {
    return null;
  }
  const parts = sequenceChildren(pkcs8);
  if (!parts || parts.length < 3 || !isSm2Algorithm(parts[1]) || parts[2]!.tag !== DER_TAG.octetString) return null;
  // ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] parameters OPTIONAL, [1] publicKey OPTIONAL }
  const ecPrivateKey = sequenceChildren(parts[2]!.content);
  const scalar = ecPrivateKey?.[1];
  if (!scalar || scalar.tag !== DER_TAG.octetString || scalar.content.length === 0 || scalar.content.length > 32) return null;
  return Buffer.from(scalar.content).toString('hex').padStart(64, '0');
}
