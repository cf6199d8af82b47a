// "Before printing, the kiosk verifies — and prints nothing if any check fails" (sharing-gateway-v1.md,
// checks 1–7). Each failure names its check and what differed, never a value: details reach staff logs.

import { err, ok, type Result } from '../../device-drivers/result';
import type { CertType } from '../errands/catalogue';
import { maskIdNumber } from '../privacy/mask';
import type { CertificatePayload, VerifiedCertificate } from './certificate';
import { endOfShanghaiDay } from '../../print-templates/shanghai-date';
import { parseInstant } from './contract-time';
import type { CertificateRefusal } from './gateway-client';
import { jwsPayloadJson, parseJws, verifyJwsSignature } from './jws';
import { sealFactKeys, verifySeal } from './seal-kq1';
import { keyUsableAt, type TrustList } from './trust-list';
import { certificatePayloadSchema, fetchResponseSchema, type Holder } from './wire-format';

export const MAX_RESPONSE_BYTES = 1024 * 1024;
const CLOCK_TOLERANCE_MS = 300_000;

/** What the kiosk sent, to hold the answer against. */
export interface SentFetch {
  requestId: string;
  kioskId: string;
  purpose: string;
  certTypes: readonly CertType[];
  /** The holder exactly as sent, i.e. as read from the card; or as the answer to an app code named them. */
  holder: Holder;
  /** Hex SHA-256 of the body bytes sent. */
  bodyHash: string;
}

/** What the kiosk sent, as its answer is held against it: no holder for an app code (the answer names one). */
export type SentRequest = Omit<SentFetch, 'holder'> & { holder: Holder | null };

/** The contract's check that failed, and what differed (never a value). */
export interface VerificationFailure {
  check: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  detail: string;
}

/** An answer whose every certificate passed: those issued, and the types the gateway refused. */
export interface VerifiedAnswer {
  issued: VerifiedCertificate[];
  refusals: CertificateRefusal[];
  /** Whom every certificate names: the card read, or whoever the app code named (v1.1). */
  holder: Holder;
}

function fail(check: VerificationFailure['check'], detail: string): Result<never, VerificationFailure> {
  return err({ check, detail: `check ${check}: ${detail}` });
}

export function verifyFetchResponse(
  body: Uint8Array,
  sent: SentRequest,
  trustList: TrustList,
  now: Date,
): Result<VerifiedAnswer, VerificationFailure> {
  if (body.length > MAX_RESPONSE_BYTES) return fail(1, 'response larger than 1 MiB');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return fail(1, 'response is not UTF-8 JSON');
  }
  const parsed = fetchResponseSchema.safeParse(json);
  if (!parsed.success) return fail(1, `response malformed at ${parsed.error.issues[0]?.path.join('.') ?? '?'}`);
  const response = parsed.data;
  if (response.results.length !== sent.certTypes.length) return fail(1, 'not one result per requested type');
  for (const [index, result] of response.results.entries()) {
    if (result.certType !== sent.certTypes[index]) return fail(1, `result ${index} is not for the type requested in that place`);
  }
  if (response.requestHash !== sent.bodyHash) return fail(4, 'response requestHash is not the hash of the body sent');
  if (response.requestId !== sent.requestId) return fail(4, 'response requestId differs from the request');
  // v1.1: an app code's answer names the holder, and check 5 holds every certificate to it; a card's answer
  // has no need to, and if it does it must name the card.
  if (sent.holder === null && !response.holder) return fail(1, 'the answer to an app code does not name the holder');
  const holder = sent.holder ?? response.holder!;
  if (response.holder && !sameHolder(response.holder, holder)) return fail(5, 'the answer names another holder than the card');

  const issued: VerifiedCertificate[] = [];
  const refusals: CertificateRefusal[] = [];
  for (const [index, result] of response.results.entries()) {
    const certType = sent.certTypes[index]!;
    if (result.status === 'refused') {
      refusals.push({ certType, code: result.error.code, retryable: result.error.retryable });
      continue;
    }
    const verified = verifyCertificate(result.certificate, certType, { ...sent, holder }, trustList, now);
    if (!verified.ok) return err({ ...verified.error, detail: `${certType}: ${verified.error.detail}` });
    issued.push(verified.value);
  }
  return ok({ issued, refusals, holder });
}

function sameHolder(a: Holder, b: Holder): boolean {
  return a.idType === b.idType && a.idNumber === b.idNumber && a.name === b.name;
}

