// The URL form of a seal (seal-kq1.md v1.1): `<verifier URL>#KQ1:<base45>`, so that a phone's camera opens the
// official page and the claims, in the fragment, never leave the phone. Base45's `%` and space are escaped
// in the fragment (`%25`, `%20`); a verifier percent-decodes it exactly once.

import { err, ok, type Result } from '../device-drivers/result';
import { SEAL_PREFIX } from './kq1-format';
import type { SealFailure } from './verify-kq1';

export function sealUrl(verifierUrl: string, seal: string): string {
  return `${verifierUrl}#${seal.replaceAll('%', '%25').replaceAll(' ', '%20')}`;
}

/** A scanned seal: the bare `KQ1:` text, and the verifier address it was printed with, if any. */
export interface ScannedSeal {
  seal: string;
  verifierUrl: string | null;
}

/**
 * Either form of a scanned code. A URL form must point at one of the trust list's `verifierUrls`: a forged
 * paper can point at a fake page, so any other address is refused whatever the seal says.
 */
export function readScannedSeal(text: string, verifierUrls: readonly string[]): Result<ScannedSeal, SealFailure> {
  if (text.startsWith(SEAL_PREFIX)) return ok({ seal: text, verifierUrl: null });
  const hash = text.indexOf('#');
  if (hash < 0 || !text.startsWith(SEAL_PREFIX, hash + 1)) return err('not-kq1');
  const verifierUrl = text.slice(0, hash);
  if (!verifierUrls.includes(verifierUrl)) return err('unofficial-verifier');
  let seal: string;
  try {
    seal = decodeURIComponent(text.slice(hash + 1));
  } catch {
    return err('damaged');
  }
  return ok({ seal, verifierUrl });
}
