// Compact JWS with the one header shape the contract allows: exactly {alg, kid, typ}. Any other member
// (crit, jku, jwk, x5u, …) is refused, so a signer can never point the kiosk at a key of its choosing.

import type { KeyObject } from 'node:crypto';
import { err, ok, type Result } from '../../device-drivers/result';
import { decodeBase64url, encodeBase64url } from './base64url';
import { KID_PATTERN } from './key-id';
import { isSignatureAlg, signatureScheme, type SignatureAlg } from './signature-algorithms';

export type JwsTyp = 'cert+jws' | 'trust+jws';

export interface JwsHeader {
  alg: SignatureAlg;
  kid: string;
  typ: JwsTyp;
}

export interface ParsedJws {
  header: JwsHeader;
  /** The payload bytes, not yet trusted. */
  payload: Buffer;
  /** `base64url(header).base64url(payload)`, what the signature covers. */
  signingInput: Buffer;
  signature: Buffer;
}

export type JwsProblem = 'not compact JWS' | 'header malformed' | 'header has other members' | 'wrong typ';

export function signJws(header: JwsHeader, payload: unknown, privateKey: KeyObject): string {
  const scheme = signatureScheme(header.alg);
  // Members in a fixed order: the header bytes are the same for every token of a key.
  const headerPart = encodeBase64url(Buffer.from(JSON.stringify({ alg: header.alg, kid: header.kid, typ: header.typ })));
  const payloadPart = encodeBase64url(Buffer.from(JSON.stringify(payload), 'utf8'));
  const signingInput = `${headerPart}.${payloadPart}`;
  return `${signingInput}.${encodeBase64url(scheme.sign(Buffer.from(signingInput, 'ascii'), privateKey))}`;
}

/** Splits and checks the header; the signature is checked by `verifyJwsSignature` with the trusted key. */
export function parseJws(token: string, typ: JwsTyp): Result<ParsedJws, JwsProblem> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => part.length === 0)) return err('not compact JWS');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const headerBytes = decodeBase64url(headerPart);
  const payload = decodeBase64url(payloadPart);
  const signature = decodeBase64url(signaturePart);
  if (!headerBytes || !payload || !signature) return err('not compact JWS');

  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
  } catch {
    return err('header malformed');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return err('header malformed');
  const keys = Object.keys(header).sort();
  if (keys.length !== 3 || keys[0] !== 'alg' || keys[1] !== 'kid' || keys[2] !== 'typ') {
    return err('header has other members');
  }
  const { alg, kid, typ: actualTyp } = header as Record<string, unknown>;
  if (!isSignatureAlg(alg) || typeof kid !== 'string' || !KID_PATTERN.test(kid)) return err('header malformed');
  if (actualTyp !== typ) return err('wrong typ');
  return ok({ header: { alg, kid, typ }, payload, signingInput: Buffer.from(`${headerPart}.${payloadPart}`, 'ascii'), signature });
}

/** Checks the signature with `alg` as the caller's trust source says, never as the header says. */
export function verifyJwsSignature(jws: ParsedJws, alg: SignatureAlg, publicKey: KeyObject): boolean {
  return signatureScheme(alg).verify(jws.signingInput, jws.signature, publicKey);
}

/** The payload as JSON, or undefined if it is not UTF-8 JSON. */
export function jwsPayloadJson(jws: ParsedJws): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(jws.payload));
  } catch {
    return undefined;
  }
}
