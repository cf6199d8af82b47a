// What the KQ1 core asks of cryptography, injected so that one core serves Node (the agent, the command line)
// and the browser (WebCrypto and the SM2 library). The core yields each signature it needs checked; a runner
// answers with the caller's crypto, synchronously (Node) or not (WebCrypto).

import type { SignatureAlg } from './signature-alg';

/** One signature the core needs checked, raw r‖s over `data`, with the key as the caller's crypto holds it. */
export interface SignatureCheck<Key> {
  alg: SignatureAlg;
  publicKey: Key;
  data: Uint8Array;
  signature: Uint8Array;
}

export interface SyncSealCrypto<Key> {
  verifySignature(check: SignatureCheck<Key>): boolean;
}

export interface AsyncSealCrypto<Key> {
  verifySignature(check: SignatureCheck<Key>): Promise<boolean>;
}

/** A check written once: it yields signature checks and receives each answer. */
export type CryptoSteps<Key, T> = Generator<SignatureCheck<Key>, T, boolean>;

export function runWithCrypto<Key, T>(steps: CryptoSteps<Key, T>, crypto: SyncSealCrypto<Key>): T {
  let next = steps.next();
  while (!next.done) next = steps.next(crypto.verifySignature(next.value));
  return next.value;
}

export async function runWithAsyncCrypto<Key, T>(steps: CryptoSteps<Key, T>, crypto: AsyncSealCrypto<Key>): Promise<T> {
  let next = steps.next();
  while (!next.done) next = steps.next(await crypto.verifySignature(next.value));
  return next.value;
}
