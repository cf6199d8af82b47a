// The gateway's checks of a signed request before it looks at the body: headers, kiosk identity (X-Kiosk-Id
// = client certificate CN), registered algorithm, clock skew and the KQ-REQ-1 signature (ES256 or SM2-SM3).

import type { KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { err, ok, type Result } from '../../device-drivers/result';
import { formatInstant, parseInstant } from '../../kiosk/gateway/contract-time';
import { FETCH_PATH, verifyRequestSignature } from '../../kiosk/gateway/request-signing';
import type { SignatureAlg } from '../../kiosk/gateway/signature-algorithms';
import { errorAnswer, type SimulatorAnswer } from './error-answers';

export const MAX_SKEW_MS = 300_000;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CODE = /^[A-Za-z0-9-]{1,64}$/;

export interface RegisteredKiosk {
  alg: SignatureAlg;
  publicKey: KeyObject;
}

export interface SignedRequest {
  kioskId: string;
  requestId: string;
  timestamp: string;
  timestampMs: number;
  issue: string;
  purpose: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

export function checkSignedRequest(
  request: { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer; clientCertificateCn: string | null },
  kiosks: ReadonlyMap<string, RegisteredKiosk>,
  nowMs: number,
): Result<SignedRequest, SimulatorAnswer> {
  const { headers } = request;
  const kioskId = header(headers, 'x-kiosk-id');
  const requestId = header(headers, 'x-request-id');
  const timestamp = header(headers, 'x-timestamp');
  const issue = header(headers, 'x-issue');
  const purpose = header(headers, 'x-purpose');
  const alg = header(headers, 'x-signature-alg');
  const signature = header(headers, 'x-signature');
  const bad = (message: string) => err(errorAnswer(400, 'BAD_REQUEST', message));
  if (!kioskId || !requestId || !timestamp || issue === undefined || purpose === undefined || !alg || !signature) {
    return bad('a required header is missing');
  }
  if (!UUID_V4.test(requestId)) return bad('X-Request-Id is not a UUIDv4');
  const timestampMs = parseInstant(timestamp);
  if (timestampMs === null) return bad('X-Timestamp is not an RFC 3339 UTC instant');
  // X-Issue and X-Purpose are codes on a fetch and empty strings everywhere else.
  if (request.path === FETCH_PATH ? !CODE.test(issue) || !CODE.test(purpose) : issue !== '' || purpose !== '') {
    return bad(request.path === FETCH_PATH ? 'X-Issue and X-Purpose must be codes' : 'X-Issue and X-Purpose must be empty here');
  }

  const unauthenticated = (message: string) => err(errorAnswer(401, 'UNAUTHENTICATED', message));
  const kiosk = kiosks.get(kioskId);
  if (!kiosk) return unauthenticated('kiosk not registered');
  // The TLS layer already refused anyone without a certificate from the operator's CA; this binds the
  // header to that certificate, so one kiosk cannot sign in another's name.
  if (request.clientCertificateCn !== kioskId) {
    return unauthenticated('X-Kiosk-Id differs from the client certificate');
  }
  if (alg !== kiosk.alg) return unauthenticated('signature algorithm differs from the registered one');
  if (Math.abs(nowMs - timestampMs) > MAX_SKEW_MS) {
    return err(errorAnswer(401, 'CLOCK_SKEW', 'timestamp off by more than 300 s', { serverTime: formatInstant(new Date(nowMs)) }));
  }
  const fields = { method: request.method, path: request.path, kioskId, requestId, timestamp, issue, purpose, body: request.body };
  if (!verifyRequestSignature(fields, signature, kiosk.alg, kiosk.publicKey)) return unauthenticated('signature does not verify');
  return ok({ kioskId, requestId, timestamp, timestampMs, issue, purpose });
}
