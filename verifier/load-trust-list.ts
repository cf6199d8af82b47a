// Loading a signed trust list (seal-kq1.md, "Trust list"): the JWS checked against the pinned root, then the
// loading rules, written once for the agent, the command line and the page. Crypto is injected the way the
// seal check's is: the steps yield each key to import and each signature to check, and a runner answers with
// Node's crypto at once or with WebCrypto later. A list that breaks a rule is refused whole, so a kiosk keeps
// the one it has rather than run with a partial list.

import { err, ok, type Result } from '../device-drivers/result';
import { jwsPayloadJson, parseJws } from './compact-jws';
import { parseInstant } from './contract-instant';
import type { IssuerStamp } from './issuer-stamp';
import type { VerifierTrust } from './kq1-verdict';
import type { SignatureCheck } from './seal-crypto';
import type { SealIssuer } from './seal-issuer';
import type { SignatureAlg } from './signature-alg';
import { readTrustListDocument, type TrustEntryDocument, type TrustListEnvironment } from './trust-list-document';

export interface TrustEntry<Key> extends SealIssuer<Key> {
  /** The issuer's unified social credit code. */
  code: string;
  /** The issuer's stamp, printed only on certificates this key verified. */
  stamp?: IssuerStamp;
}

export interface TrustList<Key> extends VerifierTrust<Key, TrustEntry<Key>> {
  version: number;
  issuedAtMs: number;
  /** A `test` list's papers are specimens: watermarked, `样本` in the stamp; a production kiosk refuses one. */
  environment: TrustListEnvironment;
}

/** Why a trust list was refused as a whole, in words for staff (no key material, no values). */
export interface TrustListRefusal {
  reason: string;
}

/** The root key every verifier pins (ES256), as the caller's crypto holds it, with its key id. */
export interface PinnedRoot<Key> {
  kid: string;
  publicKey: Key;
}

/** A public key read from an entry's PEM, with the key id recomputed from it. */
export interface ImportedKey<Key> {
  publicKey: Key;
  kid: string;
}

/** Why an entry's PEM gave no usable key: not a public key at all, or a key of another algorithm's kind. */
export type KeyImportProblem = 'not-a-key' | 'wrong-kind';

export interface KeyImport {
  pem: string;
  alg: SignatureAlg;
}

export interface TrustListCrypto<Key> {
  importPublicKey(request: KeyImport): ImportedKey<Key> | KeyImportProblem;
  verifySignature(check: SignatureCheck<Key>): boolean;
}

export interface AsyncTrustListCrypto<Key> {
  importPublicKey(request: KeyImport): Promise<ImportedKey<Key> | KeyImportProblem>;
  verifySignature(check: SignatureCheck<Key>): Promise<boolean>;
}

type Step<Key> = { importKey: KeyImport } | { verify: SignatureCheck<Key> };
type Answer<Key> = ImportedKey<Key> | KeyImportProblem | boolean;
type Steps<Key, T> = Generator<Step<Key>, T, Answer<Key>>;

export interface LoadOptions {
  /** The version installed now, if any: a lower one is refused (a replayed old list could revive a key). */
  installedVersion?: number;
  /** The configuration says production, so a `test` list is refused, at every load. */
  production?: boolean;
}

function refuse(reason: string): Result<never, TrustListRefusal> {
  return err({ reason: `trust list: ${reason}` });
}

