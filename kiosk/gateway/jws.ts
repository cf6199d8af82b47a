// Compact JWS with the one header shape the contract allows: exactly {alg, kid, typ}. Reading it is the
// verifier's (verifier/compact-jws.ts, shared with the page); signing and checking with Node's crypto are here.
// The compact serialization itself (split, decode, sign) is shared with the maintenance code, whose header differs.

import type { KeyObject } from 'node:crypto';
import type { CompactJws, JwsHeader } from '../../verifier/compact-jws';
import { encodeBase64url } from './base64url';
import { signatureScheme, type SignatureAlg } from './signature-algorithms';

export {
  jwsPayloadJson,
  parseJws,
  splitCompactJws,
  type CompactJws,
  type JwsHeader,
  type JwsProblem,
  type JwsTyp,
  type ParsedJws,
} from '../../verifier/compact-jws';

export function signJws(header: JwsHeader, payload: unknown, privateKey: KeyObject): string {
  // Members in a fixed order: the header bytes are the same for every token of a key.
  return signCompactJws(header.alg, { alg: header.alg, kid: header.kid, typ: header.typ }, payload, privateKey);
}

/** Any header, its members in the order given; the caller's format says which members it may hold. */
export function signCompactJws(alg: SignatureAlg, header: Record<string, string>, payload: unknown, privateKey: KeyObject): string {
  const headerPart = encodeBase64url(Buffer.from(JSON.stringify(header)));
  const payloadPart = encodeBase64url(Buffer.from(JSON.stringify(payload), 'utf8'));
  const signingInput = `${headerPart}.${payloadPart}`;
  return `${signingInput}.${encodeBase64url(signatureScheme(alg).sign(Buffer.from(signingInput, 'ascii'), privateKey))}`;
}

/** Checks the signature with `alg` as the caller's trust source says, never as the header says. */
export function verifyJwsSignature(jws: Pick<CompactJws, 'signingInput' | 'signature'>, alg: SignatureAlg, publicKey: KeyObject): boolean {
  return signatureScheme(alg).verify(jws.signingInput, jws.signature, publicKey);
}
