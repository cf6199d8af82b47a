// Test-only: issuer keys and signed trust lists built in memory, for the gateway's unit tests and benchmarks.

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { keyId } from '../../kiosk/gateway/key-id';
import {
  loadTrustList,
  publishTrustList,
  type TrustEntryDocument,
  type TrustList,
  type TrustListDocument,
} from '../../kiosk/gateway/trust-list';

export interface TestIssuer {
  kid: string;
  privateKey: KeyObject;
  entry: TrustEntryDocument;
}

export function newEs256Key(): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}

export function newSm2Key(): KeyObject {
  return generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey;
}

/** An issuer whose key fits its algorithm (ES256 unless `overrides.alg` says SM2-SM3). */
export function makeIssuer(
  overrides: Partial<TrustEntryDocument> = {},
  privateKey = overrides.alg === 'SM2-SM3' ? newSm2Key() : newEs256Key(),
): TestIssuer {
  const kid = keyId(privateKey);
  return {
    kid,
    privateKey,
    entry: {
      kid,
      alg: 'ES256',
      code: '123301004700013153',
      name: '杭州市不动产登记服务中心',
      certTypes: ['no-property-proof'],
      publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
      validFrom: '2026-01-01T00:00:00Z',
      validTo: '2028-01-01T00:00:00Z',
      status: 'active',
      ...overrides,
    },
  };
}

export function trustDocument(entries: unknown[], version = 7): TrustListDocument {
  return {
    version,
    issuedAt: '2026-11-23T00:00:00Z',
    nextUpdate: '2026-11-30T00:00:00Z',
    // Tests put malformed entries in on purpose.
    issuers: entries as TrustEntryDocument[],
  };
}

/** A loaded trust list holding these issuers, and the root that signed it. */
export function makeTrustList(
  issuers: TestIssuer[],
  root = newEs256Key(),
  document: Pick<TrustListDocument, 'environment' | 'verifierUrls'> = {},
): { list: TrustList; token: string; root: KeyObject } {
  const token = publishTrustList({ ...trustDocument(issuers.map((issuer) => issuer.entry)), ...document }, root);
  const loaded = loadTrustList(token, createPublicKey(root));
  if (!loaded.ok) throw new Error(loaded.error.reason);
  return { list: loaded.value, token, root };
}

/**
 * The gateway simulator's (test) trust list re-signed by its root as a production list, written to `path`: a
 * configuration that says production refuses a test list, so a production agent against the simulator needs this.
 */
export async function productionCopyOfTrustList(files: { trustList: string; trustRootKey: string }, path: string): Promise<string> {
  return changedCopyOfTrustList(files, path, { environment: 'production' });
}

/** The gateway simulator's trust list with `changes` made to its payload, re-signed by its root, written to `path`. */
export async function changedCopyOfTrustList(
  files: { trustList: string; trustRootKey: string },
  path: string,
  changes: Partial<TrustListDocument>,
): Promise<string> {
  const [, payload] = (await readFile(files.trustList, 'utf8')).trim().split('.');
  const document = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as TrustListDocument;
  const rootKey = createPrivateKey(await readFile(files.trustRootKey, 'utf8'));
  await writeFile(path, publishTrustList({ ...document, ...changes }, rootKey));
  return path;
}