/** Checks 2–7 for one certificate (a JWS compact serialization). */
export function verifyCertificate(
  token: string,
  certType: CertType,
  sent: SentFetch,
  trustList: TrustList,
  now: Date,
): Result<VerifiedCertificate, VerificationFailure> {
  const parsed = parseJws(token, 'cert+jws');
  if (!parsed.ok) return fail(2, `certificate ${parsed.error}`);
  const jws = parsed.value;
  const entry = trustList.issuers.get(jws.header.kid);
  if (!entry) return fail(2, `kid ${jws.header.kid} is not in the trust list`);
  if (entry.alg !== jws.header.alg) return fail(2, `header alg differs from the trust list's for kid ${entry.kid}`);
  if (!verifyJwsSignature(jws, entry.alg, entry.publicKey)) return fail(3, `signature does not verify (kid ${entry.kid})`);

  const payloadCheck = certificatePayloadSchema.safeParse(jwsPayloadJson(jws));
  if (!payloadCheck.success) return fail(1, `certificate payload malformed at ${payloadCheck.error.issues[0]?.path.join('.') ?? '?'}`);
  const payload: CertificatePayload = payloadCheck.data;

  const issuedAtMs = parseInstant(payload.issuedAt)!;
  const use = keyUsableAt(entry, issuedAtMs);
  if (!use.ok) return fail(2, `${use.error} at issuedAt (kid ${entry.kid})`);
  if (issuedAtMs > now.getTime() + CLOCK_TOLERANCE_MS) return fail(2, 'issuedAt is in the future');

  if (payload.requestHash !== sent.bodyHash) return fail(4, 'requestHash is not the hash of the body sent');
  if (payload.requestId !== sent.requestId) return fail(4, 'requestId differs from the request');
  if (payload.kioskId !== sent.kioskId) return fail(4, 'kioskId differs from this kiosk');
  if (payload.purpose !== sent.purpose) return fail(4, 'purpose differs from the request');
  if (payload.certType !== certType) return fail(4, 'certType differs from the one requested');
  if (!entry.certTypes.includes(payload.certType)) return fail(4, `issuer kid ${entry.kid} may not issue this type`);
  if (payload.issuer.code !== entry.code) return fail(4, 'issuer code differs from the trust list entry');

  if (payload.holder.idType !== sent.holder.idType) return fail(5, 'holder idType differs from the card or the named holder');
  if (payload.holder.idNumber !== sent.holder.idNumber) return fail(5, 'holder idNumber differs from the card or the named holder');
  if (payload.holder.name !== sent.holder.name) return fail(5, 'holder name differs from the card or the named holder');

  const endOfValidityMs = endOfShanghaiDay(payload.validUntil);
  // Valid through 23:59:59 Asia/Shanghai: that whole last second included.
  if (now.getTime() >= endOfValidityMs + 1000) return fail(6, 'validUntil has passed');

  const seal = verifySeal(payload.seal, trustList, now);
  if (!seal.ok) return fail(7, `seal invalid (${[seal.error.failure, seal.error.cbor].filter(Boolean).join(': ')})`);
  if (seal.value.kid !== jws.header.kid) return fail(7, 'seal signed by another key than the certificate');
  const { claims } = seal.value;
  if (claims.t !== payload.certType) return fail(7, 'seal t differs from certType');
  if (claims.id !== payload.certId) return fail(7, 'seal id differs from certId');
  if (claims.n !== payload.holder.name) return fail(7, 'seal n differs from the holder name');
  if (claims.m !== maskIdNumber(payload.holder.idNumber)) return fail(7, 'seal m differs from the masked ID number');
  if (claims.exp * 1000 !== endOfValidityMs) return fail(7, 'seal exp differs from the end of validUntil');
  const factProblem = compareFacts(claims.f, payload);
  if (factProblem) return fail(7, factProblem);

  // The stamp only from the entry that verified it, and only under the name that entry gives (seal-kq1.md v1.1).
  const stamp = entry.stamp !== undefined && payload.issuer.name === entry.name ? entry.stamp : null;
  return ok({ ...payload, verified: true, stamp, specimen: trustList.environment === 'test' });
}

function compareFacts(facts: Record<string, string>, payload: CertificatePayload): string | null {
  const keys = sealFactKeys(payload.certType);
  if (Object.keys(facts).length !== keys.length || !keys.every((key) => Object.hasOwn(facts, key))) {
    return 'seal f does not hold exactly the facts its type names';
  }
  for (const key of keys) {
    const fields = payload.fields.filter((field) => field.key === key);
    if (fields.length !== 1) return `certificate has not exactly one field ${key}`;
    if (fields[0]!.value !== facts[key]) return `seal f.${key} differs from the certificate's field`;
  }
  return null;
}
