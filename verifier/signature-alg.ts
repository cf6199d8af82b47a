// The contract's signature algorithms by name, and the COSE number each carries in a seal's header.

export type SignatureAlg = 'ES256' | 'SM2-SM3';

export const SIGNATURE_ALGS: readonly SignatureAlg[] = ['ES256', 'SM2-SM3'];

/** COSE algorithm numbers (seal-kq1.md); SM2-SM3 is private use, COSE has no registered SM2 algorithm. */
export const COSE_ALG: Readonly<Record<SignatureAlg, number>> = { ES256: -7, 'SM2-SM3': -65537 };

export function isSignatureAlg(value: unknown): value is SignatureAlg {
  return typeof value === 'string' && (SIGNATURE_ALGS as readonly string[]).includes(value);
}
