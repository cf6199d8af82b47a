// What a KQ1 verifier needs of a trust-list entry, whatever holds the key (a Node KeyObject in the agent, a
// WebCrypto key or SM2 point in the browser), and whether that key could sign at a given time.

import { err, ok, type Result } from '../device-drivers/result';
import type { SignatureAlg } from './signature-alg';

export interface SealIssuer<Key> {
  kid: string;
  alg: SignatureAlg;
  name: string;
  certTypes: readonly string[];
  publicKey: Key;
  validFromMs: number;
  validToMs: number;
  status: 'active' | 'retired' | 'revoked';
  retiredAtMs?: number;
}

export interface SealTrust<Key, Issuer extends SealIssuer<Key> = SealIssuer<Key>> {
  issuers: ReadonlyMap<string, Issuer>;
}

export type KeyProblem = 'key revoked' | 'key retired' | 'key not valid at that time';

/** Whether the key could sign at `signedAtMs`: status first (revoked kills every signature), then validity. */
export function keyUsableAt(entry: SealIssuer<unknown>, signedAtMs: number): Result<void, KeyProblem> {
  if (entry.status === 'revoked') return err('key revoked');
  if (entry.status === 'retired' && !(signedAtMs < entry.retiredAtMs!)) return err('key retired');
  if (signedAtMs < entry.validFromMs || signedAtMs > entry.validToMs) return err('key not valid at that time');
  return ok(undefined);
}
