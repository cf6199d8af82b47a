// Compact JWS read without Node, so the agent and the page parse a trust list the same way. The contract's
// header is exactly {alg, kid, typ}: any other member (crit, jku, jwk, x5u, …) is refused, so a signer can
// never point a verifier at a key of its choosing. Signing and the signature check belong to the caller's crypto.

import { err, ok, type Result } from '../device-drivers/result';
import { decodeBase64urlBytes } from './base64url';
import { isSignatureAlg, type SignatureAlg } from './signature-alg';

/** A key id: lowercase hex of the first 8 bytes of SHA-256 of the key's SubjectPublicKeyInfo. */
export const KID_PATTERN = /^[0-9a-f]{16}$/;

export type JwsTyp = 'cert+jws' | 'trust+jws';

export interface JwsHeader {
  alg: SignatureAlg;
  kid: string;
  typ: JwsTyp;
}

/** A compact serialization split and decoded; the header is a JSON object whose members no one has checked yet. */
export interface CompactJws {
  header: Record<string, unknown>;
  /** The payload bytes, not yet trusted. */
  payload: Uint8Array;
  /** `base64url(header).base64url(payload)`, what the signature covers. */
  signingInput: Uint8Array;
  signature: Uint8Array;
}

export interface ParsedJws extends Omit<CompactJws, 'header'> {
  header: JwsHeader;
}

export type JwsProblem = 'not compact JWS' | 'header malformed' | 'header has other members' | 'wrong typ';

export function splitCompactJws(token: string): Result<CompactJws, 'not compact JWS' | 'header malformed'> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => part.length === 0)) return err('not compact JWS');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const headerBytes = decodeBase64urlBytes(headerPart);
  const payload = decodeBase64urlBytes(payloadPart);
  const signature = decodeBase64urlBytes(signaturePart);
  if (!headerBytes || !payload || !signature) return err('not compact JWS');

  const header = utf8Json(headerBytes);
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return err('header malformed');
  return ok({
    header: header as Record<string, unknown>,
    payload,
    // base64url text is ASCII: its UTF-8 bytes are the ASCII bytes the signature covers.
    signingInput: new TextEncoder().encode(`${headerPart}.${payloadPart}`),
    signature,
  });
}

/** Splits and checks the header; the signature is checked by the caller with the key it trusts. */
export function parseJws(token: string, typ: JwsTyp): Result<ParsedJws, JwsProblem> {
  const split = splitCompactJws(token);
  if (!split.ok) return split;
  const { header, ...rest } = split.value;
  const keys = Object.keys(header).sort();
  if (keys.length !== 3 || keys[0] !== 'alg' || keys[1] !== 'kid' || keys[2] !== 'typ') {
    return err('header has other members');
  }
  const { alg, kid, typ: actualTyp } = header;
  if (!isSignatureAlg(alg) || typeof kid !== 'string' || !KID_PATTERN.test(kid)) return err('header malformed');
  if (actualTyp !== typ) return err('wrong typ');
  return ok({ header: { alg, kid, typ }, ...rest });
}

/** The payload as JSON, or undefined if it is not UTF-8 JSON. */
export function jwsPayloadJson(jws: Pick<CompactJws, 'payload'>): unknown {
  return utf8Json(jws.payload);
}

function utf8Json(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
