// POST /v1/certificates:fetch, after the body is read: authenticate, replay or refuse a reused id, check the
// body and consent, find the holder, and answer one result per requested type.

import type { IncomingHttpHeaders } from 'node:http';
import type { CertType } from '../../kiosk/errands/catalogue';
import { shanghaiDate } from '../../kiosk/gateway/contract-time';
import { FETCH_PATH, sha256Hex } from '../../kiosk/gateway/request-signing';
import { fetchRequestBodySchema, type FetchRequestBody } from '../../kiosk/gateway/wire-format';
import { buildCertificatePayload, signCertificate, type IssueContext } from './certificate-issuer';
import { certificateContent } from './certificate-content';
import { consentProblem } from './consent-check';
import { departmentFor } from './departments';
import { errorAnswer, jsonAnswer, type SimulatorAnswer } from './error-answers';
import type { HolderRegistry } from './holder-registry';
import type { IdempotencyStore } from './idempotency-store';
import { checkSignedRequest, type RegisteredKiosk, type SignedRequest } from './request-checks';
import type { IssuerKey } from './simulator-files';

export interface FetchHandlerDeps {
  kiosks: ReadonlyMap<string, RegisteredKiosk>;
  errandCertTypes: ReadonlyMap<string, ReadonlySet<CertType>>;
  registry: HolderRegistry;
  issuers: ReadonlyMap<string, IssuerKey>;
  store: IdempotencyStore;
  now: () => Date;
}

export interface ReceivedFetch {
  headers: IncomingHttpHeaders;
  body: Buffer;
  clientCertificateCn: string | null;
}

export function handleFetch(request: ReceivedFetch, deps: FetchHandlerDeps): SimulatorAnswer & { requestId?: string } {
  const now = deps.now();
  const checked = checkSignedRequest({ method: 'POST', path: FETCH_PATH, ...request }, deps.kiosks, now.getTime());
  if (!checked.ok) return checked.answer;
  const { signed } = checked;
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

  // Final answers (200, 403, 404) are kept, so that a retry gets the very same bytes.
  const answer = finalAnswer(body, bodyHash, signed, deps, now);
  deps.store.keep(signed.kioskId, signed.requestId, bodyHash, { status: answer.status, body: answer.body }, now.getTime());
  return { ...answer, requestId: signed.requestId };
}

function finalAnswer(
  body: FetchRequestBody,
  bodyHash: string,
  signed: SignedRequest,
  deps: FetchHandlerDeps,
  now: Date,
): SimulatorAnswer {
  const consent = consentProblem(body, signed, deps.errandCertTypes);
  if (consent) return errorAnswer(403, 'CONSENT_INVALID', consent);
  const citizen = deps.registry.find(body.holder);
  if (!citizen) return errorAnswer(404, 'HOLDER_NOT_FOUND', 'no person with this ID number and name at the sources');

  const context: IssueContext = {
    requestId: signed.requestId, requestHash: bodyHash, kioskId: signed.kioskId, purpose: signed.purpose, now,
  };
  const today = shanghaiDate(now);
  const results = body.certTypes.map((certType) => {
    const content = certificateContent(certType, citizen, body.holder, today);
    if (!content.eligible) {
      return { certType, status: 'refused', error: { code: 'NOT_ELIGIBLE', message: content.message, retryable: false } };
    }
    const department = departmentFor(certType);
    const issuer = deps.issuers.get(department.id)!;
    const payload = buildCertificatePayload({ certType, holder: body.holder, ...content }, issuer, context);
    return { certType, status: 'issued', certificate: signCertificate(payload, issuer) };
  });
  return jsonAnswer(200, { requestId: signed.requestId, requestHash: bodyHash, results });
}
