// The trust list (seal-kq1.md) in the agent: the verifier's one loader (verifier/load-trust-list.ts) with
// Node's crypto, against the root key the kiosk pins; and the publisher's signing, which the simulator and
// tests use.

import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Result } from '../../device-drivers/result';
import {
  loadTrustList as loadWithCrypto,
  type LoadOptions,
  type TrustEntry as CoreTrustEntry,
  type TrustList as CoreTrustList,
  type TrustListCrypto,
  type TrustListRefusal,
} from '../../verifier/load-trust-list';
import type { TrustListDocument } from '../../verifier/trust-list-document';
import { signJws } from './jws';
import { keyId } from './key-id';
import { nodeSealCrypto } from './seal-kq1';
import { signatureScheme } from './signature-algorithms';

export { keyUsableAt, type KeyProblem } from '../../verifier/seal-issuer';
export { trustListIsStale, type TrustListRefusal } from '../../verifier/load-trust-list';
export type { TrustEntryDocument, TrustListDocument, TrustListEnvironment } from '../../verifier/trust-list-document';

export type TrustEntry = CoreTrustEntry<KeyObject>;
export type TrustList = CoreTrustList<KeyObject>;

/** Node's crypto for the loader: keys as KeyObjects, kids from their SPKI, signatures as the seal check's. */
export const nodeTrustListCrypto: TrustListCrypto<KeyObject> = {
  importPublicKey({ pem, alg }) {
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey(pem);
    } catch {
      return 'not-a-key';
    }
    if (!signatureScheme(alg).acceptsKey(publicKey)) return 'wrong-kind';
    return { publicKey, kid: keyId(publicKey) };
  },
  verifySignature: nodeSealCrypto.verifySignature,
};

/** Signs a trust list with the root key (the publisher's side; the simulator and tests use it). */
export function publishTrustList(document: TrustListDocument, rootKey: KeyObject): string {
  return signJws({ alg: 'ES256', kid: keyId(rootKey), typ: 'trust+jws' }, document, rootKey);
}

/**
 * Verifies a signed trust list against the pinned root key and applies the loading rules. `installedVersion`
 * is the version the kiosk runs now, if any: a lower one is refused (a replayed old list could revive a key).
 * `production`: the kiosk's configuration says production, so a `test` list is refused, at every load.
 */
export function loadTrustList(token: string, rootKey: KeyObject, options: LoadOptions = {}): Result<TrustList, TrustListRefusal> {
  return loadWithCrypto(token, { kid: keyId(rootKey), publicKey: rootKey }, nodeTrustListCrypto, options);
}
