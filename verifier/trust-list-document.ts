// The trust list as published (seal-kq1.md, "Trust list" and v1.1): the JWS payload, read field by field
// without a schema library so that the verifier page stays small. Members the contract does not name are
// ignored (a newer publisher may add some); every named one must have its type, or the whole list is refused.

import { err, ok, type Result } from '../device-drivers/result';
import { parseInstant } from './contract-instant';
import { readIssuerStamp, type IssuerStamp } from './issuer-stamp';
import { isSignatureAlg, type SignatureAlg } from './signature-alg';

export type TrustListEnvironment = 'production' | 'test';
export type TrustEntryStatus = 'active' | 'retired' | 'revoked';

export interface TrustEntryDocument {
  kid: string;
  alg: SignatureAlg;
  /** The issuer's unified social credit code. */
  code: string;
  name: string;
  certTypes: string[];
  publicKeyPem: string;
  validFrom: string;
  validTo: string;
  status: TrustEntryStatus;
  retiredAt?: string | undefined;
  stamp?: IssuerStamp | undefined;
}

export interface TrustListDocument {
  version: number;
  issuedAt: string;
  nextUpdate: string;
  issuers: TrustEntryDocument[];
  /** v1.1: a list without it is a test list. */
  environment?: TrustListEnvironment | undefined;
  /** v1.1: the official verifier pages a printed URL-form seal may point at. */
  verifierUrls?: string[] | undefined;
}

/** The first member that breaks the contract: where (`issuers.0.validFrom`) and how. */
export interface DocumentProblem {
  path: (string | number)[];
  message: string;
}

type Read<T> = Result<T, DocumentProblem>;
type Check = (value: unknown) => string | null;

const problem = (path: (string | number)[], message: string): Read<never> => err({ path, message });

const nonEmpty: Check = (value) => (typeof value === 'string' && value.length > 0 ? null : 'not non-empty text');
const matching =
  (pattern: RegExp, message: string): Check =>
  (value) =>
    typeof value === 'string' && pattern.test(value) ? null : message;
const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && values.includes(value) ? null : `not one of ${values.join(', ')}`;
const instant: Check = (value) => (typeof value === 'string' && parseInstant(value) !== null ? null : 'not an RFC 3339 UTC instant');
const certTypeCode = matching(/^[A-Za-z0-9-]{1,64}$/, 'not a certificate type code');
const httpsUrl: Check = (value) => {
  if (typeof value !== 'string') return 'not text';
  try {
    return new URL(value).protocol === 'https:' ? null : 'not an https URL';
  } catch {
    return 'not a URL';
  }
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each named member checked in order; the first that fails is the problem. */
function checkMembers(object: Record<string, unknown>, path: (string | number)[], checks: Record<string, Check>): Read<void> {
  for (const [key, check] of Object.entries(checks)) {
    const message = check(object[key]);
    if (message !== null) return problem([...path, key], message);
  }
  return ok(undefined);
}

function checkList(value: unknown, path: (string | number)[], each: Check, atLeast = 0): Read<string[]> {
  if (!Array.isArray(value)) return problem(path, 'not a list');
  if (value.length < atLeast) return problem(path, `fewer than ${atLeast}`);
  for (const [index, item] of value.entries()) {
    const message = each(item);
    if (message !== null) return problem([...path, index], message);
  }
  return ok(value as string[]);
}

const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined ? null : check(value);

function readEntry(value: unknown, path: (string | number)[]): Read<TrustEntryDocument> {
  if (!isObject(value)) return problem(path, 'not an object');
  const members = checkMembers(value, path, {
    kid: matching(/^[0-9a-f]{16}$/, 'not a key id'),
    alg: (alg) => (isSignatureAlg(alg) ? null : 'not ES256 or SM2-SM3'),
    code: matching(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'not a unified social credit code'),
    name: nonEmpty,
  });
  if (!members.ok) return members;
  const certTypes = checkList(value.certTypes, [...path, 'certTypes'], certTypeCode, 1);
  if (!certTypes.ok) return certTypes;
  const rest = checkMembers(value, path, {
    publicKeyPem: nonEmpty,
    validFrom: instant,
    validTo: instant,
    status: oneOf(['active', 'retired', 'revoked']),
    retiredAt: optional(instant),
  });
  if (!rest.ok) return rest;
  // Every member below was checked above; only the named ones are kept.
  const entry = value as unknown as TrustEntryDocument;
  const document: TrustEntryDocument = {
    kid: entry.kid,
    alg: entry.alg,
    code: entry.code,
    name: entry.name,
    certTypes: certTypes.value,
    publicKeyPem: entry.publicKeyPem,
    validFrom: entry.validFrom,
    validTo: entry.validTo,
    status: entry.status,
  };
  if (entry.retiredAt !== undefined) document.retiredAt = entry.retiredAt;
  if (value.stamp !== undefined) {
    const stamp = readIssuerStamp(value.stamp);
    if (!stamp.ok) return problem([...path, 'stamp', ...stamp.error.path], stamp.error.message);
    document.stamp = stamp.value;
  }
  return ok(document);
}

/** The payload of a trust-list JWS as a document, or the first member that breaks the contract. */
export function readTrustListDocument(value: unknown): Read<TrustListDocument> {
  if (!isObject(value)) return problem([], 'not an object');
  const members = checkMembers(value, [], {
    version: (version) => (Number.isSafeInteger(version) && (version as number) >= 0 ? null : 'not a whole number ≥ 0'),
    issuedAt: instant,
    nextUpdate: instant,
  });
  if (!members.ok) return members;
  if (!Array.isArray(value.issuers)) return problem(['issuers'], 'not a list');
  const issuers: TrustEntryDocument[] = [];
  for (const [index, entry] of value.issuers.entries()) {
    const read = readEntry(entry, ['issuers', index]);
    if (!read.ok) return read;
    issuers.push(read.value);
  }
  const v11 = checkMembers(value, [], { environment: optional(oneOf(['production', 'test'])) });
  if (!v11.ok) return v11;
  const document: TrustListDocument = {
    version: value.version as number,
    issuedAt: value.issuedAt as string,
    nextUpdate: value.nextUpdate as string,
    issuers,
  };
  if (value.environment !== undefined) document.environment = value.environment as TrustListEnvironment;
  if (value.verifierUrls !== undefined) {
    const urls = checkList(value.verifierUrls, ['verifierUrls'], httpsUrl);
    if (!urls.ok) return urls;
    document.verifierUrls = urls.value;
  }
  return ok(document);
}
