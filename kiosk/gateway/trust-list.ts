// The trust list (seal-kq1.md): which issuer keys may sign which certificate types, signed by a root key that
// the kiosk pins. Loaded strictly; a list that breaks a loading rule is refused as a whole, so the kiosk keeps
// the one it has rather than run with a partial list.

import { createPublicKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { err, ok, type Result } from '../../device-drivers/result';
import { parseInstant } from './contract-time';
import { parseJws, jwsPayloadJson, signJws, verifyJwsSignature } from './jws';
import { issuerStampSchema, type IssuerStamp } from './issuer-stamp';
import { keyId } from './key-id';
import type { SignatureAlg } from './signature-algorithms';
import { signatureScheme } from './signature-algorithms';

export { keyUsableAt, type KeyProblem } from '../../verifier/seal-issuer';

const instant = z.string().refine((value) => parseInstant(value) !== null, 'not an RFC 3339 UTC instant');
const code = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

const entrySchema = z.object({
  kid: z.string().regex(/^[0-9a-f]{16}$/),
  alg: z.enum(['ES256', 'SM2-SM3']),
  code: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'not a unified social credit code'),
  name: z.string().min(1),
  certTypes: z.array(code).min(1),
  publicKeyPem: z.string().min(1),
  validFrom: instant,
  validTo: instant,
  status: z.enum(['active', 'retired', 'revoked']),
  retiredAt: instant.optional(),
  stamp: issuerStampSchema.optional(),
});

const documentSchema = z.object({
  version: z.number().int().nonnegative(),
  issuedAt: instant,
  nextUpdate: instant,
  issuers: z.array(entrySchema),
  /** v1.1: a list without it is a test list. */
  environment: z.enum(['production', 'test']).optional(),
  /** v1.1: the official verifier pages a printed URL-form seal may point at. */
  verifierUrls: z.array(z.url({ protocol: /^https$/ })).optional(),
});

/** The trust list as published (the JWS payload). */
export type TrustListDocument = z.infer<typeof documentSchema>;
export type TrustEntryDocument = z.infer<typeof entrySchema>;

export interface TrustEntry {
  kid: string;
  alg: SignatureAlg;
  /** The issuer's unified social credit code. */
  code: string;
  name: string;
  certTypes: readonly string[];
  publicKey: KeyObject;
  validFromMs: number;
  validToMs: number;
  status: 'active' | 'retired' | 'revoked';
  retiredAtMs?: number;
  /** The issuer's stamp, printed only on certificates this key verified. */
  stamp?: IssuerStamp;
}

export type TrustListEnvironment = 'production' | 'test';

export interface TrustList {
  version: number;
  issuedAtMs: number;
  nextUpdateMs: number;
  issuers: ReadonlyMap<string, TrustEntry>;
  /** A `test` list's papers are specimens: watermarked, `样本` in the stamp; a production kiosk refuses one. */
  environment: TrustListEnvironment;
  verifierUrls: readonly string[];
}

/** Why a trust list was refused as a whole, in words for staff (no key material, no values). */
export interface TrustListRefusal {
  reason: string;
}

/** Signs a trust list with the root key (the publisher's side; the simulator and tests use it). */
export function publishTrustList(document: TrustListDocument, rootKey: KeyObject): string {
  return signJws({ alg: 'ES256', kid: keyId(rootKey), typ: 'trust+jws' }, document, rootKey);
}

/**
 * Verifies a signed trust list against the pinned root key and applies the loading rules. `installedVersion`
 * is the version the kiosk runs now, if any: a lower one is refused (a replayed old list could revive a key).
 * `production`: the kiosk's configuration says production, so a `test` list is refused, at every load.
 */
export function loadTrustList(
  token: string,
  rootKey: KeyObject,
  options: { installedVersion?: number; production?: boolean } = {},
): Result<TrustList, TrustListRefusal> {
  const parsed = parseJws(token.trim(), 'trust+jws');
  if (!parsed.ok) return refuse(parsed.error);
  const jws = parsed.value;
  // The root is pinned, so its kid and algorithm are known; the header only has to agree.
  if (jws.header.kid !== keyId(rootKey)) return refuse('signed by another key than the pinned root');
  if (jws.header.alg !== 'ES256' || !verifyJwsSignature(jws, 'ES256', rootKey)) {
    return refuse('signature does not verify against the pinned root');
  }
  const document = documentSchema.safeParse(jwsPayloadJson(jws));
  if (!document.success) {
    const issue = document.error.issues[0];
    return refuse(`malformed at ${issue?.path.join('.') ?? '?'} (${issue?.message ?? ''})`);
  }
  const { version, issuedAt, nextUpdate, issuers } = document.data;
  const environment = document.data.environment ?? 'test';
  if (options.production && environment !== 'production') {
    return refuse(`a ${environment} list, and this kiosk's configuration says production`);
  }
  if (options.installedVersion !== undefined && version < options.installedVersion) {
    return refuse(`version ${version} is lower than the installed ${options.installedVersion}`);
  }
  const entries = new Map<string, TrustEntry>();
  for (const [index, entry] of issuers.entries()) {
    const built = buildEntry(entry);
    if (!built.ok) return refuse(`issuer ${index} (${entry.kid}): ${built.error}`);
    if (entries.has(built.value.kid)) return refuse(`duplicate kid ${built.value.kid}`);
    entries.set(built.value.kid, built.value);
  }
  return ok({
    version,
    issuedAtMs: parseInstant(issuedAt)!,
    nextUpdateMs: parseInstant(nextUpdate)!,
    issuers: entries,
    environment,
    verifierUrls: document.data.verifierUrls ?? [],
  });
}

function refuse(reason: string): Result<never, TrustListRefusal> {
  return err({ reason: `trust list: ${reason}` });
}

/** The entry, or why it breaks a loading rule. */
function buildEntry(entry: TrustEntryDocument): Result<TrustEntry, string> {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(entry.publicKeyPem);
  } catch {
    return err('publicKeyPem is not a public key');
  }
  if (keyId(publicKey) !== entry.kid) return err('kid does not match the key');
  const scheme = signatureScheme(entry.alg);
  if (!scheme.acceptsKey(publicKey)) return err(`key is not an ${entry.alg} key`);
  const validFromMs = parseInstant(entry.validFrom)!;
  const validToMs = parseInstant(entry.validTo)!;
  if (validFromMs >= validToMs) return err('validFrom is not before validTo');
  if ((entry.status === 'retired') !== (entry.retiredAt !== undefined)) return err('retiredAt goes with status retired, and only with it');
  const result: TrustEntry = {
    kid: entry.kid,
    alg: entry.alg,
    code: entry.code,
    name: entry.name,
    certTypes: entry.certTypes,
    publicKey,
    validFromMs,
    validToMs,
    status: entry.status,
  };
  if (entry.retiredAt !== undefined) result.retiredAtMs = parseInstant(entry.retiredAt)!;
  if (entry.stamp !== undefined) result.stamp = entry.stamp;
  return ok(result);
}

/** Past `nextUpdate` the list still verifies, but staff must be told to get a newer one. */
export function trustListIsStale(list: TrustList, now: Date): boolean {
  return now.getTime() > list.nextUpdateMs;
}
