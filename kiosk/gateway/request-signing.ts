// KQ-REQ-1: the request signature of sharing-gateway-v1.md, "Transport and identity".

import { createHash, type KeyObject } from 'node:crypto';
import { decodeBase64url, encodeBase64url } from './base64url';
import { signatureScheme, type SignatureAlg } from './signature-algorithms';

export const FETCH_PATH = '/v1/certificates:fetch';
export const HEALTH_PATH = '/v1/health';
export const RATINGS_PATH = '/v1/ratings';

export interface SignedFields {
  method: string;
  /** The path as the contract writes it, without any deployment prefix. */
  path: string;
  kioskId: string;
  requestId: string;
  timestamp: string;
  issue: string;
  purpose: string;
  body: Uint8Array;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function signingString(fields: SignedFields): string {
  return [
    'KQ-REQ-1',
    fields.method,
    fields.path,
    fields.kioskId,
    fields.requestId,
    fields.timestamp,
    fields.issue,
    fields.purpose,
    sha256Hex(fields.body),
  ].join('\n');
}

/** The seven headers of a signed request. */
export function signedRequestHeaders(fields: SignedFields, alg: SignatureAlg, privateKey: KeyObject): Record<string, string> {
  const scheme = signatureScheme(alg);
  return {
    'X-Kiosk-Id': fields.kioskId,
    'X-Request-Id': fields.requestId,
    'X-Timestamp': fields.timestamp,
    'X-Issue': fields.issue,
    'X-Purpose': fields.purpose,
    'X-Signature-Alg': alg,
    'X-Signature': encodeBase64url(scheme.sign(Buffer.from(signingString(fields), 'utf8'), privateKey)),
  };
}

/** The gateway's side: whether `signature` (base64url) signs these fields under the registered key. */
export function verifyRequestSignature(fields: SignedFields, signature: string, alg: SignatureAlg, publicKey: KeyObject): boolean {
  const scheme = signatureScheme(alg);
  const bytes = decodeBase64url(signature);
  return bytes !== null && scheme.verify(Buffer.from(signingString(fields), 'utf8'), bytes, publicKey);
}
