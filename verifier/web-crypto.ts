// The browser's crypto for the one verifier: WebCrypto for ES256 (and for the key ids' SHA-256), the SM2
// library for SM2-SM3, loaded only when a seal needs it. Keys are read from the trust list's SPKI PEM.

import type { AsyncTrustListCrypto, ImportedKey, KeyImport, KeyImportProblem, PinnedRoot } from './load-trust-list';
import type { SignatureCheck } from './seal-crypto';
import { bytesToHex } from './hex';

/** A key as the page holds it: a WebCrypto key for ES256, the uncompressed point in hex for SM2. */
export type WebKey = { alg: 'ES256'; key: CryptoKey } | { alg: 'SM2-SM3'; pointHex: string };

type CryptoKey = Awaited<ReturnType<SubtleCrypto['importKey']>>;
type SubtleCrypto = typeof globalThis.crypto.subtle;

const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
/** SPKI of an SM2 key, up to its point: id-ecPublicKey, curve sm2 (1.2.156.10197.1.301), a 66-byte BIT STRING. */
const SM2_SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d03420004';

/** The DER inside one `PUBLIC KEY` PEM block, or null. */
function pemBody(pem: string): Uint8Array<ArrayBuffer> | null {
  const match = /^-----BEGIN PUBLIC KEY-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END PUBLIC KEY-----\s*$/.exec(pem.trim());
  if (!match) return null;
  try {
    return Uint8Array.from(atob(match[1]!.replace(/\s+/g, '')), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

async function kidOf(spki: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki));
  return bytesToHex(digest.subarray(0, 8));
}

async function importPublicKey({ pem, alg }: KeyImport): Promise<ImportedKey<WebKey> | KeyImportProblem> {
  const der = pemBody(pem);
  if (!der) return 'not-a-key';
  const hex = bytesToHex(der);
  const isSm2 = hex.length === 182 && hex.startsWith(SM2_SPKI_PREFIX);
  if (alg === 'SM2-SM3') {
    if (!isSm2) return 'wrong-kind';
    return { publicKey: { alg, pointHex: hex.slice(SM2_SPKI_PREFIX.length - 2) }, kid: await kidOf(der) };
  }
  if (isSm2) return 'wrong-kind';
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', der, P256, true, ['verify']);
  } catch {
    return 'not-a-key';
  }
  // The kid is over the key's SPKI as WebCrypto writes it back, as Node's is over its own export.
  return { publicKey: { alg, key }, kid: await kidOf(new Uint8Array(await crypto.subtle.exportKey('spki', key))) };
}

async function verifySignature({ alg, publicKey, data, signature }: SignatureCheck<WebKey>): Promise<boolean> {
  if (publicKey.alg !== alg) return false;
  if (publicKey.alg === 'SM2-SM3') {
    const { verifySm2Signature } = await import('./sm2-signature');
    return verifySm2Signature(data, signature, publicKey.pointHex);
  }
  if (signature.length !== 64) return false;
  // Copies: WebCrypto takes views of a plain ArrayBuffer only.
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey.key, new Uint8Array(signature), new Uint8Array(data));
}

export const webVerifierCrypto: AsyncTrustListCrypto<WebKey> = { importPublicKey, verifySignature };

/** The pinned root (ES256) from its PEM, or null if it is not a P-256 public key. */
export async function importPinnedRoot(pem: string): Promise<PinnedRoot<WebKey> | null> {
  const imported = await importPublicKey({ pem, alg: 'ES256' });
  return typeof imported === 'string' ? null : imported;
}
