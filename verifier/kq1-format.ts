// KQ1, the QR seal (seal-kq1.md): "KQ1:" + base45(COSE_Sign1) over a small CBOR claim set. The format both
// ways, without the signing or verifying itself: the agent signs with Node's crypto, verifiers check with
// theirs. CBOR is cborg's: written in its deterministic form, read strictly.

import { encode, rfc8949EncodeOptions, Tagged } from 'cborg';
import { err, ok, type Result } from '../device-drivers/result';
import { isMaskedIdNumber } from '../kiosk/privacy/mask';
import { decodeBase45, encodeBase45 } from './base45';
import { COSE_ALG, type SignatureAlg } from './signature-alg';
import { decodeStrictCbor, type CborProblem } from './strict-cbor';

export const SEAL_PREFIX = 'KQ1:';
/** Issuers keep the COSE bytes at or under this, so the QR code stays at version 18 or lower. */
export const SEAL_MAX_COSE_BYTES = 360;
/** A verifier reads at most this much; anything longer is not a seal anyone printed. */
export const SEAL_MAX_TEXT = 2048;

/** The decisive facts each type carries in `f` (the certificate's `fields` keys). */
const SEAL_FACT_KEYS: Readonly<Record<string, readonly string[]>> = {
  'no-property-proof': ['region'],
  'social-security-record': ['region', 'months', 'lastPaidMonth'],
  'residence-proof': ['region', 'since'],
};

export function sealFactKeys(certType: string): readonly string[] {
  return SEAL_FACT_KEYS[certType] ?? [];
}

export interface SealClaims {
  v: 1;
  /** certificate type */
  t: string;
  /** certificate id */
  id: string;
  /** holder name */
  n: string;
  /** masked holder ID number */
  m: string;
  /** decisive facts */
  f: Record<string, string>;
  /** issued at, seconds */
  iat: number;
  /** end of validUntil, seconds */
  exp: number;
}

const CLAIM_KEYS = ['v', 't', 'id', 'n', 'm', 'f', 'iat', 'exp'] as const;

/** COSE_Sign1's tag (RFC 9052); a seal may carry it or not. */
const COSE_SIGN1_TAG = 18;

function encodeCbor(value: unknown): Uint8Array {
  return encode(value, rfc8949EncodeOptions);
}

/** What the signature covers: COSE's Sig_structure `["Signature1", protected, h'', payload]`. */
export function sealSigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

/** A seal's parts before its signature: the caller signs `toBeSigned` and hands the signature to `assembleSeal`. */
export interface UnsignedSeal {
  protectedBytes: Uint8Array;
  payload: Uint8Array;
  toBeSigned: Uint8Array;
}

export function prepareSeal(claims: SealClaims, alg: SignatureAlg, kid: string): UnsignedSeal {
  const protectedBytes = encodeCbor(
    new Map<number, unknown>([
      [1, COSE_ALG[alg]],
      [4, bytesFromHex(kid)],
    ]),
  );
  const payload = encodeCbor(
    new Map<string, unknown>([
      ['v', claims.v],
      ['t', claims.t],
      ['id', claims.id],
      ['n', claims.n],
      ['m', claims.m],
      ['f', new Map(Object.entries(claims.f))],
      ['iat', claims.iat],
      ['exp', claims.exp],
    ]),
  );
  return { protectedBytes, payload, toBeSigned: sealSigStructure(protectedBytes, payload) };
}

export function assembleSeal(unsigned: UnsignedSeal, signature: Uint8Array): string {
  return SEAL_PREFIX + encodeBase45(encodeCbor([unsigned.protectedBytes, new Map(), unsigned.payload, signature]));
}

/** The COSE size of a seal, for the issuer's size budget. */
export function sealCoseBytes(seal: string): number {
  return decodeBase45(seal.slice(SEAL_PREFIX.length))?.length ?? 0;
}

/** Why a seal's bytes are not a KQ1 seal: the rule the CBOR broke, if that was it (a code, never a value). */
export interface DamagedSeal {
  cbor?: CborProblem;
}

function damaged(cbor?: CborProblem): Result<never, DamagedSeal> {
  return err(cbor === undefined ? {} : { cbor });
}

/** A COSE_Sign1 of exactly the contract's shape, its payload not yet trusted. */
export interface SealEnvelope {
  protectedBytes: Uint8Array;
  coseAlg: number;
  kid: string;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** Step 1 of "Verifying": base45 text (without `KQ1:`) to a COSE_Sign1 of exactly the shape above. */
export function decodeSealEnvelope(text: string): Result<SealEnvelope, DamagedSeal> {
  const bytes = decodeBase45(text);
  if (!bytes) return damaged();
  // Tag 18 is allowed around the whole COSE_Sign1 only; anywhere inside, a Tagged fails the shape checks.
  const outer = decodeStrictCbor(bytes, [COSE_SIGN1_TAG]);
  if (!outer.ok) return damaged(outer.error);
  const value = outer.value instanceof Tagged ? outer.value.value : outer.value;
  if (!Array.isArray(value) || value.length !== 4) return damaged();
  const [protectedBytes, unprotected, payload, signature] = value as unknown[];
  if (!isBytes(protectedBytes) || !isBytes(payload) || !isBytes(signature)) return damaged();
  if (!(unprotected instanceof Map) || unprotected.size !== 0) return damaged();

  const header = decodeStrictCbor(protectedBytes);
  if (!header.ok) return damaged(header.error);
  if (!(header.value instanceof Map) || header.value.size !== 2) return damaged();
  const coseAlg = header.value.get(1);
  const kid = header.value.get(4);
  if (typeof coseAlg !== 'number' || !isBytes(kid) || kid.length !== 8) return damaged();
  return ok({ protectedBytes, coseAlg, kid: hexFromBytes(kid), payload, signature });
}

/** Step 4's strict shape: exactly the claim keys with their types, `v` = 1, `m` in the masked form. */
export function decodeSealClaims(payload: Uint8Array): Result<SealClaims, DamagedSeal> {
  const decoded = decodeStrictCbor(payload);
  if (!decoded.ok) return damaged(decoded.error);
  if (!(decoded.value instanceof Map)) return damaged();
  const map = decoded.value as Map<unknown, unknown>;
  if (map.size !== CLAIM_KEYS.length || !CLAIM_KEYS.every((key) => map.has(key))) return damaged();
  const [v, t, id, n, m, f, iat, exp] = CLAIM_KEYS.map((key) => map.get(key));
  if (v !== 1 || typeof t !== 'string' || typeof id !== 'string' || typeof n !== 'string' || typeof m !== 'string') return damaged();
  if (!isMaskedIdNumber(m) || !isUint(iat) || !isUint(exp) || !(f instanceof Map)) return damaged();
  const facts: Array<[string, string]> = [];
  for (const [key, fact] of f as Map<unknown, unknown>) {
    if (typeof key !== 'string' || typeof fact !== 'string') return damaged();
    facts.push([key, fact]);
  }
  // fromEntries makes own properties even of a key like "__proto__".
  return ok({ v: 1, t, id, n, m, f: Object.fromEntries(facts), iat, exp });
}

function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

function isUint(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function hexFromBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function bytesFromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
