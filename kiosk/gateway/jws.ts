// Compact JWS with the one header shape the contract allows: exactly {alg, kid, typ}. Any other member
// (crit, jku, jwk, x5u, …) is refused, so a signer can never point the kiosk at a key of its choosing.
// The compact serialization itself (split, decode, sign) is shared with the maintenance code, whose header differs.

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

export interface ParsedJws extends Omit<CompactJws, 'header'> {
  header: JwsHeader;
}

export type JwsProblem = 'not compact JWS' | 'header malformed' | 'header has other members' | 'wrong typ';

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

/** A compact serialization split and decoded; the header is a JSON object whose members no one has checked yet. */
export interface CompactJws {
  header: Record<string, unknown>;
  /** The payload bytes, not yet trusted. */
  payload: Buffer;
  /** `base64url(header).base64url(payload)`, what the signature covers. */
  signingInput: Buffer;
  signature: Buffer;
}

export function splitCompactJws(token: string): Result<CompactJws, 'not compact JWS' | 'header malformed'> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => part.length === 0)) return err('not compact JWS');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const headerBytes = decodeBase64url(headerPart);
  const payload = decodeBase64url(payloadPart);
  const signature = decodeBase64url(signaturePart);
  if (!headerBytes || !payload || !signature) return err('not compact JWS');

  const header = utf8Json(headerBytes);
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return err('header malformed');
  return ok({
    header: header as Record<string, unknown>,
    payload,
    signingInput: Buffer.from(`${headerPart}.${payloadPart}`, 'ascii'),
    signature,
  });
}

/** Splits and checks the header; the signature is checked by `verifyJwsSignature` with the trusted key. */
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

/** Checks the signature with `alg` as the caller's trust source says, never as the header says. */
export function verifyJwsSignature(jws: Pick<CompactJws, 'signingInput' | 'signature'>, alg: SignatureAlg, publicKey: KeyObject): boolean {
  return signatureScheme(alg).verify(jws.signingInput, jws.signature, publicKey);
}

/** The payload as JSON, or undefined if it is not UTF-8 JSON. */
export function jwsPayloadJson(jws: Pick<CompactJws, 'payload'>): unknown {
  return utf8Json(jws.payload);
}

function utf8Json(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
