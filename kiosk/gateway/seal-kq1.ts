// KQ1, the QR seal (seal-kq1.md): "KQ1:" + base45(COSE_Sign1) over a small CBOR claim set, verifiable
// offline with the trust list. CBOR is cborg's: written in its deterministic form, read strictly.

import type { KeyObject } from 'node:crypto';
import { encode, rfc8949EncodeOptions, Tagged } from 'cborg';
import { err, ok, type Result } from '../../device-drivers/result';
import { isMaskedIdNumber } from '../privacy/mask';
import { decodeBase45, encodeBase45 } from './base45-strict';
import { decodeStrictCbor, type CborProblem } from './strict-cbor';
import { keyUsableAt, type TrustEntry, type TrustList } from './trust-list';
import { signatureScheme, type SignatureAlg } from './signature-algorithms';

export const SEAL_PREFIX = 'KQ1:';
/** Issuers keep the COSE bytes at or under this, so the QR code stays at version 18 or lower. */
export const SEAL_MAX_COSE_BYTES = 360;
/** A verifier reads at most this much; anything longer is not a seal anyone printed. */
const SEAL_MAX_TEXT = 2048;
const CLOCK_TOLERANCE_S = 300;

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

function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

export interface SealSigner {
  alg: SignatureAlg;
  kid: string;
  privateKey: KeyObject;
}

export function encodeSeal(claims: SealClaims, signer: SealSigner): string {
  const scheme = signatureScheme(signer.alg);
  const protectedBytes = encodeCbor(
    new Map<number, unknown>([
      [1, scheme.coseAlg],
      [4, Buffer.from(signer.kid, 'hex')],
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
  const signature = scheme.sign(sigStructure(protectedBytes, payload), signer.privateKey);
  const cose = encodeCbor([protectedBytes, new Map(), payload, signature]);
  return SEAL_PREFIX + encodeBase45(cose);
}

/** Why a seal is not valid; `sealFailureText` words each for a verifier's screen. */
export type SealFailure =
  'not-kq1' | 'damaged' | 'unknown-issuer' | 'type-not-allowed' | 'key-revoked' | 'key-not-valid' | 'signature-invalid' | 'expired';

export const sealFailureText: Record<SealFailure, { zh: string; en: string }> = {
  'not-kq1': { zh: '不是KQ1码', en: 'not a KQ1 code' },
  damaged: { zh: '码已损坏', en: 'damaged' },
  'unknown-issuer': { zh: '未知签发机构', en: 'unknown issuer' },
  'type-not-allowed': { zh: '签发机构无权签发此类证明', en: 'issuer not allowed to issue this type' },
  'key-revoked': { zh: '签发密钥已吊销', en: 'key revoked' },
  'key-not-valid': { zh: '签发时密钥不在有效期内', en: 'key not valid when the seal was made' },
  'signature-invalid': { zh: '签名无效', en: 'signature invalid' },
  expired: { zh: '已过期', en: 'expired' },
};

/** A seal that passed every check: its claims, the key that signed it and that key's trust-list entry. */
export interface VerifiedSeal {
  claims: SealClaims;
  kid: string;
  issuer: TrustEntry;
}

export interface SealError {
  failure: SealFailure;
  /** For a damaged seal whose CBOR broke a strictness rule: which rule (a code for staff, never a value). */
  cbor?: CborProblem;
}

function refuse(failure: SealFailure): Result<never, SealError> {
  return err({ failure });
}

function damaged(cbor?: CborProblem): Result<never, SealError> {
  return err(cbor === undefined ? { failure: 'damaged' } : { failure: 'damaged', cbor });
}

/** The four-step check of seal-kq1.md, "Verifying". */
export function verifySeal(text: string, trustList: TrustList, now: Date): Result<VerifiedSeal, SealError> {
  if (!text.startsWith(SEAL_PREFIX)) return refuse('not-kq1');
  if (text.length > SEAL_MAX_TEXT) return damaged();
  const decoded = decodeEnvelope(text.slice(SEAL_PREFIX.length));
  if (!decoded.ok) return decoded;
  const envelope = decoded.value;

  const issuer = trustList.issuers.get(envelope.kid);
  if (!issuer) return refuse('unknown-issuer');
  if (issuer.status === 'revoked') return refuse('key-revoked');
  // The trust list decides the algorithm; a header that names another one is a forgery or a fault.
  const scheme = signatureScheme(issuer.alg);
  if (scheme.coseAlg !== envelope.coseAlg) return refuse('signature-invalid');
  if (!scheme.verify(sigStructure(envelope.protectedBytes, envelope.payload), envelope.signature, issuer.publicKey)) {
    return refuse('signature-invalid');
  }

  const claimsRead = decodeClaims(envelope.payload);
  if (!claimsRead.ok) return claimsRead;
  const claims = claimsRead.value;
  const use = keyUsableAt(issuer, claims.iat * 1000);
  if (!use.ok) return refuse(use.error === 'key revoked' ? 'key-revoked' : 'key-not-valid');
  if (!issuer.certTypes.includes(claims.t)) return refuse('type-not-allowed');
  const nowS = Math.floor(now.getTime() / 1000);
  if (claims.iat > nowS + CLOCK_TOLERANCE_S || claims.iat >= claims.exp) return damaged();
  if (!(nowS < claims.exp)) return refuse('expired');
  return ok({ claims, kid: envelope.kid, issuer });
}

interface Envelope {
  protectedBytes: Uint8Array;
  coseAlg: number;
  kid: string;
  payload: Uint8Array;
  signature: Uint8Array;
}

function decodeEnvelope(text: string): Result<Envelope, SealError> {
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
  return ok({ protectedBytes, coseAlg, kid: Buffer.from(kid).toString('hex'), payload, signature });
}

function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

function isUint(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function decodeClaims(payload: Uint8Array): Result<SealClaims, SealError> {
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

/** The COSE size of a seal, for the issuer's size budget. */
export function sealCoseBytes(seal: string): number {
  return decodeBase45(seal.slice(SEAL_PREFIX.length))?.length ?? 0;
}
