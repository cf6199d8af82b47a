// kid: lowercase hex of the first 8 bytes of SHA-256 of the key's SubjectPublicKeyInfo (DER).

import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

export { KID_PATTERN } from '../../verifier/compact-jws';

export function keyId(key: KeyObject): string {
  // A private key yields its public half, so the kid of either is the same.
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest().subarray(0, 8).toString('hex');
}
