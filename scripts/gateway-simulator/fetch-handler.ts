// POST /v1/certificates:fetch, after the body is read: authenticate, rate-limit, replay or refuse a reused
// id, check the body and consent, find the holder, and answer one result per requested type — spoiled as
// the certificate faults in force say.

import type { IncomingHttpHeaders } from 'node:http';
import type { CertType } from '../../kiosk/errands/catalogue';
import { shanghaiIsoDate } from '../../print-templates/shanghai-date';
import { FETCH_PATH, sha256Hex } from '../../kiosk/gateway/request-signing';
import type { SignatureAlg } from '../../kiosk/gateway/signature-algorithms';
import { fetchRequestBodySchema, type FetchRequestBody, type Holder } from '../../kiosk/gateway/wire-format';
import { gatewayIdType } from '../../kiosk/gateway/gateway-id-type';
import type { SyntheticCitizen } from '../synthetic-population';
import { buildCertificatePayload, signCertificate, type IssueContext } from './certificate-issuer';
import { certificateContent } from './certificate-content';
import { consentProblem } from './consent-check';
import { departmentFor } from './departments';
import { errorAnswer, jsonAnswer, type SimulatorAnswer } from './error-answers';
import type { CertificateFault } from './fault-plan';
import type { AppPlatform } from './app-platform';
import type { HolderRegistry } from './holder-registry';
import type { IdempotencyStore } from './idempotency-store';
import type { RateLimiter } from './rate-limiter';
import { checkSignedRequest, type RegisteredKiosk, type SignedRequest } from './request-checks';
import type { IssuerKey } from './simulator-files';

/** `mixed`: each department signs with its default algorithm; otherwise every department uses the one named. */
export type IssuerAlgChoice = 'mixed' | SignatureAlg;

export interface FetchHandlerDeps {
  kiosks: ReadonlyMap<string, RegisteredKiosk>;
  errandCertTypes: ReadonlyMap<string, ReadonlySet<CertType>>;
  registry: HolderRegistry;
  /** The government app's platform: redeems app codes (v1.1). */
  appPlatform: AppPlatform;
  issuers: ReadonlyMap<string, Readonly<Record<SignatureAlg, IssuerKey>>>;
  issuerAlg: IssuerAlgChoice;
  /** Keys of no trust list, for the unknown-kid fault. */
  strangers: Readonly<Record<SignatureAlg, Omit<IssuerKey, 'department'>>>;
  store: IdempotencyStore;
  rateLimiter: RateLimiter | null;
  now: () => Date;
}

export interface ReceivedFetch {
  headers: IncomingHttpHeaders;
  body: Buffer;
  clientCertificateCn: string | null;
}

export type FetchAnswer = SimulatorAnswer & { requestId?: string };

export function handleFetch(request: ReceivedFetch, deps: FetchHandlerDeps, faults: readonly CertificateFault[] = []): FetchAnswer {
  const now = deps.now();
  const checked = checkSignedRequest({ method: 'POST', path: FETCH_PATH, ...request }, deps.kiosks, now.getTime());
  if (!checked.ok) return checked.error;
  const signed = checked.value;

  const rate = deps.rateLimiter?.take(signed.kioskId, now.getTime()) ?? { allowed: true };
  if (!rate.allowed) {
    const answer = errorAnswer(429, 'RATE_LIMITED', 'too many requests from this kiosk', {
      retryable: true,
      retryAfterMs: rate.retryAfterSeconds * 1000,
    });
    return { ...answer, headers: { 'retry-after': String(rate.retryAfterSeconds) }, requestId: signed.requestId };
  }

  const bodyHash = sha256Hex(request.body);
  const previous = deps.store.lookup(signed.kioskId, signed.requestId, bodyHash, now.getTime());
  if (previous.kind === 'replay') return { ...previous.answer, code: 'REPLAY', requestId: signed.requestId };
  if (previous.kind === 'conflict') {
    return { ...errorAnswer(409, 'REQUEST_ID_REUSED', 'request id already used with another body'), requestId: signed.requestId };
  }

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(request.body));
  } catch {
    return errorAnswer(400, 'BAD_REQUEST', 'body is not UTF-8 JSON');
  }
  const parsed = fetchRequestBodySchema.safeParse(json);
  if (!parsed.success) return errorAnswer(400, 'BAD_REQUEST', `body malformed at ${parsed.error.issues[0]?.path.join('.') ?? '?'}`);
  const body = parsed.data;
  if (new Set(body.certTypes).size !== body.certTypes.length) return errorAnswer(400, 'BAD_REQUEST', 'a certificate type is asked twice');
  if ((body.holder.idType === 'app-token') !== (body.consent.method === 'app-qr')) {
    return errorAnswer(400, 'BAD_REQUEST', 'an app-token holder goes with app-qr consent, and only with it');
  }

  const answer = finalAnswer(body, bodyHash, signed, deps, now, faults);
  // Final answers (200, 403, 404) are kept, so that a retry gets the very same bytes — unless a fault shaped
  // this one: a fault never outlives its count.
  if (faults.length === 0) {
    deps.store.keep(signed.kioskId, signed.requestId, bodyHash, { status: answer.status, body: answer.body }, now.getTime());
  }
  return { ...answer, requestId: signed.requestId };
}

