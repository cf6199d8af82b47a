// The messages of sharing-gateway-v1.md as schemas: the one definition both the client and the simulator
// parse with, so the two cannot drift apart.

import { z } from 'zod';
import { certTypeSchema } from '../errands/catalogue';
import { isIsoDate } from '../../print-templates/shanghai-date';
import { isAppChallengeNonce, isAppCode } from './app-code';
import { parseInstant } from './contract-time';

export const contractCode = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
export const instantString = z.string().refine((value) => parseInstant(value) !== null, 'not an RFC 3339 UTC instant');
export const dateString = z.string().refine(isIsoDate, 'not a YYYY-MM-DD date');
/** Error codes (NOT_ELIGIBLE, HOLDER_NOT_FOUND, …) are upper-case words joined by underscores. */
export const errorCode = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/);
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const idTypeSchema = z.enum(['resident-id', 'hmt-residence-permit', 'foreign-permanent-resident']);
export type GatewayIdType = z.infer<typeof idTypeSchema>;

export const holderSchema = z.strictObject({
  idType: idTypeSchema,
  idNumber: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
});
export type Holder = z.infer<typeof holderSchema>;

/** v1.1: a citizen identified by the government app's code; the gateway answers who the code named. */
export const appTokenHolderSchema = z.strictObject({ idType: z.literal('app-token') });
export const appCodeTokenSchema = z.string().refine(isAppCode, 'not an app code');

export const fetchRequestBodySchema = z.strictObject({
  certTypes: z.array(certTypeSchema).min(1).max(16),
  holder: z.union([holderSchema, appTokenHolderSchema]),
  consent: z.discriminatedUnion('method', [
    z.strictObject({
      method: z.literal('id-card'),
      grantedAt: instantString,
      purpose: contractCode,
      scope: z.array(contractCode).min(1).max(16),
      evidence: z.strictObject({}),
    }),
    z.strictObject({
      method: z.literal('app-qr'),
      grantedAt: instantString,
      purpose: contractCode,
      scope: z.array(contractCode).min(1).max(16),
      evidence: z.strictObject({ token: appCodeTokenSchema, nonce: z.string().refine(isAppChallengeNonce, 'not a challenge nonce') }),
    }),
    z.strictObject({
      method: z.literal('id-card+face'),
      grantedAt: instantString,
      purpose: contractCode,
      scope: z.array(contractCode).min(1).max(16),
      evidence: z.strictObject({ token: z.string().min(1).max(4096) }),
    }),
  ]),
});
export type FetchRequestBody = z.infer<typeof fetchRequestBodySchema>;

export const refusalErrorSchema = z.object({
  code: errorCode,
  message: z.string(),
  retryable: z.boolean(),
});

export const fetchResponseSchema = z.strictObject({
  requestId: z.string(),
  requestHash: sha256Hex,
  /** v1.1, answering an app code: who the code named. */
  holder: holderSchema.optional(),
  results: z.array(
    z.discriminatedUnion('status', [
      z.strictObject({ certType: contractCode, status: z.literal('issued'), certificate: z.string().min(1) }),
      z.strictObject({ certType: contractCode, status: z.literal('refused'), error: refusalErrorSchema }),
    ]),
  ),
});
export type FetchResponse = z.infer<typeof fetchResponseSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCode,
    message: z.string(),
    retryable: z.boolean(),
    retryAfterMs: z.number().int().nonnegative().optional(),
    traceId: z.string().optional(),
    serverTime: instantString.optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const certificatePayloadSchema = z.strictObject({
  certId: z.string().min(1).max(128),
  certType: certTypeSchema,
  title: z.string().min(1),
  issuer: z.strictObject({ name: z.string().min(1), code: z.string().length(18) }),
  holder: holderSchema,
  statement: z.string().min(1),
  fields: z.array(z.strictObject({ key: z.string().min(1), label: z.string().min(1), value: z.string() })),
  issuedAt: instantString,
  validUntil: dateString,
  requestId: z.string(),
  requestHash: sha256Hex,
  kioskId: z.string(),
  purpose: z.string(),
  seal: z.string().min(1),
});

export const healthResponseSchema = z.object({ status: z.literal('ok'), time: instantString });