function* loadSteps<Key>(token: string, root: PinnedRoot<Key>, options: LoadOptions): Steps<Key, Result<TrustList<Key>, TrustListRefusal>> {
  const parsed = parseJws(token.trim(), 'trust+jws');
  if (!parsed.ok) return refuse(parsed.error);
  const jws = parsed.value;
  // The root is pinned, so its kid and algorithm are known; the header only has to agree.
  if (jws.header.kid !== root.kid) return refuse('signed by another key than the pinned root');
  const rootSigned =
    jws.header.alg === 'ES256' &&
    (yield { verify: { alg: 'ES256', publicKey: root.publicKey, data: jws.signingInput, signature: jws.signature } }) === true;
  if (!rootSigned) return refuse('signature does not verify against the pinned root');
  const document = readTrustListDocument(jwsPayloadJson(jws));
  if (!document.ok) return refuse(`malformed at ${document.error.path.join('.')} (${document.error.message})`);
  const { version, issuedAt, nextUpdate, issuers } = document.value;
  const environment = document.value.environment ?? 'test';
  if (options.production && environment !== 'production') {
    return refuse(`a ${environment} list, and this kiosk's configuration says production`);
  }
  if (options.installedVersion !== undefined && version < options.installedVersion) {
    return refuse(`version ${version} is lower than the installed ${options.installedVersion}`);
  }
  const entries = new Map<string, TrustEntry<Key>>();
  for (const [index, entry] of issuers.entries()) {
    const built = yield* entrySteps<Key>(entry);
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
    verifierUrls: document.value.verifierUrls ?? [],
  });
}

/** The entry, or why it breaks a loading rule. */
function* entrySteps<Key>(entry: TrustEntryDocument): Steps<Key, Result<TrustEntry<Key>, string>> {
  const imported = (yield { importKey: { pem: entry.publicKeyPem, alg: entry.alg } }) as ImportedKey<Key> | KeyImportProblem;
  if (imported === 'not-a-key') return err('publicKeyPem is not a public key');
  if (imported === 'wrong-kind') return err(`key is not an ${entry.alg} key`);
  if (imported.kid !== entry.kid) return err('kid does not match the key');
  const validFromMs = parseInstant(entry.validFrom)!;
  const validToMs = parseInstant(entry.validTo)!;
  if (validFromMs >= validToMs) return err('validFrom is not before validTo');
  if ((entry.status === 'retired') !== (entry.retiredAt !== undefined)) return err('retiredAt goes with status retired, and only with it');
  const result: TrustEntry<Key> = {
    kid: entry.kid,
    alg: entry.alg,
    code: entry.code,
    name: entry.name,
    certTypes: entry.certTypes,
    publicKey: imported.publicKey,
    validFromMs,
    validToMs,
    status: entry.status,
  };
  if (entry.retiredAt !== undefined) result.retiredAtMs = parseInstant(entry.retiredAt)!;
  if (entry.stamp !== undefined) result.stamp = entry.stamp;
  return ok(result);
}

/** Verifies a signed trust list against the pinned root and applies the loading rules, with crypto that answers at once. */
export function loadTrustList<Key>(
  token: string,
  root: PinnedRoot<Key>,
  crypto: TrustListCrypto<Key>,
  options: LoadOptions = {},
): Result<TrustList<Key>, TrustListRefusal> {
  const steps = loadSteps(token, root, options);
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    next = steps.next('verify' in step ? crypto.verifySignature(step.verify) : crypto.importPublicKey(step.importKey));
  }
  return next.value;
}

/** The same with crypto that answers later (WebCrypto in the page). */
export async function loadTrustListAsync<Key>(
  token: string,
  root: PinnedRoot<Key>,
  crypto: AsyncTrustListCrypto<Key>,
  options: LoadOptions = {},
): Promise<Result<TrustList<Key>, TrustListRefusal>> {
  const steps = loadSteps(token, root, options);
  let next = steps.next();
  while (!next.done) {
    const step = next.value;
    next = steps.next(await ('verify' in step ? crypto.verifySignature(step.verify) : crypto.importPublicKey(step.importKey)));
  }
  return next.value;
}

/** Past `nextUpdate` the list still verifies, but staff must be told to get a newer one. */
export function trustListIsStale(list: Pick<TrustList<unknown>, 'nextUpdateMs'>, now: Date): boolean {
  return now.getTime() > list.nextUpdateMs;
}