function holderOf(citizen: SyntheticCitizen): Holder {
  const card = citizen.card;
  const idType = gatewayIdType(card);
  const name = idType === 'foreign-permanent-resident' && card.name === '' ? (card.englishName ?? '') : card.name;
  return { idType, idNumber: card.idNumber, name };
}

function finalAnswer(
  body: FetchRequestBody,
  bodyHash: string,
  signed: SignedRequest,
  deps: FetchHandlerDeps,
  now: Date,
  faults: readonly CertificateFault[],
): SimulatorAnswer {
  const consent = consentProblem(body, signed, deps.errandCertTypes);
  if (consent) return errorAnswer(403, 'CONSENT_INVALID', consent);
  // v1.1: an app code names the holder, once; the answer then says whom it named.
  let holder: Holder;
  let named: { holder: Holder } | Record<string, never> = {};
  if (body.consent.method === 'app-qr') {
    const redeemed = deps.appPlatform.redeem(body.consent.evidence.token, signed.kioskId, body.consent.evidence.nonce, now);
    if (!redeemed.ok) return errorAnswer(403, 'CONSENT_INVALID', redeemed.error);
    holder = holderOf(redeemed.value);
    named = { holder };
  } else if (body.holder.idType !== 'app-token') {
    holder = body.holder;
  } else {
    return errorAnswer(400, 'BAD_REQUEST', 'an app-token holder goes with app-qr consent');
  }
  const citizen = deps.registry.find(holder);
  if (!citizen) return errorAnswer(404, 'HOLDER_NOT_FOUND', 'no person with this ID number and name at the sources');

  const has = (kind: CertificateFault['kind']) => faults.some((fault) => fault.kind === kind);
  const expired = has('expired');
  const issuedAt = expired ? new Date(now.getTime() - 2 * 86_400_000) : now;
  const context: IssueContext = {
    requestId: signed.requestId,
    requestHash: has('wrong-request-hash') ? sha256Hex(Buffer.from(`another body than ${signed.requestId}`)) : bodyHash,
    kioskId: signed.kioskId,
    purpose: signed.purpose,
    now: issuedAt,
    ...(expired ? { validityDays: 1 } : {}),
  };
  const today = shanghaiIsoDate(issuedAt);
  const results = body.certTypes.map((certType) => {
    const refusal = faults.find((fault) => fault.kind === 'refuse-result' && (fault.certType === undefined || fault.certType === certType));
    if (refusal?.kind === 'refuse-result') {
      return {
        certType,
        status: 'refused',
        error: { code: refusal.code, message: 'refused on demand (simulator fault)', retryable: refusal.retryable },
      };
    }
    // The wrong-holder fault: a genuine certificate, for the first other person the source can certify.
    let subject = { citizen, holder };
    if (has('wrong-holder')) {
      for (const other of deps.registry.known()) {
        if (other.card.idNumber === holder.idNumber) continue;
        if (certificateContent(certType, other, holderOf(other), today).eligible) {
          subject = { citizen: other, holder: holderOf(other) };
          break;
        }
      }
    }
    const content = certificateContent(certType, subject.citizen, subject.holder, today);
    if (!content.eligible) {
      return { certType, status: 'refused', error: { code: 'NOT_ELIGIBLE', message: content.message, retryable: false } };
    }
    const department = departmentFor(certType);
    const alg = deps.issuerAlg === 'mixed' ? department.defaultAlg : deps.issuerAlg;
    const issuer: IssuerKey = has('unknown-kid') ? { ...deps.strangers[alg], department } : deps.issuers.get(department.id)![alg];
    const payload = buildCertificatePayload({ certType, holder: subject.holder, ...content }, issuer, context);
    let certificate = signCertificate(payload, issuer);
    if (has('bad-signature')) certificate = damageSignature(certificate);
    return { certType, status: 'issued', certificate };
  });
  return jsonAnswer(200, { requestId: signed.requestId, requestHash: bodyHash, ...named, results });
}

/** Flips bits in the middle of the signature: still well-formed base64url, no longer a valid signature. */
function damageSignature(jws: string): string {
  const dot = jws.lastIndexOf('.');
  const signature = Buffer.from(jws.slice(dot + 1), 'base64url');
  signature[16] = signature[16]! ^ 0x5a;
  return `${jws.slice(0, dot + 1)}${signature.toString('base64url')}`;
}
